package dev.intake.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.intake.interview.EvidenceKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The analyzer's rule files: sections of lines, patterns made of them, and errors that say where. */
class RuleFileTest {

    private static RuleFile parse(Set<String> known, String... lines) {
        return RuleFile.parse("test.rules", String.join("\n", lines), known, Map.of());
    }

    private static String failure(Runnable reading) {
        return assertThrows(IllegalStateException.class, reading::run).getMessage();
    }

    @Test
    void sections_keep_their_lines_in_order_without_comments_blank_lines_or_surrounding_spaces() {
        RuleFile rules = parse(Set.of("stopwords"),
                "# words that tell nothing",
                "[stopwords]",
                "  the  ",
                "",
                "# a comment between entries",
                "and",
                "of");

        assertEquals(List.of("the", "and", "of"), rules.lines("stopwords"));
        assertEquals(Set.of("the", "and", "of"), rules.words("stopwords"));
    }

    @Test
    void a_name_heading_several_sections_is_a_table_read_in_the_files_order_with_its_arguments() {
        RuleFile rules = parse(Set.of("hint"),
                "[hint pain]", "hard",
                "[hint goal]", "ideal",
                "[hint pain]", "worst");

        List<RuleFile.Section> hints = rules.all("hint");

        assertEquals(List.of(List.of("pain"), List.of("goal"), List.of("pain")),
                hints.stream().map(RuleFile.Section::arguments).toList());
        assertEquals(List.of(EvidenceKind.PAIN, EvidenceKind.GOAL, EvidenceKind.PAIN),
                hints.stream().map(h -> h.kind(0)).toList());
        assertEquals(List.of("worst"), hints.get(2).lines());
    }

    @Test
    void a_patterns_lines_are_alternatives_and_a_flag_on_the_first_line_holds_for_all() {
        Pattern money = parse(Set.of("currency"), "[currency]", "(?i)\\bdollars?\\b", "\\beuros?\\b").pattern("currency");

        assertTrue(money.matcher("forty Dollars").find());
        assertTrue(money.matcher("ten EUROS a month").find());
        assertFalse(money.matcher("a few pounds").find());
    }

    @Test
    void a_reference_stands_for_the_lines_of_a_section_above_it() {
        RuleFile rules = parse(Set.of("price"),
                "# a fragment: read by no class, used by the rule below",
                "[number]", "\\d+", "ten", "twenty",
                "[price]", "(?i)\\b(?:%number%) a month\\b");

        Pattern price = rules.pattern("price");

        assertTrue(price.matcher("maybe Twenty a month").find());
        assertTrue(price.matcher("about 40 a month").find());
        assertFalse(price.matcher("thirty a month").find(), "only the numbers the fragment lists");
    }

    @Test
    void a_reference_can_name_a_fragment_the_reading_class_lends() {
        RuleFile rules = RuleFile.parse("test.rules", "[named]\n(?i)\\bour (?:%role%)\\b", Set.of("named"),
                Map.of("role", "owner|manager"));

        assertTrue(rules.pattern("named").matcher("Our manager decides.").find());
        assertFalse(rules.pattern("named").matcher("Our office decides.").find());
    }

    @Test
    void a_pattern_that_does_not_compile_is_refused_with_its_file_and_line() {
        RuleFile rules = parse(Set.of("trouble"), "[trouble]", "\\bhard\\b", "\\b(broken\\b", "\\bslow\\b");

        String message = failure(() -> rules.pattern("trouble"));

        assertTrue(message.startsWith("test.rules:3: "), message);
        assertTrue(message.contains("[trouble]") && message.contains("\\b(broken\\b"), message);
    }

    @Test
    void a_section_no_class_reads_and_no_rule_refers_to_is_refused_with_its_line() {
        String message = failure(() -> parse(Set.of("trouble"), "[trouble]", "hard", "", "[troubel]", "slow"));

        assertTrue(message.startsWith("test.rules:4: unknown section [troubel]"), message);
        assertTrue(message.contains("[trouble]"), "names the sections the reader knows: " + message);
    }

    @Test
    void a_reference_to_no_section_above_is_refused_with_its_line() {
        String below = failure(() -> parse(Set.of("price"), "[price]", "\\b%number% a month\\b", "[number]", "ten"));
        String table = failure(() -> parse(Set.of("hint", "any"), "[hint pain]", "hard", "[hint goal]", "ideal",
                "[any]", "%hint%"));

        assertTrue(below.startsWith("test.rules:2: %number%"), below);
        assertTrue(table.startsWith("test.rules:6: %hint%"), "a table's rows are no fragment: " + table);
    }

    @Test
    void a_malformed_header_or_a_rule_outside_any_section_is_refused_with_its_line() {
        assertTrue(failure(() -> parse(Set.of("trouble"), "[trouble", "hard")).startsWith("test.rules:1: "));
        assertTrue(failure(() -> parse(Set.of("trouble"), "# rules", "hard", "[trouble]")).startsWith("test.rules:2: "));
    }

    @Test
    void a_header_naming_no_kind_of_evidence_is_refused_with_its_line() {
        RuleFile rules = parse(Set.of("hint"), "[hint pain]", "hard", "[hint pains]", "worst");

        String message = failure(() -> rules.all("hint").forEach(h -> h.kind(0)));

        assertTrue(message.startsWith("test.rules:3: [hint pains] names no kind of evidence"), message);
    }

    @Test
    void asking_for_a_section_the_file_lacks_or_repeats_names_the_file() {
        RuleFile rules = parse(Set.of("hint", "small-talk"), "[hint pain]", "hard", "[hint goal]", "ideal");

        assertTrue(failure(() -> rules.pattern("small-talk")).startsWith("test.rules: has no [small-talk]"));
        assertTrue(failure(() -> rules.one("hint")).startsWith("test.rules: needs exactly one [hint]"));
    }

    @Test
    void a_rule_file_missing_from_the_class_path_is_named() {
        String message = failure(() -> RuleFile.load("/analysis/no-such.rules", Set.of()));

        assertTrue(message.contains("/analysis/no-such.rules"), message);
    }

    @Test
    void every_packaged_rule_file_loads_with_the_sections_its_class_reads() throws ClassNotFoundException {
        for (String reader : List.of("EvidenceClassifier", "QuestionHints", "AskedFor", "Roles", "MentionFinder",
                "SpeakerRoles", "Words", "ThemeNames", "Prototypes")) {
            // Loading the class reads its rule file; a file it cannot read fails the class's initialisation.
            Class.forName("dev.intake.analysis." + reader, true, getClass().getClassLoader());
        }
    }

    @Test
    void the_packaged_examples_give_every_kind_statements_and_questions() {
        for (EvidenceKind kind : EvidenceKind.values()) {
            assertFalse(Prototypes.STATEMENTS.get(kind).isEmpty(), kind.key());
            assertFalse(Prototypes.QUESTIONS.get(kind).isEmpty(), kind.key());
        }
        assertFalse(Prototypes.NOT_EVIDENCE.isEmpty());
        assertFalse(Prototypes.SMALL_TALK_QUESTIONS.isEmpty());
    }
}
