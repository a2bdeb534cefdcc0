package dev.intake.testing;

import java.time.Duration;
import java.util.Optional;

import dev.intake.store.FencedWrites;
import dev.intake.store.Lease;
import dev.intake.store.Race;
import dev.intake.store.StepLeases;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;
import io.vertx.core.json.JsonObject;

/**
 * A step's end as a test makes it by hand: without kept writes, and without claiming the next step in
 * the same transaction (the executor's single commit per step is OneCommitPerStepTest's subject).
 */
public final class StepEnds {

    private StepEnds() {
    }

    public static Race complete(StepLeases leases, Lease lease, String runId, Step step, Optional<Step> next,
                                JsonObject outputs) {
        return leases.complete(lease, runId, step, next, outputs, FencedWrites.Kept.NONE, Optional.empty(), Duration.ZERO)
                .race();
    }

    public static Race retry(StepLeases leases, Lease lease, StepError error, Duration delay) {
        return leases.retry(lease, error, delay, FencedWrites.Kept.NONE);
    }

    public static Race fail(StepLeases leases, Lease lease, StepError error) {
        return leases.fail(lease, error, FencedWrites.Kept.NONE);
    }
}
