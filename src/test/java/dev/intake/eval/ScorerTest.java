package dev.intake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What each figure of the evaluation counts, on an interview small enough to count by hand. */
class ScorerTest {

    private static final Labels LABELS = new Labels("call.vtt", "billing",
            List.of(new Labels.QuestionLabel("What do they use today?", List.of("spreadsheet"), false),
                    new Labels.QuestionLabel("What would they pay?", List.of("fifty dollars", "month"), false),
                    new Labels.QuestionLabel("Who approves security reviews?", List.of(), true)),
            List.of(new Labels.PersonLabel("Sam Okafor", "interviewee", List.of()),
                    new Labels.PersonLabel("Priya Raman", "interviewer", List.of("Priya")),
                    new Labels.PersonLabel("Amara Okafor", "mentioned", List.of("Dr. Okafor"))),
            List.of(new Labels.EvidenceLabel("invoices kept failing on the first", "pain"),
                    new Labels.EvidenceLabel("I'd pay fifty dollars a month", "willingness_to_pay"),
                    new Labels.EvidenceLabel("we keep a spreadsheet of declines", "workaround"),
                    new Labels.EvidenceLabel("a team of eight", "context")));

    private static InterviewResult result(List<InterviewResult.Quote> quotes, List<InterviewResult.Participant> people,
                                          List<InterviewResult.Answer> answers) {
        return new InterviewResult("id", "call.vtt", "ready", "complete", 100, null, quotes, people, List.of(), List.of(), answers, List.of());
    }

    @Test
    void evidence_is_found_when_a_quote_holds_the_labeled_phrase_whatever_its_case_and_punctuation() {
        InterviewResult result = result(List.of(
                new InterviewResult.Quote("pain", "Sam Okafor", 5.0, "Our INVOICES kept failing, on the first of the month."),
                new InterviewResult.Quote("goal", "Sam Okafor", 9.0, "I\u2019d pay fifty dollars a month for that."),
                new InterviewResult.Quote("context", "Sam Okafor", 12.0, "It's a small shop."),
                new InterviewResult.Quote("pain", "Priya Raman", 1.0, "So a spreadsheet of declines is painful?")),
                List.of(), List.of());

        Score score = Scorer.score(LABELS, result);

        assertEquals(4, score.evidenceLabels());
        assertEquals(2, score.evidenceFound(), "invoices and the price; the interviewer's paraphrase differs in words");
        assertEquals(1, score.kindsRight(), "the price was called a goal");
        assertEquals(4, score.quotes());
        assertEquals(2, score.quotesOnALabel());
        assertEquals(1, score.interviewerQuotes(), "Priya is the interviewer");
        assertEquals(0.5, score.evidenceRecall());
        assertEquals(0.5, score.kindAccuracy());
        assertEquals(0.5, score.precision());
    }

    @Test
    void a_phrase_matches_whole_words_only() {
        InterviewResult result = result(List.of(new InterviewResult.Quote("context", "Sam Okafor", 1.0,
                "We are a team of eighty people.")), List.of(), List.of());

        assertEquals(0, Scorer.score(LABELS, result).evidenceFound(), "'a team of eight' is not in 'a team of eighty'");
    }

    @Test
    void a_speaker_counts_when_found_by_any_of_their_names_with_the_labeled_role_and_people_only_mentioned_are_not_scored() {
        InterviewResult result = result(List.of(), List.of(
                new InterviewResult.Participant("Sam Okafor", "interviewee", null),
                new InterviewResult.Participant("priya", "interviewee", null),
                new InterviewResult.Participant("Dr. Okafor", "mentioned", null)), List.of());

        Score score = Scorer.score(LABELS, result);

        assertEquals(2, score.peopleLabels(), "the two speakers; Dr. Okafor is only talked about");
        assertEquals(1, score.peopleFoundWithRole(), "Priya was found but as an interviewee");
    }

    @Test
    void an_answer_is_right_when_it_holds_every_expected_word_and_an_unanswerable_question_is_right_unanswered() {
        InterviewResult result = result(List.of(), List.of(), List.of(
                new InterviewResult.Answer("What do they use today?", true, "A shared Spreadsheet, updated weekly."),
                new InterviewResult.Answer("What would they pay?", true, "About fifty dollars."),
                new InterviewResult.Answer("Who approves security reviews?", false, null)));

        Score score = Scorer.score(LABELS, result);

        assertEquals(3, score.questions());
        assertEquals(2, score.answersRight(), "the price answer lacks 'month'");
    }

    @Test
    void overall_figures_weigh_every_label_alike() {
        Score a = new Score(10, 9, 9, 10, 9, 0, 4, 4, 3, 3, 100, 3, 2, 5, 2);
        Score b = new Score(30, 15, 10, 20, 10, 2, 6, 3, 3, 1, 500, 5, 1, 5, 4);

        Score all = a.plus(b);

        assertEquals(24.0 / 40, all.evidenceRecall());
        assertEquals(19.0 / 24, all.kindAccuracy());
        assertEquals(19.0 / 30, all.precision());
        assertEquals(2, all.interviewerQuotes());
        assertEquals(7.0 / 10, all.peopleRecall());
        assertEquals(4.0 / 6, all.answersRightShare());
        assertEquals(600.0 / 30, all.meanQuoteWords());
        assertEquals(3.0 / 8, all.takeawayRecall());
        assertEquals(6.0 / 10, all.takeawayPrecision());
    }

    @Test
    void a_labeled_takeaway_is_covered_by_a_takeaway_citing_evidence_that_holds_one_of_its_phrases() {
        Labels labels = new Labels("call.vtt", "billing", LABELS.questions(), LABELS.people(), LABELS.evidence(),
                new Labels.OverviewLabel(List.of(
                        new Labels.TakeawayLabel("Failed invoices cost them", List.of("invoices kept failing on the first")),
                        new Labels.TakeawayLabel("They would pay monthly", List.of("I'd pay fifty dollars a month")))));
        InterviewResult result = new InterviewResult("id", "call.vtt", "ready", "complete", 100, null, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(
                        new InterviewResult.Takeaway("Pain: invoices", List.of("Our invoices kept failing on the first of the month.")),
                        new InterviewResult.Takeaway("Context: small", List.of("It's a small shop.")),
                        new InterviewResult.Takeaway("Nothing cited", List.of())));

        Score score = Scorer.score(labels, result);

        assertEquals(2, score.takeawayLabels());
        assertEquals(1, score.takeawaysCovered(), "nothing cites the price");
        assertEquals(3, score.takeaways());
        assertEquals(1, score.takeawaysOnALabel(), "the shop's size and an empty citation are behind no labeled takeaway");
    }

    @Test
    void mean_quote_length_counts_words_as_the_matching_reads_them() {
        InterviewResult result = result(List.of(
                new InterviewResult.Quote("pain", "Sam Okafor", 5.0, "Our invoices -- they kept failing."),
                new InterviewResult.Quote("context", "Sam Okafor", 12.0, "It's a small shop, really.")), List.of(), List.of());

        Score score = Scorer.score(LABELS, result);

        assertEquals(10, score.quoteWords(), "five and five words; dashes and commas are no words");
        assertEquals(5.0, score.meanQuoteWords());
    }
}
