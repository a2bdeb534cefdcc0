package dev.intake.engine;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.workflow.Step;
import dev.intake.workflow.StepRetryPolicy;

/**
 * The Step Functions (Standard) state machine of the aws engine, generated from the workflow
 * definition: a Task per step invoking that step's function, routed on the step each function
 * returns, a Wait before a step the function asked to retry or that waits for a provider, Retry on
 * Lambda's own transient errors
 * with the step's Java policy, and a Catch to {@code step-failed}, which records the error. Function
 * ARNs are {@code ${function-name}} placeholders that the deployment substitutes.
 */
public final class StateMachineDefinition {

    /**
     * Failures outside the step's own handling, all worth another try: Lambda's own (the invocation did
     * not run or did not finish: throttled, timed out, out of memory), and the function's escaping
     * exceptions (States.TaskFailed), which are the database or the network failing under the
     * executor, since the executor records every failure of the step's work itself.
     */
    public static final List<String> LAMBDA_TRANSIENT_ERRORS = List.of(
            "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
            "Lambda.TooManyRequestsException", "Lambda.Unknown", "States.Timeout", "States.TaskFailed");

    public static final String FAILURE_FUNCTION = "step-failed";

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
        machine.put("StartAt", "Route");
        ObjectNode states = machine.putObject("States");

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
        // A step waiting for a provider (a transcription) takes the same Wait loop as an asked-for retry;
        // it is no failure, so it never meets the Task's Retry or the step's attempts.
        outcomes.addObject().put("Variable", "$.result.outcome").put("StringEquals", "waiting").put("Next", "WaitToRetry");
        outcome.put("Default", "Done");

        states.set("Advance", nextStep("Route"));
        states.putObject("WaitToRetry").put("Type", "Wait").put("SecondsPath", "$.result.retryAfterSeconds")
                .put("Next", "RetryStep");
        states.set("RetryStep", nextStep("Route"));

        ObjectNode record = states.putObject("RecordFailure").put("Type", "Task")
                .put("Resource", "arn:aws:states:::lambda:invoke");
        ObjectNode parameters = record.putObject("Parameters").put("FunctionName", placeholder(FAILURE_FUNCTION));
        parameters.putObject("Payload").put("interviewId.$", "$.interviewId").put("runId.$", "$.runId")
                .put("step.$", "$.step").put("error.$", "$.error");
        record.put("ResultPath", "$.recorded").put("Next", "Failed");

        states.putObject("Failed").put("Type", "Fail").put("Error", "InterviewFailed")
                .put("Cause", "the interview was marked error; its last_error says where and why");
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
                .put("retryAfterSeconds.$", "$.Payload.retryAfterSeconds");
        task.put("ResultPath", "$.result");
        StepRetryPolicy policy = step.retry();
        if (policy.attempts() > 1) {
            ObjectNode retry = task.putArray("Retry").addObject();
            LAMBDA_TRANSIENT_ERRORS.forEach(retry.putArray("ErrorEquals")::add);
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

    private static ObjectNode nextStep(String then) {
        ObjectNode pass = JSON.createObjectNode().put("Type", "Pass");
        pass.putObject("Parameters").put("interviewId.$", "$.interviewId").put("runId.$", "$.runId")
                .put("step.$", "$.result.next");
        return pass.put("Next", then);
    }
}
