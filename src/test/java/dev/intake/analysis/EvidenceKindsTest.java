package dev.intake.analysis;

import static dev.intake.analysis.AnalyzerTest.conversation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.intake.interview.AnswerDraft;
import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceDraft;
import dev.intake.interview.EvidenceFindings;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.Question;
import dev.intake.interview.ThemeDraft;
import dev.intake.interview.Transcript;

/**
 * What is evidence and of which kind, told zero-shot by meaning (with the words as a second opinion), and
 * by the words alone when the model is not there.
 */
class EvidenceKindsTest {

    private final Analyzer withModel = new Analyzer(AnalyzerTest.MODEL);
    private final Analyzer rulesOnly = Analyzer.rulesOnly();

    /** Statements of each kind, each after an interviewer's nod that asks nothing, so only the statement speaks. */
    private static final Transcript STATEMENTS = conversation(
            "Interviewer: Thanks for making the time, go ahead whenever you're ready.",
            "Kim Alvarsson: Every Friday the supplier invoices bounce back and I lose the whole afternoon fixing them.",
            "Interviewer: Mm-hm.",
            "Kim Alvarsson: What I really want is for the invoices to go out on their own without me checking each one.",
            "Interviewer: Right.",
            "Kim Alvarsson: I'd happily pay eighty dollars a month for something that did that.",
            "Interviewer: Okay.",
            "Kim Alvarsson: For now I keep a spreadsheet of the failed ones and resend them by hand on Monday.",
            "Interviewer: I see.",
            "Kim Alvarsson: We're a bakery with three shops and about forty staff, and I do all the books.");

    private static Optional<EvidenceDraft> quoting(List<EvidenceDraft> evidence, String words) {
        return evidence.stream().filter(e -> e.verbatim().contains(words)).findFirst();
    }

    @Test
    void each_kind_is_recognised_by_what_the_statement_means() {
        List<EvidenceDraft> evidence = withModel.findEvidence(STATEMENTS).evidence();
        assertEquals(EvidenceKind.PAIN, quoting(evidence, "lose the whole afternoon").orElseThrow().kind());
        assertEquals(EvidenceKind.GOAL, quoting(evidence, "go out on their own").orElseThrow().kind());
        assertEquals(EvidenceKind.WILLINGNESS_TO_PAY, quoting(evidence, "eighty dollars a month").orElseThrow().kind());
        assertEquals(EvidenceKind.WORKAROUND, quoting(evidence, "keep a spreadsheet of the failed ones").orElseThrow().kind());
        assertEquals(EvidenceKind.CONTEXT, quoting(evidence, "three shops and about forty staff").orElseThrow().kind());
    }

    @Test
    void small_talk_filler_agreement_and_call_logistics_are_not_evidence() {
        Transcript t = conversation(
                "Interviewer: Can you hear me all right?",
                "Kim Alvarsson: Yes, loud and clear, sorry the dog is barking in the background.",
                "Interviewer: How has your week been?",
                "Kim Alvarsson: Oh, busy, but good, thanks for asking.",
                "Interviewer: What is the hardest part of month end?",
                "Kim Alvarsson: Chasing receipts from the shop managers takes me two full days every month.",
                "Interviewer: So chasing receipts is the slow part.",
                "Kim Alvarsson: Yeah, exactly, that's it.",
                "Interviewer: Great, that's all I had, thank you so much.",
                "Kim Alvarsson: Thanks, good luck with the project, bye now.");
        List<EvidenceDraft> evidence = withModel.findEvidence(t).evidence();
        assertEquals(1, evidence.size(), evidence.toString());
        assertTrue(evidence.get(0).verbatim().contains("Chasing receipts"));
        assertEquals(EvidenceKind.PAIN, evidence.get(0).kind());
    }

