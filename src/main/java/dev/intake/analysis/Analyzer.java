package dev.intake.analysis;

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
public final class Analyzer {

    private final Embeddings embeddings;

    /** An analyzer using {@code embeddings} where a model runs, its rules alone where none does (or when null). */
    public Analyzer(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** The rules alone, as on a platform where the model cannot run. */
    public static Analyzer rulesOnly() {
        return new Analyzer(null);
    }


    public EvidenceFindings findEvidence(Transcript transcript) {
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

    public Map<UUID, String> describePeople(List<Person> people, List<Evidence> evidence, Transcript transcript) {
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

    public List<ThemeDraft> findThemes(List<Evidence> evidence, List<ProjectTheme> projectThemes) {
        return ThemeFinder.find(evidence, projectThemes, embeddings);
    }

    public List<PersonaDraft> buildPersonas(List<Person> people, List<Evidence> evidence, List<ThemeDraft> themes) {
        return PersonaBuilder.build(people, evidence, themes);
    }

    public List<AnswerDraft> answerQuestions(List<Question> questions, List<Evidence> evidence, Transcript transcript) {
        return QuestionAnswerer.answer(questions, evidence, Statements.of(transcript, SpeakerRoles.of(transcript)),
                embeddings);
    }

    public ConversationOverview summarizeConversation(Transcript transcript, List<Evidence> evidence) {
        return OverviewWriter.write(transcript, evidence);
    }
}
