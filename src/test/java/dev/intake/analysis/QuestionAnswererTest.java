package dev.intake.analysis;

import static dev.intake.analysis.AnalyzerTest.conversation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.interview.AnswerDraft;
import dev.intake.interview.Evidence;
import dev.intake.interview.Question;
import dev.intake.interview.Transcript;

/** Project questions answered from what the interviewee said, nearest in meaning and words. */
class QuestionAnswererTest {

    private final Analyzer analyzer = new Analyzer(AnalyzerTest.MODEL);

    private static final Transcript BAKERY = conversation(
            "Interviewer: Thanks for joining. What do you keep the books in?",
            "Kim Alvarsson: Xero. We moved to it two years ago.",
            "Interviewer: How do supplier invoices get paid today?",
            "Kim Alvarsson: I print them, the owner initials each one, and I key them into Xero on Thursdays.",
            "Interviewer: What goes wrong?",
            "Kim Alvarsson: Invoices get lost between the shops, so we pay late fees almost every month.",
            "Interviewer: Who would decide on buying a tool for this?",
            "Kim Alvarsson: That's Ruth Okoye. She owns the bakeries, and she signs anything over five hundred dollars.",
            "Interviewer: What would something like that be worth to you?",
            "Kim Alvarsson: If it stopped the late fees, I could see us paying sixty dollars a month.");

    private List<AnswerDraft> answer(String... questions) {
        List<Evidence> evidence = AnalyzerTest.stored(analyzer.findEvidence(BAKERY).evidence());
        List<Question> asked = java.util.stream.IntStream.range(0, questions.length)
                .mapToObj(i -> new Question(new UUID(1, i), questions[i])).toList();
        return analyzer.answerQuestions(asked, evidence, BAKERY);
    }

    @Test
    void a_question_is_answered_by_the_statement_nearest_it_in_the_interviewees_words() {
        List<AnswerDraft> answers = answer("How are supplier invoices processed today?", "What would they pay for an invoicing tool?");
        assertTrue(answers.get(0).answer().contains("key them into Xero on Thursdays"), answers.get(0).answer());
        assertTrue(answers.get(1).answer().contains("sixty dollars a month"), answers.get(1).answer());
    }

    @Test
    void a_short_answer_is_found_through_the_interviewers_question_it_answers() {
        AnswerDraft answer = answer("What accounting software do they use?").get(0);
        assertTrue(answer.answer().contains("Xero"), answer.answer());
    }

    @Test
    void who_decides_is_answered_with_the_person_named_even_when_later_sentences_only_say_she() {
        AnswerDraft answer = answer("Who signs off on software purchases?").get(0);
        assertTrue(answer.answer().contains("Ruth Okoye"), answer.answer());
    }

    @Test
    void an_answer_cites_the_evidence_it_draws_on() {
        List<Evidence> evidence = AnalyzerTest.stored(analyzer.findEvidence(BAKERY).evidence());
        AnswerDraft answer = answer("What would they pay for an invoicing tool?").get(0);
        assertFalse(answer.evidenceIds().isEmpty());
        assertTrue(evidence.stream().filter(e -> answer.evidenceIds().contains(e.id()))
                .anyMatch(e -> e.verbatim().contains("sixty dollars a month")));
    }

    @Test
    void a_question_nothing_said_comes_near_is_unanswered() {
        List<AnswerDraft> answers = answer("Which cloud provider hosts their website?", "When does their lease come up for renewal?");
        assertEquals(AnswerDraft.unanswered(new UUID(1, 0)), answers.get(0));
        assertEquals(AnswerDraft.unanswered(new UUID(1, 1)), answers.get(1));
    }

    @Test
    void a_question_about_paying_is_unanswered_when_no_price_was_discussed() {
        Transcript noPrices = conversation(
                "Interviewer: How do supplier invoices get paid today?",
                "Kim Alvarsson: I print them and key them into Xero on Thursdays, which takes hours.");
        List<Evidence> evidence = AnalyzerTest.stored(analyzer.findEvidence(noPrices).evidence());
        AnswerDraft answer = analyzer.answerQuestions(List.of(new Question(new UUID(1, 0), "What would they pay for a tool?")),
                evidence, noPrices).get(0);
        assertFalse(answer.answered(), answer.toString());
    }

