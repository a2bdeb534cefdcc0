package dev.intake.steps;

import java.util.UUID;

import dev.intake.providers.analysis.AnalysisProvider;
import dev.intake.store.EvidenceStore;
import dev.intake.store.InsightStore;
import dev.intake.workflow.Step;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/** Personas from the interviewees and the themes of the conversation. */
@ApplicationScoped
public class PersonasStep implements StepHandler {

    private final EvidenceStore evidence;
    private final InsightStore insights;
    private final AnalysisProvider analyzer;

    PersonasStep(EvidenceStore evidence, InsightStore insights, AnalysisProvider analyzer) {
        this.evidence = evidence;
        this.insights = insights;
        this.analyzer = analyzer;
    }

    @Override
    public Step step() {
        return Step.PERSONAS;
    }

    @Override
    public JsonObject run(StepContext context) {
        UUID id = context.interview().id();
        var personas = analyzer.buildPersonas(evidence.people(id), evidence.list(id), insights.themes(id),
                context.analysisContext());
        insights.replacePersonas(context.lease(), context.interview().accountId(), context.interview().projectId(), personas);
        return new JsonObject();
    }
}
