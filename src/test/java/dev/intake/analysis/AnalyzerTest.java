package dev.intake.analysis;

import dev.intake.providers.analysis.SentenceEmbeddings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.interview.AnswerDraft;
import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceDraft;
import dev.intake.interview.EvidenceFindings;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.Person;
import dev.intake.interview.PersonDraft;
import dev.intake.interview.PersonRole;
import dev.intake.interview.PersonaDraft;
import dev.intake.interview.Question;
import dev.intake.interview.ThemeDraft;
import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;
import dev.intake.providers.transcription.TranscriptFormat;
import dev.intake.providers.transcription.TranscriptParser;
import dev.intake.testing.TestData;

/** The built-in analyzer on the sample interviews, with the sentence-embedding model. */
class AnalyzerTest {

    static final SentenceEmbeddings MODEL = new SentenceEmbeddings();

    private final Analyzer analyzer = new Analyzer(MODEL);

    static Transcript sample(String name, TranscriptFormat format) {
        byte[] bytes = TestData.sample(name).getBytes(StandardCharsets.UTF_8);
        return TranscriptParser.parse(format, new ByteArrayInputStream(bytes), 1_000_000);
    }

    static Transcript onboarding() {
        return sample("onboarding-interview.vtt", TranscriptFormat.WEBVTT);
    }

    /** A plain-text transcript, one {@code Name: text} turn a line. */
    static Transcript conversation(String... lines) {
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        return TranscriptParser.parse(TranscriptFormat.PLAIN_TEXT, new ByteArrayInputStream(bytes), 1_000_000);
    }

    static List<Evidence> stored(List<EvidenceDraft> drafts) {
        return java.util.stream.IntStream.range(0, drafts.size())
                .mapToObj(i -> new Evidence(new UUID(0, i), drafts.get(i).kind(), drafts.get(i).verbatim(),
                        drafts.get(i).speaker(), drafts.get(i).startSec(), drafts.get(i).endSec()))
                .toList();
    }

    @Test
    void finds_the_two_week_onboarding_pain_in_the_interviewees_words() {
        EvidenceFindings found = analyzer.findEvidence(onboarding());
        EvidenceDraft pain = found.evidence().stream()
                .filter(e -> e.verbatim().contains("two weeks before they can ship a report"))
                .findFirst().orElseThrow();
        assertEquals(EvidenceKind.PAIN, pain.kind());
        assertEquals("Dana Whitfield", pain.speaker());
        assertEquals(18.1, pain.startSec(), 1e-9);
    }

    @Test
    void finds_willingness_to_pay_goals_and_workarounds() {
        List<EvidenceDraft> evidence = analyzer.findEvidence(onboarding()).evidence();
        assertTrue(evidence.stream().anyMatch(e -> e.kind() == EvidenceKind.WILLINGNESS_TO_PAY
                && e.verbatim().contains("worth a few hundred dollars a month")), evidence.toString());
        assertTrue(evidence.stream().anyMatch(e -> e.kind() == EvidenceKind.GOAL
                && e.verbatim().contains("find the right table without asking me")), evidence.toString());
        assertTrue(evidence.stream().anyMatch(e -> e.kind() == EvidenceKind.WORKAROUND
                && e.verbatim().contains("I keep a folder of example queries")), evidence.toString());
    }

    @Test
    void quotes_are_verbatim_parts_of_what_an_interviewee_said() {
        Transcript transcript = onboarding();
        List<EvidenceDraft> evidence = analyzer.findEvidence(transcript).evidence();
        assertFalse(evidence.isEmpty());
        for (EvidenceDraft e : evidence) {
            assertTrue(transcript.utterances().stream()
                    .anyMatch(u -> u.speaker().equals(e.speaker()) && u.text().contains(e.verbatim())), e.verbatim());
        }
    }

    @Test
    void the_interviewer_is_never_evidence() {
        List<EvidenceDraft> evidence = analyzer.findEvidence(onboarding()).evidence();
        assertFalse(evidence.isEmpty());
        assertTrue(evidence.stream().allMatch(e -> "Dana Whitfield".equals(e.speaker())), evidence.toString());
    }

