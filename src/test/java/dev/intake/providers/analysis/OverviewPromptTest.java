package dev.intake.providers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.interview.ConversationOverview;
import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;

/** The model's conversation overview: Insights' ConversationAnalysis fields, read strictly. */
class OverviewPromptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Evidence> EVIDENCE = List.of(
            new Evidence(new UUID(0, 1), EvidenceKind.PAIN, "Onboarding takes two weeks.", "Dana", null, null),
            new Evidence(new UUID(0, 2), EvidenceKind.GOAL, "I want self-serve dashboards.", "Dana", null, null));

    private static JsonNode answer(String takeaway) throws Exception {
        return JSON.readTree("""
                {"overview": "Dana on onboarding.", "duration_estimate": "10 minutes",
                 "questions": [{"question": "How long?", "asked_by": "Priya", "intent": null, "evidence_snippet": null,
                                "confidence": 1.7}],
                 "participant_goals": [{"speaker": "Dana", "goal": "Self-serve dashboards", "evidence_snippet": null,
                                        "confidence": 0.456}],
                 "key_takeaways": [%s], "open_questions": ["Which warehouse?"],
                 "recommended_next_steps": [{"focus_area": "Onboarding", "action": "Demo", "rationale": "Slow ramp"}],
                 "title": "Analyst Onboarding"}""".formatted(takeaway));
    }

    @Test
    void the_schema_asks_for_every_field_of_insights_conversation_analysis_and_allows_no_other() {
        JsonNode schema = OverviewPrompt.schema();
        Set<String> fields = new java.util.HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("overview", "duration_estimate", "questions", "participant_goals", "key_takeaways",
                "open_questions", "recommended_next_steps", "title"), fields);
        assertEquals(false, schema.get("additionalProperties").asBoolean());
        assertEquals(fields.size(), schema.get("required").size(), "strict: every field required");
    }

    @Test
    void evidence_numbers_become_ids_and_confidence_is_clamped_as_insights_normalises_it() throws Exception {
        ConversationOverview read = OverviewPrompt.read(answer("""
                {"priority": "high", "summary": "Slow onboarding", "evidence_snippets": ["two weeks"], "evidence": [0, 0]}"""),
                EVIDENCE);
        assertEquals(List.of(EVIDENCE.get(0).id()), read.keyTakeaways().get(0).supportingEvidenceIds());
        assertEquals(1.0, read.questions().get(0).confidence());
        assertEquals(0.46, read.participantGoals().get(0).confidence());
        assertEquals("Analyst Onboarding", read.title());
    }

    @Test
    void a_priority_outside_high_medium_low_or_an_evidence_number_not_given_is_a_schema_violation() throws Exception {
        SchemaViolation priority = assertThrows(SchemaViolation.class, () -> OverviewPrompt.read(answer("""
                {"priority": "urgent", "summary": "x", "evidence_snippets": [], "evidence": []}"""), EVIDENCE));
        assertTrue(priority.getMessage().contains("urgent"), priority.getMessage());
        assertThrows(SchemaViolation.class, () -> OverviewPrompt.read(answer("""
                {"priority": "low", "summary": "x", "evidence_snippets": [], "evidence": [7]}"""), EVIDENCE));
    }

    @Test
    void a_model_takeaway_without_evidence_numbers_gets_the_evidence_its_snippet_quotes() {
        Evidence slow = new Evidence(new UUID(0, 1), dev.intake.interview.EvidenceKind.PAIN,
                "It takes two weeks before a new analyst ships a report.", "Dana", null, null);
        Evidence other = new Evidence(new UUID(0, 2), dev.intake.interview.EvidenceKind.GOAL,
                "I want them to find the right table.", "Dana", null, null);
        assertEquals(List.of(slow.id()), OverviewPrompt.quoted(List.of("two weeks before a new analyst"), List.of(other, slow)));
        assertEquals(List.of(), OverviewPrompt.quoted(List.of("nothing like it"), List.of(other, slow)));
    }
}
