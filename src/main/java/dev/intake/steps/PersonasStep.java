package dev.intake.steps;

import java.util.UUID;

import dev.intake.providers.analysis.AnalysisProvider;
import dev.intake.store.EvidenceStore;
import dev.intake.store.InsightStore;
import dev.intake.store.Reads;
import dev.intake.workflow.Step;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/** Personas from the interviewees and the themes of the conversation. */
@ApplicationScoped
public class PersonasStep implements StepHandler {

    private final EvidenceStore evidence;
    private final Reads reads;
    private final InsightStore insights;
    private final AnalysisProvider analyzer;

    PersonasStep(EvidenceStore evidence, InsightStore insights, Reads reads, AnalysisProvider analyzer) {
        this.reads = reads;
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
        var people = evidence.peopleOf(id);
        var found = evidence.listing(id);
        var themes = insights.themesOf(id);
        Reads.Results in = reads.together(people, found, themes);
        var personas = analyzer.buildPersonas(in.of(people), in.of(found), in.of(themes), context.analysisContext());
        insights.replacePersonas(context.lease(), context.interview().accountId(), context.interview().projectId(), personas);
        return new JsonObject();
    }
}
