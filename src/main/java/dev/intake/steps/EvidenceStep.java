package dev.intake.steps;

import dev.intake.interview.EvidenceFindings;
import dev.intake.providers.analysis.AnalysisMode;
import dev.intake.providers.analysis.AnalysisProvider;
import dev.intake.store.EvidenceStore;
import dev.intake.workflow.Step;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Evidence units from what the interviewee said, and the people of the conversation. How the analyzer
 * ran (with its sentence model, by rules alone and why, or a provider) is recorded on the interview
 * ({@code conversation_analysis.analysis_mode}, shown by diagnose and the console) and counted
 * ({@code intake.analysis.mode{mode}}), so a weaker analysis is never silent.
 */
@ApplicationScoped
public class EvidenceStep implements StepHandler {

    /** The key of conversation_analysis that holds how the interview was analyzed. */
    public static final String ANALYSIS_MODE_KEY = "analysis_mode";

    private final RunTranscripts transcripts;
    private final EvidenceStore evidence;
    private final AnalysisProvider analyzer;
    private final MeterRegistry meters;

    EvidenceStep(RunTranscripts transcripts, EvidenceStore evidence, AnalysisProvider analyzer, MeterRegistry meters) {
        this.transcripts = transcripts;
        this.evidence = evidence;
        this.analyzer = analyzer;
        this.meters = meters;
    }

    @Override
    public Step step() {
        return Step.EVIDENCE;
    }

    @Override
    public JsonObject run(StepContext context) {
        var transcript = transcripts.of(context);
        EvidenceFindings findings = analyzer.findEvidence(transcript, context.analysisContext());
        evidence.replace(context.lease(), context.interview().accountId(), context.interview().projectId(),
                context.interview().mediaKey(), findings);
        AnalysisMode mode = analyzer.mode();
        meters.counter("intake.analysis.mode", "mode", mode.mode()).increment();
        return new JsonObject().put(ANALYSIS_MODE_KEY, new JsonObject().put("mode", mode.mode()).put("detail", mode.detail()));
    }
}
