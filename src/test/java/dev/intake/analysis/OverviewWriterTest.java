package dev.intake.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.interview.ConversationOverview;
import dev.intake.interview.ConversationOverview.Priority;
import dev.intake.interview.ConversationOverview.Takeaway;
import dev.intake.interview.Evidence;
import dev.intake.interview.Transcript;

/** The built-in analyzer's conversation overview: extractive, every takeaway the evidence it cites. */
class OverviewWriterTest {

    private final Analyzer analyzer = Analyzer.rulesOnly();

    private static Transcript onboarding() {
        return AnalyzerTest.onboarding();
    }

    private List<Evidence> evidenceOf(Transcript transcript) {
        return AnalyzerTest.stored(analyzer.findEvidence(transcript).evidence());
    }

    @Test
    void every_takeaway_quotes_the_evidence_it_cites_and_pains_and_willingness_to_pay_come_first() {
        Transcript transcript = onboarding();
        List<Evidence> evidence = evidenceOf(transcript);
        ConversationOverview overview = analyzer.summarizeConversation(transcript, evidence);
        assertFalse(overview.keyTakeaways().isEmpty());
        assertTrue(overview.keyTakeaways().size() <= OverviewWriter.TAKEAWAYS);
        for (Takeaway takeaway : overview.keyTakeaways()) {
            assertEquals(1, takeaway.supportingEvidenceIds().size(), takeaway.toString());
            Evidence cited = evidence.stream().filter(e -> e.id().equals(takeaway.supportingEvidenceIds().get(0)))
                    .findFirst().orElseThrow();
            String snippet = takeaway.evidenceSnippets().get(0);
            assertTrue(snippet.length() < OverviewWriter.SNIPPET);
            assertTrue(cited.verbatim().startsWith(snippet.replace("…", "")), snippet);
        }
        List<Priority> priorities = overview.keyTakeaways().stream().map(Takeaway::priority).toList();
        assertEquals(priorities.stream().sorted().toList(), priorities, "high before medium before low");
        assertEquals(Priority.HIGH, priorities.get(0));
    }

    @Test
    void the_overview_names_who_spoke_and_next_steps_follow_up_on_the_high_priority_takeaways() {
        Transcript transcript = onboarding();
        ConversationOverview overview = analyzer.summarizeConversation(transcript, evidenceOf(transcript));
        assertTrue(overview.overview().startsWith("Priya Raman spoke with Dana Whitfield"), overview.overview());
        assertNotNull(overview.durationEstimate());
        assertFalse(overview.recommendedNextSteps().isEmpty());
        assertTrue(overview.recommendedNextSteps().size() <= OverviewWriter.NEXT_STEPS);
        assertTrue(overview.recommendedNextSteps().stream().allMatch(r -> Set.of("Pain", "Willingness to pay")
                .contains(r.focusArea())), overview.recommendedNextSteps().toString());
        assertTrue(overview.questions().stream().allMatch(q -> "Priya Raman".equals(q.askedBy())
                && q.question().endsWith("?")), "the questions are the interviewer's");
        assertNotNull(overview.title());
    }

    @Test
    void an_interviewees_question_and_one_nobody_answered_are_open() {
        Transcript transcript = AnalyzerTest.conversation(
                "Interviewer: How do you onboard new analysts today?",
                "Sam: It takes two weeks and it is painful for everyone. Does your tool work with Snowflake?",
                "Interviewer: Good question, I will check. What would you pay for it?");
        ConversationOverview overview = analyzer.summarizeConversation(transcript, evidenceOf(transcript));
        assertEquals(List.of("Does your tool work with Snowflake?", "What would you pay for it?"), overview.openQuestions());
    }

    @Test
    void the_same_transcript_and_evidence_give_the_same_overview() {
        Transcript transcript = onboarding();
        List<Evidence> evidence = evidenceOf(transcript);
        assertEquals(analyzer.summarizeConversation(transcript, evidence),
                analyzer.summarizeConversation(transcript, evidence));
    }

    @Test
    void without_evidence_there_are_no_takeaways_and_no_title_but_still_an_overview() {
        Transcript transcript = AnalyzerTest.conversation("Interviewer: Hello?", "Sam: Hi.");
        ConversationOverview overview = analyzer.summarizeConversation(transcript, List.of());
        assertFalse(overview.overview().isBlank());
        assertEquals(List.of(), overview.keyTakeaways());
        assertEquals(null, overview.title());
    }

    @Test
    void the_top_of_the_notes_covers_several_kinds_rather_than_five_pains() {
        List<String> pains = List.of("The nightly export fails and nobody notices until Monday.",
                "Customers call us angry about missing invoices.", "Reconciling the bank feed takes me two full days.",
                "Our reports never match what finance sees.", "Every new hire breaks the approval chain.",
                "Late fees pile up because bills sit in email.", "The vendor portal logs us out constantly.",
                "I retype purchase orders into three different screens.");
        List<Evidence> evidence = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, pains.size())
                .mapToObj(i -> new Evidence(new UUID(0, i), dev.intake.interview.EvidenceKind.PAIN, pains.get(i), "Kim",
                        (double) i, i + 1.0)).toList());
        evidence.add(new Evidence(new UUID(0, 8), dev.intake.interview.EvidenceKind.WILLINGNESS_TO_PAY,
                "I'd pay sixty dollars a month if it stopped the failures.", "Kim", 9.0, 10.0));
        evidence.add(new Evidence(new UUID(0, 9), dev.intake.interview.EvidenceKind.GOAL,
                "I want the export to just run by itself every night.", "Kim", 11.0, 12.0));

        List<Evidence> top = Salience.rank(evidence);

        assertEquals(Salience.MOST, top.size());
        assertTrue(top.stream().anyMatch(e -> e.kind() == dev.intake.interview.EvidenceKind.WILLINGNESS_TO_PAY), top.toString());
        assertTrue(top.stream().anyMatch(e -> e.kind() == dev.intake.interview.EvidenceKind.GOAL), top.toString());
    }
}