    @Test
    void a_price_lost_is_a_pain_a_price_offered_is_willingness_to_pay_and_a_signing_limit_is_context() {
        assertTrue(EvidenceClassifier.signals("Last spring that mistake cost us nine thousand dollars.")[EvidenceKind.PAIN.ordinal()] >= 0.9);
        assertTrue(EvidenceClassifier.signals("I could see us paying maybe sixty a month for it.")
                [EvidenceKind.WILLINGNESS_TO_PAY.ordinal()] >= 0.9);
        assertTrue(EvidenceClassifier.signals("Anything over two thousand goes to the owner for approval.")
                [EvidenceKind.CONTEXT.ordinal()] >= 0.9);
        assertTrue(EvidenceClassifier.signals("If it came in under ten thousand a year, our director could approve it herself.")
                [EvidenceKind.WILLINGNESS_TO_PAY.ordinal()] >= 0.9);
        assertTrue(EvidenceClassifier.signals("We already pay four hundred a month for the phone system.")
                [EvidenceKind.CONTEXT.ordinal()] >= 0.9);
        assertEquals(0, EvidenceClassifier.signals("We see about fifty patients a week.")[EvidenceKind.WILLINGNESS_TO_PAY.ordinal()]);
    }

    @Test
    void a_statement_said_with_a_rising_voice_is_still_a_statement() {
        assertTrue(EvidenceClassifier.isSubstantial("I think the owner would approve maybe two dollars a seat?"));
        assertFalse(EvidenceClassifier.isSubstantial("Do you mean the billing system?"));
        assertFalse(EvidenceClassifier.isSubstantial("Yeah, totally."));
    }

    @Test
    void without_the_model_the_words_and_the_question_decide_and_the_answer_is_the_same_every_time() {
        EvidenceFindings first = rulesOnly.findEvidence(STATEMENTS);
        assertEquals(first, Analyzer.rulesOnly().findEvidence(STATEMENTS));
        List<EvidenceDraft> evidence = first.evidence();
        assertEquals(EvidenceKind.WILLINGNESS_TO_PAY, quoting(evidence, "eighty dollars a month").orElseThrow().kind());
        assertEquals(EvidenceKind.GOAL, quoting(evidence, "What I really want").orElseThrow().kind());
        assertEquals(EvidenceKind.WORKAROUND, quoting(evidence, "keep a spreadsheet").orElseThrow().kind());
        assertTrue(evidence.stream().allMatch(e -> e.speaker().equals("Kim Alvarsson")));
    }

    @Test
    void without_the_model_themes_and_answers_still_come_from_the_words() {
        List<Evidence> evidence = AnalyzerTest.stored(rulesOnly.findEvidence(STATEMENTS).evidence());
        List<ThemeDraft> themes = rulesOnly.findThemes(evidence, List.of());
        assertTrue(themes.stream().mapToInt(t -> t.evidenceIds().size()).sum() <= evidence.size());
        assertTrue(themes.stream().allMatch(t -> t.evidenceIds().size() > 1), themes.toString());
        Question pay = new Question(new java.util.UUID(1, 1), "What would they pay for automatic invoicing?");
        AnswerDraft answer = rulesOnly.answerQuestions(List.of(pay), evidence, STATEMENTS).get(0);
        assertTrue(answer.answer().contains("eighty dollars a month"), answer.toString());
    }

    @Test
    void money_lost_each_year_is_a_pain_and_a_price_said_as_a_fact_is_context_until_someone_would_pay_it() {
        assertTrue(EvidenceClassifier.signals("Those reshoots cost us about twenty grand a year.")[EvidenceKind.PAIN.ordinal()] >= 0.9);
        double[] fact = EvidenceClassifier.signals("Their plan is forty dollars a seat a month.");
        assertTrue(fact[EvidenceKind.CONTEXT.ordinal()] >= 0.5 && fact[EvidenceKind.WILLINGNESS_TO_PAY.ordinal()] < 0.9,
                java.util.Arrays.toString(fact));
        assertTrue(EvidenceClassifier.signals("I'd pay forty dollars a seat a month for that.")
                [EvidenceKind.WILLINGNESS_TO_PAY.ordinal()] >= 0.9);
    }
}
