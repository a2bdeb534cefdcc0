package dev.intake.workflow;

import java.time.Duration;

/**
 * Thrown by a step whose work goes on elsewhere (a provider is transcribing): not a failure, so no
 * attempt is spent. The step's lease is released, and the engine calls the step again after
 * {@code checkAgainIn}; the step then picks up where it left off from what it recorded.
 */
public class StepPending extends RuntimeException {

    private final Duration checkAgainIn;

    private StepPending(String detail, Duration checkAgainIn) {
        // No stack trace: this is an expected outcome that unwinds a step, never a fault to debug.
        super(detail, null, false, false);
        this.checkAgainIn = checkAgainIn;
    }

    /** {@code detail} is the sentence the interview shows while it waits. */
    public static StepPending waitingFor(String detail, Duration checkAgainIn) {
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a wait must say what it waits for");
        }
        if (checkAgainIn == null || checkAgainIn.isNegative() || checkAgainIn.isZero()) {
            throw new IllegalArgumentException("a wait must last a while before the next check");
        }
        return new StepPending(detail, checkAgainIn);
    }

    public String detail() {
        return getMessage();
    }

    public Duration checkAgainIn() {
        return checkAgainIn;
    }
}
