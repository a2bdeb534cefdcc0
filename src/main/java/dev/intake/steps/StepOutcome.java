package dev.intake.steps;

import java.util.UUID;

import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;

/** What became of one invocation of a step. */
public sealed interface StepOutcome {

    UUID interviewId();

    /** The run goes on at {@code next}: the step was done now ({@link Advanced}) or before ({@link AlreadyDone}). */
    sealed interface Continuing extends StepOutcome {
        Step next();
    }

    /** Done by this invocation; the run goes on with {@code next}. */
    record Advanced(UUID interviewId, Step step, Step next) implements Continuing {
    }

    /**
     * Done before, by an earlier invocation of the same run (a redelivery, or a retry whose first try
     * finished after all): nothing was run now, and the run goes on where it is, at {@code next}.
     */
    record AlreadyDone(UUID interviewId, Step step, Step next) implements Continuing {
    }

    /** Done, and it was the run's last step: the interview is ready. */
    record Finished(UUID interviewId, Step step) implements StepOutcome {
    }

    /** The step failed transiently with attempts left: the engine runs it again after {@code delay}. */
    record RetryScheduled(UUID interviewId, Step step, StepError error, java.time.Duration delay) implements StepOutcome {
    }

    /**
     * The step's work goes on elsewhere (a provider is transcribing): its lease is released and the
     * engine calls it again after {@code checkAgainIn}. Not a failed attempt.
     */
    record Waiting(UUID interviewId, Step step, String detail, java.time.Duration checkAgainIn) implements StepOutcome {
    }

    /** The step failed and the interview was marked {@code error}. */
    record Failed(UUID interviewId, Step step, StepError error) implements StepOutcome {
    }

    /**
     * The step is held by a live lease of this same run (an earlier invocation still working): try
     * again once the lease has run out, by which time it has finished or the lease is free.
     */
    record Held(UUID interviewId, Step step, java.time.Duration retryAfter) implements StepOutcome {
    }

    /**
     * Not ours to run: the run is no longer the interview's, or the interview is settled. A duplicate
     * delivery ends here without effect.
     */
    record NotClaimed(UUID interviewId, Step step) implements StepOutcome {
    }

    /** We claimed it but lost the lease before recording the result; the newer owner's state stands. */
    record LeaseLost(UUID interviewId, Step step) implements StepOutcome {
    }
}
