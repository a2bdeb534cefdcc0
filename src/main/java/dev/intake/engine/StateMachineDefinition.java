package dev.intake.engine;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.workflow.RetryPolicy;
import dev.intake.workflow.RunCycles;
import dev.intake.workflow.Step;

/**
 * The Step Functions (Standard) state machine of the aws engine, generated from the workflow
 * definition: a Task per step invoking that step's function, routed on the step each function
 * returns, a Wait before a step the function asked to retry or that waits for a provider, Retry on
 * Lambda's own transient errors with the step's Java policy, and a Catch to {@code step-failed}, which
 * records the error; every loop passes Bounded, which counts the cycles and ends the run past
 * {@link RunCycles#LIMIT}. Transient or permanent reaches the machine as the step's outcome, never as an
 * exception type, so a Retry never repeats a permanent failure. Function
 * ARNs are {@code ${function-name}} placeholders that the deployment substitutes.
 */
public final class StateMachineDefinition {

    /**
     * Lambda's own failures to run an invocation (the service erred, or its answer never came back):
     * worth another try, with the step's policy. A step function's own errors are not among them: it
     * answers every failure of the step's work as an outcome ({@code retry} or {@code failed}), so an
     * error it throws is a crash (out of memory, killed at its timeout, unable to start), which another
     * try would repeat, and goes to {@code step-failed}, which records it.
     */
    public static final List<String> LAMBDA_SERVICE_ERRORS = List.of(
            "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
            "Lambda.Unknown", "States.Timeout");

    /**
     * What {@code step-failed} may meet besides Lambda's own failures: the database not answering while
     * it records (its only work), which another try may get past.
     */
    static final List<String> RECORDING_ERRORS = java.util.stream.Stream.concat(LAMBDA_SERVICE_ERRORS.stream(),
            java.util.stream.Stream.of("States.TaskFailed")).toList();

    /**
     * Lambda refusing an invocation for lack of concurrency: weather, not failure. Retried apart from
     * the step's policy, with a backoff long enough to ride out a burst: 15 s doubling to 5 min, about
     * 13 minutes in all.
     */
    public static final List<String> THROTTLES = List.of("Lambda.TooManyRequestsException");
    static final int THROTTLE_FIRST_WAIT_SECONDS = 15;
    static final int THROTTLE_ATTEMPTS = 6;
    static final int THROTTLE_MAX_WAIT_SECONDS = 300;

    /**
     * An execution that has not ended after this is stopped by Step Functions; its interview is still
     * in flight, so the sweeper resumes it or fails it visibly. Longer than any run's legitimate work,
     * waits for transcription included.
     */
    public static final int EXECUTION_TIMEOUT_SECONDS = 12 * 60 * 60;

    public static final String FAILURE_FUNCTION = "step-failed";

    /** The execution's count of the times it went round to a step again, and the last error it met. */
    public static final String CYCLES = "cycles";
    public static final String LAST_ERROR = "lastError";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateMachineDefinition() {
    }

    /** The function a step's Task invokes. */
    public static String functionOf(Step step) {
        return "step-" + step.key();
    }

    public static String placeholder(String function) {
        return "${" + function + "}";
    }

