package dev.intake.steps;

import dev.intake.store.EvidenceStore;
import dev.intake.workflow.Step;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes the interview {@code ready}: the completion it returns to carries {@code evidence_count}, and
 * recording it sets status, {@code current_step='complete'}, progress 100 and {@code completed_at}.
 */
@ApplicationScoped
public class FinalizeStep implements StepHandler {

    private final EvidenceStore evidence;

    FinalizeStep(EvidenceStore evidence) {
        this.evidence = evidence;
    }

    @Override
    public Step step() {
        return Step.FINALIZE;
    }

    @Override
    public JsonObject run(StepContext context) {
        return new JsonObject().put("evidence_count", evidence.count(context.interview().id()));
    }
}
