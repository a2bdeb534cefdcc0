package dev.intake.providers.analysis;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.intake.analysis.Analyzer;
import dev.intake.interview.AnswerDraft;
import dev.intake.interview.ConversationOverview;
import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceFindings;
import dev.intake.interview.Person;
import dev.intake.interview.PersonaDraft;
import dev.intake.interview.ProjectTheme;
import dev.intake.interview.Question;
import dev.intake.interview.ThemeDraft;
import dev.intake.interview.Transcript;

/**
 * The built-in analyzer ({@link Analyzer}, analysis/) as the steps' analysis provider, with the packaged
 * sentence model where it runs. It follows no instructions: the context is for language models.
 */
public class LocalAnalyzer implements AnalysisProvider {

    private final SentenceEmbeddings embeddings;
    private final Analyzer analyzer;

    /** An analyzer using {@code embeddings} where the model runs, its rules alone where it does not (or when null). */
    public LocalAnalyzer(SentenceEmbeddings embeddings) {
        this.embeddings = embeddings;
        this.analyzer = new Analyzer(embeddings);
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
        return analyzer.findEvidence(transcript);
    }

    @Override
    public Map<UUID, String> describePeople(List<Person> people, List<Evidence> evidence, Transcript transcript,
                                            AnalysisContext context) {
        return analyzer.describePeople(people, evidence, transcript);
    }

    @Override
    public List<ThemeDraft> findThemes(List<Evidence> evidence, List<ProjectTheme> projectThemes, AnalysisContext context) {
        return analyzer.findThemes(evidence, projectThemes);
    }

    @Override
    public List<PersonaDraft> buildPersonas(List<Person> people, List<Evidence> evidence, List<ThemeDraft> themes,
                                            AnalysisContext context) {
        return analyzer.buildPersonas(people, evidence, themes);
    }

    @Override
    public List<AnswerDraft> answerQuestions(List<Question> questions, List<Evidence> evidence, Transcript transcript,
                                             AnalysisContext context) {
        return analyzer.answerQuestions(questions, evidence, transcript);
    }

    @Override
    public ConversationOverview summarizeConversation(Transcript transcript, List<Evidence> evidence, AnalysisContext context) {
        return analyzer.summarizeConversation(transcript, evidence);
    }
}
