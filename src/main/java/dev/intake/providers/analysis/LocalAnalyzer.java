package dev.intake.providers.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.intake.interview.AnswerDraft;
import dev.intake.interview.ConversationOverview;
import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceDraft;
import dev.intake.interview.EvidenceFindings;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.Person;
import dev.intake.interview.PersonDraft;
import dev.intake.interview.PersonRole;
import dev.intake.interview.PersonaDraft;
import dev.intake.interview.ProjectTheme;
import dev.intake.interview.Question;
import dev.intake.interview.ThemeDraft;
import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;

/**
 * The built-in analyzer: deterministic (same transcript, same output), no network, good enough to be
 * the default. It reads what the interviewees said sentence by sentence and compares it by meaning with
 * a small sentence-embedding model where that runs, by its words where it does not; it does not
 * paraphrase, so every piece of evidence is a verbatim quote.
 */
public class LocalAnalyzer implements AnalysisProvider {

    private final SentenceEmbeddings embeddings;

    /** An analyzer using {@code embeddings} where the model runs, its rules alone where it does not (or when null). */
    public LocalAnalyzer(SentenceEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** The rules alone, as on a platform where the model cannot run. */
    static LocalAnalyzer rulesOnly() {
        return new LocalAnalyzer(null);
    }

    @Override
    public AnalysisMode mode() {
        return embeddings == null ? new AnalysisMode(AnalysisMode.RULES_ONLY, "the built-in analyzer was configured without its sentence model")
                : embeddings.mode();
    }

    @Override
    public EvidenceFindings findEvidence(Transcript transcript, AnalysisContext context) {
        SpeakerRoles roles = SpeakerRoles.of(transcript);
        List<EvidenceDraft> evidence = EvidenceFinder.find(Statements.of(transcript, roles), embeddings);
        List<PersonDraft> people = new ArrayList<>();
        for (String speaker : transcript.speakers()) {
            people.add(new PersonDraft(speaker,
                    roles.isInterviewer(speaker) ? PersonRole.INTERVIEWER : PersonRole.INTERVIEWEE, null));
        }
        for (MentionFinder.Mention mention : MentionFinder.find(transcript)) {
            people.add(new PersonDraft(mention.name(), PersonRole.MENTIONED, mention.relation()));
        }
        return new EvidenceFindings(evidence, people);
    }

    @Override
    public Map<UUID, String> describePeople(List<Person> people, List<Evidence> evidence, Transcript transcript,
                                            AnalysisContext context) {
        List<MentionFinder.Mention> mentions = MentionFinder.find(transcript);
        Map<UUID, String> descriptions = new LinkedHashMap<>();
        for (Person person : people) {
            describe(person, evidence, transcript, mentions).ifPresent(d -> descriptions.put(person.id(), d));
        }
        return descriptions;
    }

    private static Optional<String> describe(Person person, List<Evidence> evidence, Transcript transcript,
                                             List<MentionFinder.Mention> mentions) {
        switch (person.role()) {
            case INTERVIEWER -> {
                long questions = transcript.utterances().stream()
                        .filter(u -> person.name().equals(u.speaker()) && u.text().endsWith("?"))
                        .count();
                return Optional.of("Interviewer; asked " + questions + (questions == 1 ? " question." : " questions."));
            }
            case INTERVIEWEE -> {
                List<Evidence> theirs = evidence.stream().filter(e -> person.name().equals(e.speaker())).toList();
                Optional<Evidence> about = theirs.stream().filter(e -> e.kind() == EvidenceKind.CONTEXT).findFirst()
                        .or(() -> theirs.stream().findFirst());
                String base = "Interviewee";
                return Optional.of(about.map(e -> base + ". In their words: \"" + e.verbatim() + "\"").orElse(base + "."));
            }
            case MENTIONED -> {
                return mentions.stream()
                        .filter(m -> m.name().equals(person.name()))
                        .findFirst()
                        .map(m -> (m.relation() == null ? "Mentioned" : "Mentioned as " + withArticle(m.relation()))
                                + ": \"" + m.sentence() + "\"");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static String withArticle(String relation) {
        return (relation.matches("(?i)^[aeiou].*") ? "an " : "a ") + relation;
    }

    @Override
    public List<ThemeDraft> findThemes(List<Evidence> evidence, List<ProjectTheme> projectThemes, AnalysisContext context) {
        return ThemeFinder.find(evidence, projectThemes, embeddings);
    }

    @Override
    public List<PersonaDraft> buildPersonas(List<Person> people, List<Evidence> evidence, List<ThemeDraft> themes,
                                            AnalysisContext context) {
        return PersonaBuilder.build(people, evidence, themes);
    }

    @Override
    public List<AnswerDraft> answerQuestions(List<Question> questions, List<Evidence> evidence, Transcript transcript,
                                             AnalysisContext context) {
        return QuestionAnswerer.answer(questions, evidence, Statements.of(transcript, SpeakerRoles.of(transcript)),
                embeddings);
    }

    @Override
    public ConversationOverview summarizeConversation(Transcript transcript, List<Evidence> evidence,
                                                      AnalysisContext context) {
        return OverviewWriter.write(transcript, evidence);
    }
}
