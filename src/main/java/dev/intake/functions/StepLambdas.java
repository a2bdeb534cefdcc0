package dev.intake.functions;

import java.util.UUID;

import dev.intake.entry.InvalidEventException;
import dev.intake.steps.StepExecutor;
import dev.intake.steps.StepOutcome;
import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.RunCycles;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One function per step: {interviewId, runId} in, the step's outcome and the next step out. */
public class StepLambdas {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(StepLambdas.class);

    private final StepExecutor executor;
    private final dev.intake.store.InterviewStore failures;

    StepLambdas(StepExecutor executor, dev.intake.store.InterviewStore failures) {
        this.executor = executor;
        this.failures = failures;
    }

    @RegisterForReflection
    public record StepRequest(String interviewId, String runId) {
    }

    /**
     * {@code next} is the step to invoke now (the same step after {@code retryAfterSeconds} when the
     * outcome is {@code retry}, or {@code waiting} for work done elsewhere), or null when there is nothing more to do. Every field is always
     * present: the state machine reads them by path.
     */
    @RegisterForReflection
    public record StepResponse(String interviewId, String runId, String step, String outcome, String next,
                               long retryAfterSeconds, String error) {
    }

    /**
     * What the state machine hands over when a step function itself failed (its Catch: {@code error}),
     * or when the run went round its limit of cycles ({@code cycles} and the {@code lastError} it met).
     */
    @RegisterForReflection
    public record StepFailed(String interviewId, String runId, String step, Error error, Integer cycles,
                             String lastError) {
        public StepFailed(String interviewId, String runId, String step, Error error) {
            this(interviewId, runId, step, error, null, null);
        }

        @RegisterForReflection
        @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
        public record Error(@com.fasterxml.jackson.annotation.JsonProperty("Error") String error,
                            @com.fasterxml.jackson.annotation.JsonProperty("Cause") String cause) {
        }
    }

    @Funq("step-upload")
    public StepResponse upload(StepRequest request) {
        return run(request, Step.UPLOAD);
    }

    @Funq("step-evidence")
    public StepResponse evidence(StepRequest request) {
        return run(request, Step.EVIDENCE);
    }

    @Funq("step-enrich-person")
    public StepResponse enrichPerson(StepRequest request) {
        return run(request, Step.ENRICH_PERSON);
    }

    @Funq("step-insights")
    public StepResponse insights(StepRequest request) {
        return run(request, Step.INSIGHTS);
    }

    @Funq("step-personas")
    public StepResponse personas(StepRequest request) {
        return run(request, Step.PERSONAS);
    }

    @Funq("step-answers")
    public StepResponse answers(StepRequest request) {
        return run(request, Step.ANSWERS);
    }

    @Funq("step-finalize")
    public StepResponse finalizeStep(StepRequest request) {
        return run(request, Step.FINALIZE);
    }

