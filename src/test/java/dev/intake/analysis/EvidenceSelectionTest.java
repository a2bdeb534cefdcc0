package dev.intake.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.intake.analysis.EvidenceSelection.Turn;

/**
 * The "evidence selection" cases of Insights' own {@code extractEvidenceCore.test.ts}, one test each,
 * passed by {@link EvidenceSelection}, which the local analyzer asks before keeping a quote. The
 * cases' interaction context is left out: Insights' rule takes it but never reads it. Its
 * "person_id attribution" cases are in {@code EvidenceStoreTest}.
 */
class EvidenceSelectionTest {

    @Test
    void skips_interviewer_research_prompts_that_only_move_the_conversation_forward() {
        assertTrue(EvidenceSelection.shouldSkip(new Turn("interviewer-1", "Okay. How about AI and things like that?",
                "asks about AI", "How about AI?", 0, true, true)));
    }

    @Test
    void skips_low_signal_acknowledgments_with_no_facets() {
        assertTrue(EvidenceSelection.shouldSkip(new Turn("participant-1", "Yeah.", "confirms", "Yeah.", 0, false, false)));
    }

    @Test
    void keeps_substantive_participant_evidence_even_when_concise() {
        assertFalse(EvidenceSelection.shouldSkip(new Turn("participant-1",
                "I want the tool to pull in my sources and show me what's missing before I draft anything.",
                "wants source gap detection", "show me what's missing", 2, false, false)));
    }

    @Test
    void keeps_interviewer_turns_when_they_carry_concrete_facet_bearing_signal() {
        assertFalse(EvidenceSelection.shouldSkip(new Turn("interviewer-1",
                "We usually see people abandon this workflow when the calendar step takes too long.",
                "workflow abandonment trigger", "abandon this workflow", 1, false, true)));
    }

    @Test
    void skips_interviewer_concept_demo_scaffolding_even_when_not_classified_as_research() {
        assertTrue(EvidenceSelection.shouldSkip(new Turn("interviewer-1",
                "One of the ideas here is that we'd start in the beginning with allowing you to ask something.",
                "introduce concept demo", "allowing you to ask something", 0, false, false)));
    }
}
