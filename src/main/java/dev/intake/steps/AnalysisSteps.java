package dev.intake.steps;

import static dev.intake.steps.AnalysisStep.together;

import dev.intake.providers.analysis.AnalysisProvider;
import dev.intake.store.EvidenceStore;
import dev.intake.store.InsightStore;
import dev.intake.store.Reads;
import dev.intake.store.WorkspaceStore;
import dev.intake.workflow.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The analysis steps of one shape ({@link AnalysisStep}), each as what it reads, what it asks the analyzer
 * and what it writes. The executor finds them among the other {@link StepHandler}s.
 */
@ApplicationScoped
class AnalysisSteps {

    private final Reads reads;
    private final RunTranscripts transcripts;
    private final EvidenceStore evidence;
    private final InsightStore insights;
    private final WorkspaceStore workspace;
    private final AnalysisProvider analyzer;

    AnalysisSteps(Reads reads, RunTranscripts transcripts, EvidenceStore evidence, InsightStore insights,
                  WorkspaceStore workspace, AnalysisProvider analyzer) {
        this.reads = reads;
        this.transcripts = transcripts;
        this.evidence = evidence;
        this.insights = insights;
        this.workspace = workspace;
        this.analyzer = analyzer;
    }

    /** A description of each person the evidence step found. */
    @Produces
    @ApplicationScoped
    StepHandler enrichPersonStep() {
        return new AnalysisStep<>(Step.ENRICH_PERSON, reads,
                together(i -> evidence.peopleOf(i.id()), i -> evidence.listing(i.id())),
                (c, in) -> analyzer.describePeople(in.first(), in.second(), transcripts.of(c), c.analysisContext()),
                (c, descriptions) -> evidence.describe(c.lease(), descriptions));
    }

    /**
     * Themes, each linked to the evidence behind it; a theme about the same thing as one the project
     * already has (from another interview) gathers its evidence there.
     */
    @Produces
    @ApplicationScoped
    StepHandler insightsStep() {
        return new AnalysisStep<>(Step.INSIGHTS, reads,
                together(i -> evidence.listing(i.id()), i -> insights.projectThemesOf(i.projectId(), i.id())),
                (c, in) -> analyzer.findThemes(in.first(), in.second(), c.analysisContext()),
                (c, themes) -> insights.replaceThemes(c.lease(), c.interview().accountId(), c.interview().projectId(), themes));
    }

    /** Personas from the interviewees and the themes of the conversation. */
    @Produces
    @ApplicationScoped
    StepHandler personasStep() {
        return new AnalysisStep<>(Step.PERSONAS, reads,
                together(i -> evidence.peopleOf(i.id()), i -> evidence.listing(i.id()), i -> insights.themesOf(i.id())),
                (c, in) -> analyzer.buildPersonas(in.first(), in.second(), in.third(), c.analysisContext()),
                (c, personas) -> insights.replacePersonas(c.lease(), c.interview().accountId(), c.interview().projectId(),
                        personas));
    }

    /** Each of the project's questions answered from the evidence and the transcript, or marked unanswered. */
    @Produces
    @ApplicationScoped
    StepHandler answersStep() {
        return new AnalysisStep<>(Step.ANSWERS, reads,
                together(i -> workspace.questionsOf(i.projectId()), i -> evidence.listing(i.id())),
                (c, in) -> analyzer.answerQuestions(in.first(), in.second(), transcripts.of(c), c.analysisContext()),
                (c, answers) -> insights.replaceAnswers(c.lease(), c.interview().projectId(), c.runId(), answers));
    }
}
