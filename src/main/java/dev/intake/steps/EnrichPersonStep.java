package dev.intake.steps;

import java.util.UUID;

import dev.intake.providers.analysis.AnalysisProvider;
import dev.intake.store.EvidenceStore;
import dev.intake.store.Reads;
import dev.intake.workflow.Step;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/** A description of each person the evidence step found. */
@ApplicationScoped
public class EnrichPersonStep implements StepHandler {

    private final RunTranscripts transcripts;
    private final EvidenceStore evidence;
    private final Reads reads;
    private final AnalysisProvider analyzer;

    EnrichPersonStep(RunTranscripts transcripts, EvidenceStore evidence, Reads reads, AnalysisProvider analyzer) {
        this.reads = reads;
        this.transcripts = transcripts;
        this.evidence = evidence;
        this.analyzer = analyzer;
    }

    @Override
    public Step step() {
        return Step.ENRICH_PERSON;
    }

    @Override
    public JsonObject run(StepContext context) {
        UUID id = context.interview().id();
        var people = evidence.peopleOf(id);
        var found = evidence.listing(id);
        Reads.Results in = reads.together(people, found);
        var descriptions = analyzer.describePeople(in.of(people), in.of(found), transcripts.of(context),
                context.analysisContext());
        evidence.describe(context.lease(), descriptions);
        return new JsonObject();
    }
}
