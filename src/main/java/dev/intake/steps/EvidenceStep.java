package dev.intake.steps;

import dev.intake.interview.EvidenceFindings;
import dev.intake.providers.analysis.AnalysisProvider;
import dev.intake.store.EvidenceStore;
import dev.intake.store.TranscriptStore;
import dev.intake.workflow.Step;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/** Evidence units from what the interviewee said, and the people of the conversation. */
@ApplicationScoped
public class EvidenceStep implements StepHandler {

    private final TranscriptStore transcripts;
    private final EvidenceStore evidence;
    private final AnalysisProvider analyzer;

    EvidenceStep(TranscriptStore transcripts, EvidenceStore evidence, AnalysisProvider analyzer) {
        this.transcripts = transcripts;
        this.evidence = evidence;
        this.analyzer = analyzer;
    }

    @Override
    public Step step() {
        return Step.EVIDENCE;
    }

    @Override
    public JsonObject run(StepContext context) {
        var transcript = StepInputs.transcript(transcripts, context);
        EvidenceFindings findings = analyzer.findEvidence(transcript, context.analysisContext());
        evidence.replace(context.lease(), context.interview().accountId(), context.interview().projectId(),
                context.interview().mediaKey(), findings);
        return new JsonObject();
    }
}