    /** The definition as Amazon States Language, pretty-printed (it is checked in; diffs should read well). */
    public static String asl() {
        ObjectNode machine = JSON.createObjectNode();
        machine.put("Comment", "Intake: one interview run, step after step. Generated from dev.intake.workflow.Step"
                + " by dev.intake.engine.StateMachineDefinition; do not edit by hand.");
        machine.put("StartAt", "Start");
        machine.put("TimeoutSeconds", EXECUTION_TIMEOUT_SECONDS);
        ObjectNode states = machine.putObject("States");

        // Every loop of the machine goes through Bounded, and every way back to it adds a cycle: a run
        // that goes round RunCycles.LIMIT times is recorded failed with the last error it met.
        ObjectNode start = states.putObject("Start").put("Type", "Pass");
        start.putObject("Parameters").put("interviewId.$", "$.interviewId").put("runId.$", "$.runId")
                .put("step.$", "$.step").put(CYCLES, 0).putNull(LAST_ERROR);
        start.put("Next", "Route");
        ObjectNode bounded = states.putObject("Bounded").put("Type", "Choice");
        bounded.putArray("Choices").addObject().put("Variable", "$." + CYCLES)
                .put("NumericGreaterThanEquals", RunCycles.LIMIT).put("Next", "OutOfCycles");
        bounded.put("Default", "Route");

        ObjectNode route = states.putObject("Route").put("Type", "Choice");
        ArrayNode choices = route.putArray("Choices");
        for (Step step : Step.values()) {
            choices.addObject().put("Variable", "$.step").put("StringEquals", step.key()).put("Next", step.key());
        }
        route.put("Default", "UnknownStep");

        for (Step step : Step.values()) {
            states.set(step.key(), task(step));
        }

        ObjectNode outcome = states.putObject("Outcome").put("Type", "Choice");
        ArrayNode outcomes = outcome.putArray("Choices");
        outcomes.addObject().put("Variable", "$.result.outcome").put("StringEquals", "completed").put("Next", "Advance");
        outcomes.addObject().put("Variable", "$.result.outcome").put("StringEquals", "retry").put("Next", "WaitToRetry");
        outcomes.addObject().put("Variable", "$.result.outcome").put("StringEquals", "failed").put("Next", "Failed");
        outcomes.addObject().put("Variable", "$.result.outcome").put("StringEquals", "invalid").put("Next", "InvalidRequest");
        // A step waiting for a provider (a transcription) takes the same Wait loop as an asked-for retry;
        // it is no failure, so it never meets the Task's Retry or the step's attempts.
        outcomes.addObject().put("Variable", "$.result.outcome").put("StringEquals", "waiting").put("Next", "WaitToRetry");
        outcome.put("Default", "Done");

        states.set("Advance", nextStep("Bounded"));
        states.putObject("WaitToRetry").put("Type", "Wait").put("SecondsPath", "$.result.retryAfterSeconds")
                .put("Next", "RetryStep");
        states.set("RetryStep", nextStep("Bounded"));

        ObjectNode outOfCycles = states.putObject("OutOfCycles").put("Type", "Task")
                .put("Resource", "arn:aws:states:::lambda:invoke");
        outOfCycles.putObject("Parameters").put("FunctionName", placeholder(FAILURE_FUNCTION)).putObject("Payload")
                .put("interviewId.$", "$.interviewId").put("runId.$", "$.runId").put("step.$", "$.step")
                .put("cycles.$", "$." + CYCLES).put("lastError.$", "$." + LAST_ERROR);
        recordingRetries(outOfCycles);

        ObjectNode record = states.putObject("RecordFailure").put("Type", "Task")
                .put("Resource", "arn:aws:states:::lambda:invoke");
        ObjectNode parameters = record.putObject("Parameters").put("FunctionName", placeholder(FAILURE_FUNCTION));
        parameters.putObject("Payload").put("interviewId.$", "$.interviewId").put("runId.$", "$.runId")
                .put("step.$", "$.step").put("error.$", "$.error");
        recordingRetries(record);

        states.putObject("Failed").put("Type", "Fail").put("Error", "InterviewFailed")
                .put("Cause", "the interview was marked error; its last_error says where and why");
        states.putObject("InvalidRequest").put("Type", "Fail").put("Error", "InvalidRequest")
                .put("Cause", "a step function refused its input as malformed; trying again would not help");
        states.putObject("UnknownStep").put("Type", "Fail").put("Error", "UnknownStep")
                .put("Cause", "the run names a step this state machine does not have");
        states.putObject("Done").put("Type", "Succeed");
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(machine) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the definition is plain JSON", e);
        }
    }

    private static ObjectNode task(Step step) {
        ObjectNode task = JSON.createObjectNode().put("Type", "Task").put("Resource", "arn:aws:states:::lambda:invoke");
        ObjectNode parameters = task.putObject("Parameters").put("FunctionName", placeholder(functionOf(step)));
        parameters.putObject("Payload").put("interviewId.$", "$.interviewId").put("runId.$", "$.runId");
        task.putObject("ResultSelector").put("outcome.$", "$.Payload.outcome").put("next.$", "$.Payload.next")
                .put("retryAfterSeconds.$", "$.Payload.retryAfterSeconds").put("error.$", "$.Payload.error");
        task.put("ResultPath", "$.result");
        RetryPolicy policy = step.retry();
        ArrayNode retries = task.putArray("Retry");
        // First: a throttle matches here and is not counted against the step's own attempts.
        retries.add(throttleRetry());
        if (policy.attempts() > 1) {
            ObjectNode retry = retries.addObject();
            LAMBDA_SERVICE_ERRORS.forEach(retry.putArray("ErrorEquals")::add);
            retry.put("IntervalSeconds", Math.max(1, policy.initialDelay().toSeconds()))
                    .put("BackoffRate", policy.backoffFactor())
                    .put("MaxAttempts", policy.attempts() - 1)
                    .put("MaxDelaySeconds", Math.max(1, policy.maxDelay().toSeconds()));
        }
        ObjectNode fallback = task.putArray("Catch").addObject();
        fallback.putArray("ErrorEquals").add("States.ALL");
        fallback.put("ResultPath", "$.error").put("Next", "RecordFailure");
        task.put("Next", "Outcome");
        return task;
    }

    /** A Task of step-failed: retried while the database may come back, then on to Failed either way. */
    private static void recordingRetries(ObjectNode record) {
        ArrayNode recordRetries = record.putArray("Retry");
        recordRetries.add(throttleRetry());
        ObjectNode recordRetry = recordRetries.addObject();
        RECORDING_ERRORS.forEach(recordRetry.putArray("ErrorEquals")::add);
        recordRetry.put("IntervalSeconds", 5).put("BackoffRate", 2.0).put("MaxAttempts", 4).put("MaxDelaySeconds", 60);
        // Past its retries the interview is still in flight, where the sweeper finds it.
        ObjectNode unrecorded = record.putArray("Catch").addObject();
        unrecorded.putArray("ErrorEquals").add("States.ALL");
        unrecorded.put("ResultPath", "$.recordError").put("Next", "Failed");
        record.put("ResultPath", "$.recorded").put("Next", "Failed");
    }

    private static ObjectNode throttleRetry() {
        ObjectNode retry = JSON.createObjectNode();
        THROTTLES.forEach(retry.putArray("ErrorEquals")::add);
        return retry.put("IntervalSeconds", THROTTLE_FIRST_WAIT_SECONDS).put("BackoffRate", 2.0)
                .put("MaxAttempts", THROTTLE_ATTEMPTS).put("MaxDelaySeconds", THROTTLE_MAX_WAIT_SECONDS)
                .put("JitterStrategy", "FULL");
    }

    private static ObjectNode nextStep(String then) {
        ObjectNode pass = JSON.createObjectNode().put("Type", "Pass");
        pass.putObject("Parameters").put("interviewId.$", "$.interviewId").put("runId.$", "$.runId")
                .put("step.$", "$.result.next").put(CYCLES + ".$", "States.MathAdd($." + CYCLES + ", 1)")
                .put(LAST_ERROR + ".$", "$.result.error");
        return pass.put("Next", then);
    }
}
