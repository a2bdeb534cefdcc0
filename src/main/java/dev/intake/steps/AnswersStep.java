package dev.intake.steps;

import dev.intake.providers.analysis.AnalysisProvider;
import dev.intake.store.EvidenceStore;
import dev.intake.store.InsightStore;
import dev.intake.store.Reads;
import dev.intake.store.WorkspaceStore;
import dev.intake.workflow.Step;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/** Each of the project's questions answered from the evidence and the transcript, or marked unanswered. */
@ApplicationScoped
public class AnswersStep implements StepHandler {

    private final WorkspaceStore workspace;
    private final RunTranscripts transcripts;
    private final EvidenceStore evidence;
    private final Reads reads;
    private final InsightStore insights;
    private final AnalysisProvider analyzer;

    AnswersStep(WorkspaceStore workspace, RunTranscripts transcripts, EvidenceStore evidence, InsightStore insights,
                Reads reads, AnalysisProvider analyzer) {
        this.reads = reads;
        this.workspace = workspace;
        this.transcripts = transcripts;
        this.evidence = evidence;
        this.insights = insights;
        this.analyzer = analyzer;
    }

    @Override
    public Step step() {
        return Step.ANSWERS;
    }

    @Override
    public JsonObject run(StepContext context) {
        var questions = workspace.questionsOf(context.interview().projectId());
        var found = evidence.listing(context.interview().id());
        Reads.Results in = reads.together(questions, found);
        var answers = analyzer.answerQuestions(in.of(questions), in.of(found), transcripts.of(context),
                context.analysisContext());
        insights.replaceAnswers(context.lease(), context.interview().projectId(), context.runId(), answers);
        return new JsonObject();
    }
}