    private StepResponse run(StepRequest request, Step step) {
        UUID interviewId;
        try {
            interviewId = validated(request);
        } catch (InvalidEventException e) {
            // An outcome, not an exception: the state machine retries exceptions, and this would not change.
            LOG.warnf("step-%s refused its input: %s; nothing written",
                    step.key(), e.getMessage());
            return new StepResponse(request == null ? null : request.interviewId(), request == null ? null : request.runId(),
                    step.key(), "invalid", null, 0, e.getMessage());
        }
        StepOutcome outcome;
        try {
            outcome = executor.execute(interviewId, request.runId(), step);
        } catch (RuntimeException e) {
            // The executor answers every failure of the step's work itself; what escapes it is its own
            // bookkeeping failing (the database not answering), which passes. An outcome, so the state
            // machine waits and calls again, and never retries an error type that might be permanent.
            long after = Math.max(1, step.retry().initialDelay().toSeconds());
            LOG.warnf("step-%s of interview %s could not be run (%s); the state machine calls it again in %d s",
                    step.key(), interviewId, e.getMessage(), after);
            return new StepResponse(request.interviewId(), request.runId(), step.key(), "retry", step.key(), after,
                    e.getMessage());
        }
        if (outcome instanceof StepOutcome.Continuing continuing) {
            // Done now or before, the state machine goes on the same way: to the step the run is at.
            return response(request, step, "completed", continuing.next().key(), null);
        }
        if (outcome instanceof StepOutcome.RetryScheduled retry) {
            // The step's lease is released and its error recorded; the caller runs it again after the delay.
            return new StepResponse(request.interviewId(), request.runId(), step.key(), "retry", step.key(),
                    Math.max(1, retry.delay().toSeconds()), retry.error().message());
        }
        if (outcome instanceof StepOutcome.Waiting waiting) {
            // Not a failure: the state machine waits, then calls the step again, which checks the same job.
            return new StepResponse(request.interviewId(), request.runId(), step.key(), "waiting", step.key(),
                    Math.max(1, waiting.checkAgainIn().toSeconds()), null);
        }
        if (outcome instanceof StepOutcome.Held held) {
            return new StepResponse(request.interviewId(), request.runId(), step.key(), "retry", step.key(),
                    Math.max(1, held.retryAfter().toSeconds()), "held by an earlier invocation of this run");
        }
        if (outcome instanceof StepOutcome.Failed failed) {
            return response(request, step, "failed", null, failed.error().message());
        }
        String name = outcome instanceof StepOutcome.Finished ? "finished"
                : outcome instanceof StepOutcome.NotClaimed ? "not-claimed" : "lease-lost";
        return response(request, step, name, null, null);
    }

    private static UUID validated(StepRequest request) {
        if (request == null || request.interviewId() == null || request.runId() == null || request.runId().isBlank()) {
            throw new InvalidEventException("a step request needs interviewId and runId");
        }
        try {
            return UUID.fromString(request.interviewId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("interviewId '" + request.interviewId() + "' is not a UUID");
        }
    }

    private static StepResponse response(StepRequest request, Step step, String outcome, String next, String error) {
        return new StepResponse(request.interviewId(), request.runId(), step.key(), outcome, next, 0, error);
    }

    /**
     * The state machine's Catch: a step function failed outside Intake's own handling (timed out, ran
     * out of memory, could not start). The interview is marked failed with what Lambda said.
     */
    @Funq("step-failed")
    public StepResponse stepFailed(StepFailed failed) {
        UUID interviewId;
        try {
            if (failed == null || failed.interviewId() == null || failed.step() == null || failed.runId() == null) {
                throw new InvalidEventException("a step failure needs interviewId, runId and step");
            }
            interviewId = validated(new StepRequest(failed.interviewId(), failed.runId()));
        } catch (InvalidEventException e) {
            // An outcome: the state machine retries this function's errors (its database work may pass).
            LOG.warnf("step-failed refused its input: %s; nothing written", e.getMessage());
            return new StepResponse(failed == null ? null : failed.interviewId(), failed == null ? null : failed.runId(),
                    failed == null ? null : failed.step(), "invalid", null, 0, e.getMessage());
        }
        StepError error;
        if (failed.cycles() != null) {
            error = RunCycles.exhausted(failed.step(), failed.cycles(), failed.lastError());
        } else {
            String what = failed.error() == null ? "no error given"
                    : failed.error().error() + (failed.error().cause() == null ? "" : ": " + failed.error().cause());
            error = new StepError(failed.step(), "the " + failed.step() + " function failed: " + what,
                    ErrorKind.TRANSIENT, 1);
        }
        // Bound to the run: if the sweeper or a repair has started a newer run, its state stands.
        failures.recordFailureOfRun(interviewId, failed.runId(), error);
        return new StepResponse(failed.interviewId(), failed.runId(), failed.step(), "failed", null, 0, error.message());
    }
}
