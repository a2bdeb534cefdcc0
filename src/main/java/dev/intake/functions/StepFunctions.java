package dev.intake.functions;

import java.util.UUID;

import dev.intake.ingest.InvalidEventException;
import dev.intake.steps.StepExecutor;
import dev.intake.steps.StepOutcome;
import dev.intake.workflow.Step;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One function per step: {interviewId, runId} in, the step's outcome and the next step out. */
public class StepFunctions {

    private final StepExecutor executor;

    StepFunctions(StepExecutor executor) {
        this.executor = executor;
    }

    @RegisterForReflection
    public record StepRequest(String interviewId, String runId) {
    }

    /** {@code next} is the step to invoke now, or null when there is nothing more to do. */
    @RegisterForReflection
    public record StepResponse(String interviewId, String runId, String step, String outcome, String next,
                               String error) {
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
        if (request == null || request.interviewId() == null || request.runId() == null || request.runId().isBlank()) {
            throw new InvalidEventException("a step request needs interviewId and runId");
        }
        UUID interviewId;
        try {
            interviewId = UUID.fromString(request.interviewId());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("interviewId '" + request.interviewId() + "' is not a UUID");
        }
        StepOutcome outcome = executor.execute(interviewId, request.runId(), step);
        if (outcome instanceof StepOutcome.Advanced advanced) {
            return response(request, step, "completed", advanced.next().key(), null);
        }
        if (outcome instanceof StepOutcome.RetryScheduled retry) {
            // The step's lease is released and its error recorded; the caller runs it again after the delay.
            return response(request, step, "retry", step.key(), retry.error().message());
        }
        if (outcome instanceof StepOutcome.Failed failed) {
            return response(request, step, "failed", null, failed.error().message());
        }
        String name = outcome instanceof StepOutcome.Finished ? "finished"
                : outcome instanceof StepOutcome.NotClaimed ? "not-claimed" : "lease-lost";
        return response(request, step, name, null, null);
    }

    private static StepResponse response(StepRequest request, Step step, String outcome, String next, String error) {
        return new StepResponse(request.interviewId(), request.runId(), step.key(), outcome, next, error);
    }
}
