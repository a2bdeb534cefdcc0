package dev.intake.steps;

import dev.intake.workflow.Step;
import io.vertx.core.json.JsonObject;

/**
 * One step's work. It writes only its own output, replacing what an earlier run of it wrote, so it
 * can run any number of times. It throws {@link dev.intake.workflow.StepFailure} to say why it cannot.
 */
public interface StepHandler {

    Step step();

    /** Does the work; returns values to merge into {@code conversation_analysis} (usually none). */
    JsonObject run(StepContext context);
}