    @Test
    void who_signs_is_answered_with_the_evidence_about_signing_and_never_with_an_unrelated_calendar_quote() {
        Transcript withCalendar = conversation(
                "Interviewer: What gets in the way day to day?",
                "Kim Alvarsson: The shared calendar double-books our delivery slots every single week.",
                "Interviewer: Who would decide on buying a tool for this?",
                "Kim Alvarsson: That's Ruth Okoye. She owns the bakeries, and she signs anything over five hundred dollars.");
        List<Evidence> evidence = AnalyzerTest.stored(analyzer.findEvidence(withCalendar).evidence());
        assertTrue(evidence.stream().anyMatch(e -> e.verbatim().contains("calendar")), "the calendar quote is evidence");
        AnswerDraft answer = analyzer.answerQuestions(List.of(new Question(new UUID(1, 0), "Who signs off on software purchases?")),
                evidence, withCalendar).get(0);
        assertTrue(answer.answered(), answer.toString());
        List<Evidence> cited = evidence.stream().filter(e -> answer.evidenceIds().contains(e.id())).toList();
        assertFalse(cited.isEmpty());
        assertTrue(cited.stream().noneMatch(e -> e.verbatim().contains("calendar")), cited.toString());
        assertTrue(cited.stream().anyMatch(e -> e.verbatim().contains("Ruth Okoye") || e.verbatim().contains("signs")), cited.toString());
    }

    @Test
    void an_answer_says_how_confident_it_is_and_why_and_so_does_each_piece_of_evidence() {
        for (AnswerDraft answer : answer("How are supplier invoices processed today?", "Who signs off on software purchases?",
                "What would they pay for an invoicing tool?")) {
            assertTrue(answer.answered(), answer.toString());
            assertTrue(answer.confidence() >= 0.6 && answer.confidence() <= 1, answer.toString());
            assertFalse(answer.rationale().isBlank());
            for (AnswerDraft.Support e : answer.evidence()) {
                assertEquals("supports", e.relationship());
                assertTrue(e.confidence() >= 0.6 && e.confidence() <= answer.confidence(), e.toString());
                assertFalse(e.rationale().isBlank());
            }
        }
    }

    @Test
    void a_question_nothing_in_the_evidence_is_about_is_unanswered_even_when_other_evidence_exists() {
        Transcript calendarOnly = conversation(
                "Interviewer: What gets in the way day to day?",
                "Kim Alvarsson: The shared calendar double-books our delivery slots every single week.");
        List<Evidence> evidence = AnalyzerTest.stored(analyzer.findEvidence(calendarOnly).evidence());
        AnswerDraft answer = analyzer.answerQuestions(List.of(new Question(new UUID(1, 0), "Who signs off on software purchases?")),
                evidence, calendarOnly).get(0);
        assertFalse(answer.answered(), answer.toString());
    }

    @Test
    void who_decides_is_answered_by_the_group_that_signs_even_when_the_interviewer_asked_in_other_words() {
        Transcript diner = conversation(
                "Interviewer: How many locations do you run?",
                "Luca Ferri: Four diners, all in the valley, and a commissary kitchen that feeds them.",
                "Interviewer: And would you make that call yourself?",
                "Luca Ferri: I'd recommend it. The partners sign off on anything over a thousand dollars.");
        List<Evidence> evidence = AnalyzerTest.stored(analyzer.findEvidence(diner).evidence());
        AnswerDraft answer = analyzer.answerQuestions(List.of(new Question(new UUID(1, 0), "Who approves new software purchases?")),
                evidence, diner).get(0);

        assertTrue(answer.answered() && answer.answer().contains("partners sign off"), answer.toString());
    }

    @Test
    void an_answer_names_who_said_it_so_a_speaker_who_decides_is_named() {
        AnswerDraft answer = answer("Who signs off on software purchases?").get(0);

        assertTrue(answer.answer().startsWith("Kim Alvarsson: "), answer.answer());
    }

    @Test
    void a_product_is_named_by_the_sentence_before_one_that_points_back_and_a_person_named_with_a_title_is_no_product() {
        assertTrue(AskedFor.namesAProduct("We moved everything to Tallyworks last spring."));
        assertFalse(AskedFor.namesAProduct("Oh, and our landlord, Mr. Vukovic, has nothing to do with it."));
        assertFalse(AskedFor.namesAProduct("I asked Priscilla about it."));
        assertTrue(AskedFor.namesAProduct("Tallyworks."));
    }
}
