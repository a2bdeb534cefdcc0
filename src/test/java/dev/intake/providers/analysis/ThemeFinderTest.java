package dev.intake.providers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.ThemeDraft;
import org.junit.jupiter.api.Test;

/** Themes group evidence by meaning and are named by what their statements say. */
class ThemeFinderTest {

    private static Evidence evidence(int i, EvidenceKind kind, String verbatim) {
        return new Evidence(new UUID(0, i), kind, verbatim, "Kim Alvarsson", null, null);
    }

    private static final List<Evidence> EVIDENCE = List.of(
            evidence(0, EvidenceKind.PAIN, "The supplier invoices bounce back every Friday."),
            evidence(1, EvidenceKind.PAIN, "Half the invoices we send get rejected by the supplier portal."),
            evidence(2, EvidenceKind.CONTEXT, "We hire about ten seasonal bakers every summer."),
            evidence(3, EvidenceKind.PAIN, "Training the new seasonal bakers takes the head baker a whole week."),
            evidence(4, EvidenceKind.WILLINGNESS_TO_PAY, "I'd pay eighty dollars a month for that."));

    private static ThemeDraft themeOf(List<ThemeDraft> themes, int evidence) {
        return themes.stream().filter(t -> t.evidenceIds().contains(new UUID(0, evidence))).findFirst().orElseThrow();
    }

    @Test
    void statements_about_the_same_thing_share_a_theme_and_others_do_not() {
        List<ThemeDraft> themes = ThemeFinder.find(EVIDENCE, LocalAnalyzerTest.MODEL);
        assertEquals(themeOf(themes, 0), themeOf(themes, 1));
        assertEquals(themeOf(themes, 2), themeOf(themes, 3));
        assertFalse(themeOf(themes, 0).equals(themeOf(themes, 2)));
    }

    @Test
    void every_statement_is_in_exactly_one_theme() {
        for (List<ThemeDraft> themes : List.of(ThemeFinder.find(EVIDENCE, LocalAnalyzerTest.MODEL),
                ThemeFinder.find(EVIDENCE, null))) {
            for (Evidence e : EVIDENCE) {
                assertEquals(1, themes.stream().filter(t -> t.evidenceIds().contains(e.id())).count(), themes.toString());
            }
        }
    }

    @Test
    void a_theme_is_named_by_words_its_statements_say_not_by_a_kind() {
        List<ThemeDraft> themes = ThemeFinder.find(EVIDENCE, LocalAnalyzerTest.MODEL);
        for (ThemeDraft theme : themes) {
            String said = EVIDENCE.stream().filter(e -> theme.evidenceIds().contains(e.id())).map(Evidence::verbatim)
                    .reduce("", String::concat).toLowerCase(Locale.ROOT);
            String firstWord = theme.name().split(" ")[0].toLowerCase(Locale.ROOT);
            assertTrue(said.contains(firstWord), theme.name() + " / " + said);
            assertFalse(theme.name().startsWith("Other"), theme.name());
        }
        assertTrue(themeOf(themes, 0).name().toLowerCase(Locale.ROOT).contains("invoice"), themeOf(themes, 0).name());
    }

    @Test
    void without_the_model_statements_sharing_telling_words_share_a_theme() {
        List<ThemeDraft> themes = ThemeFinder.find(EVIDENCE, null);
        assertEquals(themeOf(themes, 2), themeOf(themes, 3));
        assertEquals(themes, ThemeFinder.find(EVIDENCE, null));
    }
}