    @Test
    void people_are_the_speakers_with_their_roles_and_the_manager_they_name() {
        List<PersonDraft> people = analyzer.findEvidence(onboarding()).people();
        assertEquals(List.of(
                new PersonDraft("Priya Raman", PersonRole.INTERVIEWER, null),
                new PersonDraft("Dana Whitfield", PersonRole.INTERVIEWEE, null),
                new PersonDraft("Marcus Lee", PersonRole.MENTIONED, "manager")), people);
    }

    @Test
    void a_speaker_labelled_interviewer_is_the_interviewer() {
        List<PersonDraft> people = analyzer.findEvidence(sample("pricing-interview.srt", TranscriptFormat.SRT)).people();
        assertEquals(List.of(new PersonDraft("Interviewer", PersonRole.INTERVIEWER, null),
                new PersonDraft("Sam Okafor", PersonRole.INTERVIEWEE, null)), people);
    }

    @Test
    void a_note_taker_who_chimes_in_with_a_question_is_on_the_research_team() {
        Transcript t = conversation(
                "Ada Brandt: Thanks for joining. How does billing work for you today?",
                "Rosa Lind: We send invoices from a spreadsheet and chase late payers by phone every week.",
                "Ada Brandt: What goes wrong with that?",
                "Rosa Lind: People forget to pay, and I spend Mondays calling them one by one.",
                "Noor Haddad: Sorry, quick one from me, do you send reminders by email at all?",
                "Rosa Lind: No, only by phone, which takes hours.");
        List<PersonDraft> people = analyzer.findEvidence(t).people();
        assertTrue(people.contains(new PersonDraft("Noor Haddad", PersonRole.INTERVIEWER, null)), people.toString());
        assertTrue(people.contains(new PersonDraft("Rosa Lind", PersonRole.INTERVIEWEE, null)), people.toString());
        assertTrue(analyzer.findEvidence(t).evidence().stream()
                .allMatch(e -> e.speaker().equals("Rosa Lind")));
    }

    @Test
    void the_host_a_recording_marks_is_the_interviewer_even_without_questions() {
        Transcript t = new Transcript("recall", List.of(
                new Utterance("Lena Voss", 0.0, 3.0, "Let's begin. Tell me about your week of planning."),
                new Utterance("Omar Said", 3.0, 9.0, "Planning takes me two full days and the numbers are always stale."),
                new Utterance("Lena Voss", 9.0, 12.0, "Two full days, every week."),
                new Utterance("Omar Said", 12.0, 18.0, "Every single week, and I copy everything into a spreadsheet by hand.")),
                Set.of("Lena Voss"));
        List<PersonDraft> people = analyzer.findEvidence(t).people();
        assertTrue(people.contains(new PersonDraft("Lena Voss", PersonRole.INTERVIEWER, null)), people.toString());
    }

    @Test
    void the_interviewers_paraphrase_of_a_pain_is_not_evidence() {
        Transcript t = conversation(
                "Interviewer: What's the hardest part of closing the books?",
                "Jo Park: Reconciling the bank feed takes me three days every month and it is miserable.",
                "Interviewer: So reconciling the bank feed takes you three days every month and it is miserable.",
                "Jo Park: Yes.");
        List<EvidenceDraft> evidence = analyzer.findEvidence(t).evidence();
        assertEquals(1, evidence.size(), evidence.toString());
        assertEquals("Jo Park", evidence.get(0).speaker());
        assertEquals(EvidenceKind.PAIN, evidence.get(0).kind());
    }

    @Test
    void the_same_transcript_gives_the_same_analysis() {
        EvidenceFindings first = analyzer.findEvidence(onboarding());
        EvidenceFindings second = new Analyzer(new SentenceEmbeddings()).findEvidence(onboarding());
        assertEquals(first, second);
        List<Evidence> evidence = stored(first.evidence());
        assertEquals(analyzer.findThemes(evidence, List.of()),
                analyzer.findThemes(evidence, List.of()));
    }

