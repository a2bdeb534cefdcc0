package dev.intake.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.intake.interview.EvidenceKind;

/**
 * One of the analyzer's rule files under {@code analysis/} on the class path, so the words and patterns
 * the analyzer goes by can be read and changed without reading Java. The format:
 * <ul>
 * <li>{@code [name]} or {@code [name argument ...]} opens a section; a name may head several sections
 *     (one per row of a table, in the file's order);</li>
 * <li>every other line is one entry of the section above it (a word, a sentence or a pattern), without
 *     the spaces around it;</li>
 * <li>a line starting with {@code #} is a comment, and blank lines are skipped;</li>
 * <li>{@code %name%} in an entry stands for the entries of the earlier section {@code [name]} joined by
 *     {@code |} (a fragment several patterns share), or for a fragment the class reading the file lends.</li>
 * </ul>
 * A section's pattern is its entries joined by {@code |}: each line is one alternative, and flags such as
 * {@code (?i)} opening the first line hold for all of them. A section the reading class does not
 * know and no entry refers to, a reference to nothing, or a pattern that does not compile is refused
 * with the file and line at fault.
 */
final class RuleFile {

    private static final Pattern HEADER = Pattern.compile("^\\[\\s*([\\w-]+)((?:\\s+[^\\s\\]]+)*)\\s*]$");
    private static final Pattern REFERENCE = Pattern.compile("%([\\w-]+)%");

    /** One line of a section, after its references are filled in. */
    record Entry(int line, String text) {
    }

    /** One section: its header's name and arguments, and its entries in the file's order. */
    record Section(String file, int line, String name, List<String> arguments, List<Entry> entries) {

        Section {
            arguments = List.copyOf(arguments);
            entries = List.copyOf(entries);
        }

        List<String> lines() {
            return entries.stream().map(Entry::text).toList();
        }

        Set<String> words() {
            return Set.copyOf(lines());
        }

        /** The entries joined by {@code |}: alternatives of one pattern, or of a fragment of a larger one. */
        String alternatives() {
            return String.join("|", lines());
        }

        /** The entries as one pattern; the line that does not compile is named when one does not. */
        Pattern pattern() {
            if (entries.isEmpty()) {
                throw fail("has no pattern");
            }
            try {
                return Pattern.compile(alternatives());
            } catch (PatternSyntaxException whole) {
                for (Entry entry : entries) {
                    try {
                        Pattern.compile(entry.text());
                    } catch (PatternSyntaxException e) {
                        throw new IllegalStateException(file + ":" + entry.line() + ": not a pattern in [" + name + "]: "
                                + e.getDescription() + " near index " + e.getIndex() + " of " + entry.text(), e);
                    }
                }
                throw fail("does not compile as one pattern: " + whole.getDescription());
            }
        }

        /** The argument at {@code index} as a kind of evidence, by its key ("pain", "willingness_to_pay"). */
        EvidenceKind kind(int index) {
            String key = arguments.size() > index ? arguments.get(index) : "";
            return Arrays.stream(EvidenceKind.values()).filter(k -> k.key().equals(key)).findFirst()
                    .orElseThrow(() -> fail("names no kind of evidence; the kinds are "
                            + Arrays.stream(EvidenceKind.values()).map(EvidenceKind::key).toList()));
        }

        /** An error in this section, naming the file and the header's line. */
        IllegalStateException fail(String why) {
            return new IllegalStateException(file + ":" + line + ": [" + name
                    + (arguments.isEmpty() ? "" : " " + String.join(" ", arguments)) + "] " + why);
        }
    }

    private final String file;
    private final List<Section> sections;

    private RuleFile(String file, List<Section> sections) {
        this.file = file;
        this.sections = List.copyOf(sections);
    }

    /** The file at {@code resource} on the class path, whose reader knows the sections {@code known}. */
    static RuleFile load(String resource, Set<String> known) {
        return load(resource, known, Map.of());
    }

    /** As {@link #load(String, Set)}, with fragments {@code lent} by the reading class for {@code %name%}. */
    static RuleFile load(String resource, Set<String> known, Map<String, String> lent) {
        try (InputStream in = RuleFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), known, lent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleFile parse(String file, String text, Set<String> known, Map<String, String> lent) {
        List<Section> sections = new ArrayList<>();
        Map<String, String> fragments = new LinkedHashMap<>(lent);
        Set<String> referred = new HashSet<>();
        String[] lines = text.split("\\R", -1);
        Section open = null;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                Matcher header = HEADER.matcher(line);
                if (!header.matches()) {
                    throw new IllegalStateException(file + ":" + number + ": not a section header: " + line);
                }
                close(open, entries, sections, fragments);
                List<String> arguments = header.group(2).isBlank() ? List.of()
                        : Arrays.asList(header.group(2).strip().split("\\s+"));
                open = new Section(file, number, header.group(1), arguments, List.of());
                entries = new ArrayList<>();
                continue;
            }
            if (open == null) {
                throw new IllegalStateException(file + ":" + number + ": a rule before any [section]: " + line);
            }
            entries.add(new Entry(number, fill(file, number, line, fragments, referred)));
        }
        close(open, entries, sections, fragments);
        for (Section s : sections) {
            if (!known.contains(s.name()) && !referred.contains(s.name())) {
                throw new IllegalStateException(file + ":" + s.line() + ": unknown section [" + s.name()
                        + "]; the analyzer reads " + known.stream().sorted().map(n -> "[" + n + "]").toList()
                        + " and the fragments the rules refer to");
            }
        }
        return new RuleFile(file, sections);
    }

    private static void close(Section open, List<Entry> entries, List<Section> sections, Map<String, String> fragments) {
        if (open == null) {
            return;
        }
        Section done = new Section(open.file(), open.line(), open.name(), open.arguments(), entries);
        sections.add(done);
        // A name that heads several sections is a table's rows, not a fragment; referring to it is refused.
        fragments.put(done.name(), fragments.containsKey(done.name()) ? null : done.alternatives());
    }

    private static String fill(String file, int line, String text, Map<String, String> fragments, Set<String> referred) {
        Matcher ref = REFERENCE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (ref.find()) {
            String name = ref.group(1);
            String fragment = fragments.get(name);
            if (fragment == null) {
                throw new IllegalStateException(file + ":" + line + ": %" + name + "% refers to no single section above it"
                        + " nor to a fragment the analyzer lends");
            }
            referred.add(name);
            ref.appendReplacement(filled, Matcher.quoteReplacement(fragment));
        }
        ref.appendTail(filled);
        return filled.toString();
    }

    /** The one section named {@code name}. */
    Section one(String name) {
        List<Section> named = all(name);
        if (named.size() != 1) {
            throw new IllegalStateException(file + ": needs exactly one [" + name + "] section, has " + named.size());
        }
        return named.get(0);
    }

    /** Every section named {@code name}, in the file's order (a table's rows); none is an error. */
    List<Section> all(String name) {
        List<Section> named = sections.stream().filter(s -> s.name().equals(name)).toList();
        if (named.isEmpty()) {
            throw new IllegalStateException(file + ": has no [" + name + "] section");
        }
        return named;
    }

    Pattern pattern(String name) {
        return one(name).pattern();
    }

    Set<String> words(String name) {
        return one(name).words();
    }

    List<String> lines(String name) {
        return one(name).lines();
    }
}
