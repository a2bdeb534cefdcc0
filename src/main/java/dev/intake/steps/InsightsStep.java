package dev.intake.steps;

import dev.intake.providers.analysis.AnalysisProvider;
import dev.intake.store.EvidenceStore;
import dev.intake.store.InsightStore;
import dev.intake.store.Reads;
import dev.intake.workflow.Step;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Themes, each linked to the evidence behind it; a theme about the same thing as one the project
 * already has (from another interview) gathers its evidence there.
 */
@ApplicationScoped
public class InsightsStep implements StepHandler {

    private final EvidenceStore evidence;
    private final Reads reads;
    private final InsightStore insights;
    private final AnalysisProvider analyzer;

    InsightsStep(EvidenceStore evidence, InsightStore insights, Reads reads, AnalysisProvider analyzer) {
        this.reads = reads;
        this.evidence = evidence;
        this.insights = insights;
        this.analyzer = analyzer;
    }

    @Override
    public Step step() {
        return Step.INSIGHTS;
    }

    @Override
    public JsonObject run(StepContext context) {
        var found = evidence.listing(context.interview().id());
        var known = insights.projectThemesOf(context.interview().projectId(), context.interview().id());
        Reads.Results in = reads.together(found, known);
        var themes = analyzer.findThemes(in.of(found), in.of(known), context.analysisContext());
        insights.replaceThemes(context.lease(), context.interview().accountId(), context.interview().projectId(), themes);
        return new JsonObject();
    }
}