    @Test
    void a_piece_of_evidence_belongs_to_at_most_one_theme_and_a_theme_to_more_than_one_quote() {
        List<Evidence> evidence = stored(analyzer.findEvidence(onboarding()).evidence());
        List<ThemeDraft> themes = analyzer.findThemes(evidence, List.of());
        for (Evidence e : evidence) {
            assertTrue(themes.stream().filter(t -> t.evidenceIds().contains(e.id())).count() <= 1, e.verbatim());
        }
        assertTrue(themes.stream().allMatch(t -> t.evidenceIds().size() > 1), themes.toString());
    }

    @Test
    void a_persona_is_drawn_from_the_interviewee_with_their_goals_and_pains() {
        EvidenceFindings found = analyzer.findEvidence(onboarding());
        List<Evidence> evidence = stored(found.evidence());
        List<Person> people = List.of(new Person(UUID.randomUUID(), "Dana Whitfield", PersonRole.INTERVIEWEE, null),
                new Person(UUID.randomUUID(), "Priya Raman", PersonRole.INTERVIEWER, null));
        List<PersonaDraft> personas = analyzer.buildPersonas(people, evidence,
                analyzer.findThemes(evidence, List.of()));
        assertEquals(1, personas.size());
        PersonaDraft persona = personas.get(0);
        assertEquals("Analyst team lead", persona.name());
        assertEquals("Dana Whitfield", persona.drawnFrom());
        assertTrue(persona.pains().stream().anyMatch(p -> p.contains("two weeks")), persona.pains().toString());
        assertFalse(persona.goals().isEmpty());
    }

    @Test
    void questions_are_answered_in_the_interviewees_words_citing_evidence_or_left_unanswered() {
        Transcript transcript = onboarding();
        List<Evidence> evidence = stored(analyzer.findEvidence(transcript).evidence());
        Question pay = new Question(UUID.randomUUID(), "What would they pay for a faster onboarding tool?");
        Question decides = new Question(UUID.randomUUID(), "Who signs off on buying a tool?");
        Question unrelated = new Question(UUID.randomUUID(), "Which programming language do they prefer?");
        List<AnswerDraft> answers = analyzer.answerQuestions(List.of(pay, decides, unrelated), evidence, transcript);
        assertTrue(answers.get(0).answer().contains("a few hundred dollars a month"), answers.get(0).answer());
        assertTrue(answers.get(1).answer().contains("Marcus Lee"), answers.get(1).answer());
        Set<UUID> ids = Set.copyOf(evidence.stream().map(Evidence::id).toList());
        assertTrue(ids.containsAll(answers.get(0).evidenceIds()) && !answers.get(0).evidenceIds().isEmpty());
        assertEquals(AnswerDraft.unanswered(unrelated.id()), answers.get(2));
    }

    @Test
    void people_are_described_from_what_was_said() {
        Transcript transcript = onboarding();
        List<Evidence> evidence = stored(analyzer.findEvidence(transcript).evidence());
        Person marcus = new Person(UUID.randomUUID(), "Marcus Lee", PersonRole.MENTIONED, null);
        Person priya = new Person(UUID.randomUUID(), "Priya Raman", PersonRole.INTERVIEWER, null);
        var descriptions = analyzer.describePeople(List.of(marcus, priya), evidence, transcript);
        assertEquals("Mentioned as a manager: \"My manager, Marcus Lee, signs off on the budget.\"",
                descriptions.get(marcus.id()));
        assertEquals("Interviewer; asked 11 questions.", descriptions.get(priya.id()));
    }

    @Test
    void someone_mentioned_without_a_role_is_described_by_the_sentence_naming_them() {
        Transcript transcript = conversation(
                "Interviewer: Who handles the reminders?",
                "Rosa Lind: Usually I ask Priscilla to send them on Fridays.");
        Person priscilla = new Person(UUID.randomUUID(), "Priscilla", PersonRole.MENTIONED, null);
        var descriptions = analyzer.describePeople(List.of(priscilla), List.of(), transcript);
        assertEquals("Mentioned: \"Usually I ask Priscilla to send them on Fridays.\"", descriptions.get(priscilla.id()));
    }
}
