package dev.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The analyzer holds no line of the evaluation set: no sequence of five or more words of a transcript
 * or a label (whole words, case and punctuation aside) appears anywhere in src/main, so a rule, an
 * example or a name cannot have been written for one labeled line. The few phrases below are English
 * any interview or any code comment says; each was read and kept on purpose.
 */
class EvaluationSetIsNotInTheCodeTest {

    static final int N = 5;
    private static final Path EVAL = Path.of("bench/eval");
    private static final Path MAIN = Path.of("src/main");

    /** Generic five-word sequences, reviewed: none carries a fact of any one interview. */
    static final Set<String> GENERIC = Set.of(
            "at the end of the",
            "the end of the day",
            "at the end of the day",
            "i don't know if i",
            "a lot of the time");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)*");
    private static final Pattern TIMING = Pattern.compile("(?m)^\\s*(?:\\d+|[\\d:.,]+\\s*-->\\s*[\\d:.,]+.*|WEBVTT.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void no_five_words_of_a_transcript_or_label_appear_in_src_main() throws IOException {
        Set<String> evaluation = new HashSet<>();
        for (Path file : files(EVAL)) {
            for (String text : texts(file)) {
                evaluation.addAll(grams(text));
            }
        }
        Set<String> found = new TreeSet<>();
        for (Path file : files(MAIN)) {
            for (String gram : grams(Files.readString(file))) {
                if (evaluation.contains(gram) && !GENERIC.contains(gram)) {
                    found.add(gram + "   (" + MAIN.relativize(file) + ")");
                }
            }
        }

        assertTrue(evaluation.size() > 20_000, "the evaluation set was read: " + evaluation.size() + " sequences");
        assertEquals(List.of(), List.copyOf(found));
    }

    @Test
    void the_check_finds_a_labeled_line_copied_into_code_whatever_its_case_and_punctuation() {
        Set<String> evaluation = new HashSet<>(grams("Honestly? We re-type every order, by hand, into the system."));
        List<String> code = grams("Pattern.compile(\"(?i)we re-type EVERY order by hand\")");

        assertTrue(code.stream().anyMatch(evaluation::contains), code.toString());
        assertTrue(grams("re-type every order").isEmpty(), "fewer than five words make no sequence");
    }

    /** The words people say in a file of the set: a transcript's speech and names, a label's strings. */
    private static List<String> texts(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".md")) {
            return List.of();
        }
        if (name.endsWith(".json")) {
            List<String> strings = new ArrayList<>();
            collect(JSON.readTree(file.toFile()), strings);
            return strings;
        }
        return List.of(TIMING.matcher(Files.readString(file)).replaceAll(" "));
    }

    private static void collect(JsonNode node, List<String> strings) {
        if (node.isTextual()) {
            strings.add(node.asText());
        }
        node.forEach(child -> collect(child, strings));
    }

    static List<String> grams(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.replace('\u2019', '\'').toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + N <= words.size(); i++) {
            grams.add(String.join(" ", words.subList(i, i + N)));
        }
        return grams;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
