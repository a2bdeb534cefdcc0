package dev.intake.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.intake.steps.StepExecutor;
import dev.intake.store.InterviewStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The step functions as the state machine calls them: a malformed request is an outcome, never a retry. */
@QuarkusTest
class StepLambdasTest {

    @Inject
    StepExecutor executor;
    @Inject
    InterviewStore interviews;

    @Test
    void a_malformed_step_request_is_answered_invalid_so_the_state_machine_does_not_retry_it() {
        StepLambdas functions = new StepLambdas(executor, interviews);

        StepLambdas.StepResponse missing = functions.upload(new StepLambdas.StepRequest(null, "run-1"));
        StepLambdas.StepResponse notAnId = functions.evidence(new StepLambdas.StepRequest("931e3b81", "run-1"));

        assertEquals("invalid", missing.outcome());
        assertEquals("a step request needs interviewId and runId", missing.error());
        assertEquals("invalid", notAnId.outcome());
        assertEquals("interviewId '931e3b81' is not a UUID", notAnId.error());
    }

    @Test
    void a_malformed_failure_report_is_answered_invalid_and_records_nothing() {
        StepLambdas functions = new StepLambdas(executor, interviews);

        StepLambdas.StepResponse missing = functions.stepFailed(new StepLambdas.StepFailed(null, "run-1", "upload", null));
        StepLambdas.StepResponse notAnId = functions.stepFailed(new StepLambdas.StepFailed("931e3b81", "run-1", "upload", null));

        assertEquals("invalid", missing.outcome());
        assertEquals("a step failure needs interviewId, runId and step", missing.error());
        assertEquals("invalid", notAnId.outcome());
        assertEquals("interviewId '931e3b81' is not a UUID", notAnId.error());
    }
}
