package dev.intake.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.ProjectTheme;
import dev.intake.interview.ThemeDraft;
import org.junit.jupiter.api.Test;

/**
 * Themes are patterns: they group evidence by meaning, need more than one quote, join the project's
 * theme about the same thing, and are described as Insights' theme generation describes them.
 */
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

    private static final ProjectTheme INVOICES_ELSEWHERE = new ProjectTheme(new UUID(7, 1), "Invoice rejections",
            "Suppliers reject invoices.", List.of("Our supplier's portal rejects about a third of our invoices.",
                    "Every week invoices come back from the supplier and we resend them."));
    private static final ProjectTheme CALENDAR_ELSEWHERE = new ProjectTheme(new UUID(7, 2), "Double-booked calendars",
            "Meetings collide.", List.of("My calendar double-books the meeting rooms all the time.",
                    "We keep scheduling two meetings in the same room at the same hour."));

    private static Optional<ThemeDraft> themeOf(List<ThemeDraft> themes, int evidence) {
        return themes.stream().filter(t -> t.evidenceIds().contains(new UUID(0, evidence))).findFirst();
    }

    @Test
    void statements_about_the_same_thing_share_a_theme_and_others_do_not() {
        List<ThemeDraft> themes = ThemeFinder.find(EVIDENCE, List.of(), AnalyzerTest.MODEL);
        assertEquals(themeOf(themes, 0).orElseThrow(), themeOf(themes, 1).orElseThrow());
        assertEquals(themeOf(themes, 2).orElseThrow(), themeOf(themes, 3).orElseThrow());
        assertNotEquals(themeOf(themes, 0), themeOf(themes, 2));
    }

    @Test
    void a_quote_that_nothing_else_says_is_no_theme_of_its_own() {
        for (List<ThemeDraft> themes : List.of(ThemeFinder.find(EVIDENCE, List.of(), AnalyzerTest.MODEL),
                ThemeFinder.find(EVIDENCE, List.of(), null))) {
            assertEquals(Optional.empty(), themeOf(themes, 4), themes.toString());
            assertTrue(themes.stream().allMatch(t -> t.evidenceIds().size() > 1), themes.toString());
            for (Evidence e : EVIDENCE) {
                assertTrue(themes.stream().filter(t -> t.evidenceIds().contains(e.id())).count() <= 1, themes.toString());
            }
        }
    }

    @Test
    void a_theme_is_named_by_a_phrase_stating_the_pattern_not_by_stray_words() {
        List<ThemeDraft> themes = ThemeFinder.find(EVIDENCE, List.of(), AnalyzerTest.MODEL);
        for (ThemeDraft theme : themes) {
            assertTrue(theme.name().split(" ").length >= 2 && theme.name().split(" ").length <= 6, theme.name());
            assertFalse(theme.name().contains(" and "), theme.name());
        }
        String invoices = themeOf(themes, 0).orElseThrow().name().toLowerCase(Locale.ROOT);
        assertTrue(invoices.contains("invoices") && invoices.split(" ").length >= 3, invoices);
        String bakers = themeOf(themes, 2).orElseThrow().name().toLowerCase(Locale.ROOT);
        assertTrue(bakers.contains("bakers"), bakers);
    }

    @Test
    void a_theme_says_what_it_is_what_belongs_in_it_and_what_belongs_elsewhere() {
        List<ThemeDraft> themes = ThemeFinder.find(EVIDENCE, List.of(), AnalyzerTest.MODEL);
        ThemeDraft invoices = themeOf(themes, 0).orElseThrow();
        assertTrue(invoices.statement().contains("The supplier invoices bounce back every Friday."), invoices.statement());
        assertTrue(invoices.inclusionCriteria().toLowerCase(Locale.ROOT).contains("invoices"), invoices.inclusionCriteria());
        assertTrue(invoices.exclusionCriteria().toLowerCase(Locale.ROOT).contains("bakers"), invoices.exclusionCriteria());
        for (ThemeDraft theme : themes) {
            for (ThemeDraft.Link link : theme.evidence()) {
                assertTrue(link.confidence() >= 0.65, "shown at Insights' default link threshold: " + link);
                assertFalse(link.rationale().isBlank());
            }
        }
    }

    @Test
    void a_theme_found_again_in_another_interview_joins_the_projects_theme_about_the_same_thing() {
        List<ThemeDraft> themes = ThemeFinder.find(EVIDENCE, List.of(CALENDAR_ELSEWHERE, INVOICES_ELSEWHERE),
                AnalyzerTest.MODEL);
        assertEquals(INVOICES_ELSEWHERE.id(), themeOf(themes, 0).orElseThrow().projectThemeId(),
                "same pattern, another name: by meaning, not by name");
        assertNull(themeOf(themes, 2).orElseThrow().projectThemeId(), "the bakers are no project theme yet");
    }

    @Test
    void a_single_quote_joins_the_projects_theme_it_is_about() {
        List<Evidence> one = List.of(evidence(0, EvidenceKind.PAIN, "The supplier keeps rejecting the invoices we send."),
                evidence(1, EvidenceKind.CONTEXT, "We hire about ten seasonal bakers every summer."));
        List<ThemeDraft> themes = ThemeFinder.find(one, List.of(INVOICES_ELSEWHERE, CALENDAR_ELSEWHERE), AnalyzerTest.MODEL);
        assertEquals(INVOICES_ELSEWHERE.id(), themeOf(themes, 0).orElseThrow().projectThemeId());
        assertEquals(Optional.empty(), themeOf(themes, 1));
    }

    @Test
    void without_the_model_statements_sharing_telling_words_share_a_theme() {
        List<ThemeDraft> themes = ThemeFinder.find(EVIDENCE, List.of(), null);
        assertEquals(themeOf(themes, 2).orElseThrow(), themeOf(themes, 3).orElseThrow());
        assertEquals(themes, ThemeFinder.find(EVIDENCE, List.of(), null));
    }
}
