package dev.intake.providers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.providers.transcription.Transcript;
import dev.intake.providers.transcription.TranscriptFormat;
import dev.intake.providers.transcription.TranscriptParser;
import dev.intake.testing.TestData;

class LocalAnalyzerTest {

    private final LocalAnalyzer analyzer = new LocalAnalyzer();

    private static Transcript sample(String name, TranscriptFormat format) {
        byte[] bytes = TestData.sample(name).getBytes(StandardCharsets.UTF_8);
        return TranscriptParser.parse(format, new ByteArrayInputStream(bytes), 1_000_000);
    }

    private static Transcript onboarding() {
        return sample("onboarding-interview.vtt", TranscriptFormat.WEBVTT);
    }

    /** A plain-text transcript, one {@code Name: text} turn a line. */
    static Transcript conversation(String... lines) {
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        return TranscriptParser.parse(TranscriptFormat.PLAIN_TEXT, new ByteArrayInputStream(bytes), 1_000_000);
    }

    private static List<Evidence> stored(List<EvidenceDraft> drafts) {
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            EvidenceDraft d = drafts.get(i);
            evidence.add(new Evidence(new UUID(0, i), d.kind(), d.verbatim(), d.speaker(), d.startSec(), d.endSec()));
        }
        return evidence;
    }

    @Test
    void finds_the_two_week_onboarding_pain_in_the_interviewees_words() {
        EvidenceFindings found = analyzer.findEvidence(onboarding(), AnalysisContext.none());
        EvidenceDraft pain = found.evidence().stream()
                .filter(e -> e.verbatim().contains("two weeks before they can ship a report"))
                .findFirst().orElseThrow();
        assertEquals(EvidenceKind.PAIN, pain.kind());
        assertEquals("Dana Whitfield", pain.speaker());
        assertEquals(18.1, pain.startSec(), 1e-9);
    }

    @Test
    void finds_willingness_to_pay_and_goals() {
        List<EvidenceDraft> evidence = analyzer.findEvidence(onboarding(), AnalysisContext.none()).evidence();
        assertTrue(evidence.stream().anyMatch(e -> e.kind() == EvidenceKind.WILLINGNESS_TO_PAY
                && e.verbatim().contains("worth a few hundred dollars a month")), evidence.toString());
        assertTrue(evidence.stream().anyMatch(e -> e.kind() == EvidenceKind.GOAL
                && e.verbatim().contains("productive in their first three days")), evidence.toString());
    }

    @Test
    void the_interviewer_is_never_evidence() {
        List<EvidenceDraft> evidence = analyzer.findEvidence(onboarding(), AnalysisContext.none()).evidence();
        assertFalse(evidence.isEmpty());
        assertTrue(evidence.stream().allMatch(e -> "Dana Whitfield".equals(e.speaker())), evidence.toString());
    }

    @Test
    void people_are_the_speakers_with_their_roles_and_the_manager_they_name() {
        List<PersonDraft> people = analyzer.findEvidence(onboarding(), AnalysisContext.none()).people();
        assertEquals(List.of(
                new PersonDraft("Priya Raman", PersonRole.INTERVIEWER, null),
                new PersonDraft("Dana Whitfield", PersonRole.INTERVIEWEE, null),
                new PersonDraft("Marcus Lee", PersonRole.MENTIONED, "manager")), people);
    }

    @Test
    void a_speaker_labelled_interviewer_is_the_interviewer() {
        List<PersonDraft> people = analyzer.findEvidence(sample("pricing-interview.srt", TranscriptFormat.SRT),
                AnalysisContext.none()).people();
        assertEquals(List.of(new PersonDraft("Interviewer", PersonRole.INTERVIEWER, null),
                new PersonDraft("Sam Okafor", PersonRole.INTERVIEWEE, null)), people);
    }

    @Test
    void the_same_transcript_gives_the_same_analysis() {
        EvidenceFindings first = analyzer.findEvidence(onboarding(), AnalysisContext.none());
        EvidenceFindings second = analyzer.findEvidence(onboarding(), AnalysisContext.none());
        assertEquals(first, second);
        List<Evidence> evidence = stored(first.evidence());
        assertEquals(analyzer.findThemes(evidence, AnalysisContext.none()),
                analyzer.findThemes(evidence, AnalysisContext.none()));
    }

    @Test
    void every_piece_of_evidence_belongs_to_a_theme() {
        List<Evidence> evidence = stored(analyzer.findEvidence(onboarding(), AnalysisContext.none()).evidence());
        List<ThemeDraft> themes = analyzer.findThemes(evidence, AnalysisContext.none());
        for (Evidence e : evidence) {
            assertTrue(themes.stream().anyMatch(t -> t.evidenceIds().contains(e.id())), e.verbatim());
        }
    }

    @Test
    void a_persona_is_drawn_from_the_interviewee_with_their_goals_and_pains() {
        EvidenceFindings found = analyzer.findEvidence(onboarding(), AnalysisContext.none());
        List<Evidence> evidence = stored(found.evidence());
        List<Person> people = List.of(new Person(UUID.randomUUID(), "Dana Whitfield", PersonRole.INTERVIEWEE, null),
                new Person(UUID.randomUUID(), "Priya Raman", PersonRole.INTERVIEWER, null));
        List<PersonaDraft> personas = analyzer.buildPersonas(people, evidence,
                analyzer.findThemes(evidence, AnalysisContext.none()), AnalysisContext.none());
        assertEquals(1, personas.size());
        PersonaDraft persona = personas.get(0);
        assertEquals("Analyst team lead", persona.name());
        assertTrue(persona.pains().stream().anyMatch(p -> p.contains("two weeks")), persona.pains().toString());
        assertTrue(persona.goals().stream().anyMatch(g -> g.contains("productive")), persona.goals().toString());
    }

    @Test
    void questions_are_answered_from_fitting_evidence_or_left_unanswered() {
        List<Evidence> evidence = stored(analyzer.findEvidence(onboarding(), AnalysisContext.none()).evidence());
        Question pay = new Question(UUID.randomUUID(), "What would they pay for?");
        Question decides = new Question(UUID.randomUUID(), "Who decides on buying a tool?");
        Question unrelated = new Question(UUID.randomUUID(), "Which programming language do they prefer?");
        List<AnswerDraft> answers = analyzer.answerQuestions(List.of(pay, decides, unrelated), evidence, onboarding(),
                AnalysisContext.none());
        assertTrue(answers.get(0).answer().contains("I'd pay for that today"), answers.get(0).answer());
        assertTrue(answers.get(1).answer().contains("Marcus Lee, signs off on the budget"), answers.get(1).answer());
        assertFalse(answers.get(2).answered());
        assertEquals(AnswerDraft.unanswered(unrelated.id()), answers.get(2));
    }

    @Test
    void people_are_described_from_what_was_said() {
        Transcript transcript = onboarding();
        List<Evidence> evidence = stored(analyzer.findEvidence(transcript, AnalysisContext.none()).evidence());
        Person marcus = new Person(UUID.randomUUID(), "Marcus Lee", PersonRole.MENTIONED, null);
        Person priya = new Person(UUID.randomUUID(), "Priya Raman", PersonRole.INTERVIEWER, null);
        var descriptions = analyzer.describePeople(List.of(marcus, priya), evidence, transcript, AnalysisContext.none());
        assertEquals("Mentioned as a manager: \"My manager, Marcus Lee, signs off on the budget.\"",
                descriptions.get(marcus.id()));
        assertEquals("Interviewer; asked 11 questions.", descriptions.get(priya.id()));
    }
}
