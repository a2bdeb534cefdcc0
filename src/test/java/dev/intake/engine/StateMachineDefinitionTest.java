package dev.intake.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.workflow.Step;

/**
 * The deployed state machine is the checked-in ASL, and the checked-in ASL is what the Java workflow
 * generates: a step added to the workflow fails this test until the file (and so the deployment)
 * follows. Regenerate with {@code mvn test -Dtest=StateMachineDefinitionTest -Dasl.update=true}.
 */
class StateMachineDefinitionTest {

    static final Path CHECKED_IN = Path.of("infra/src/main/resources/state-machine.asl.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_checked_in_state_machine_is_the_one_the_workflow_generates() throws IOException {
        String generated = StateMachineDefinition.asl();
        if (Boolean.getBoolean("asl.update")) {
            Files.writeString(CHECKED_IN, generated);
        }
        assertEquals(generated, Files.readString(CHECKED_IN),
                CHECKED_IN + " is not what the workflow generates; regenerate it with -Dasl.update=true");
    }

    @Test
    void every_step_has_a_task_invoking_its_function_and_a_route_to_it() throws IOException {
        JsonNode states = JSON.readTree(StateMachineDefinition.asl()).get("States");
        List<String> routed = new ArrayList<>();
        states.get("Route").get("Choices").forEach(c -> routed.add(c.get("StringEquals").asText()));
        assertEquals(Arrays.stream(Step.values()).map(Step::key).toList(), routed);
        for (Step step : Step.values()) {
            JsonNode task = states.get(step.key());
            assertEquals("${step-" + step.key() + "}", task.at("/Parameters/FunctionName").asText());
            assertEquals("Outcome", task.get("Next").asText());
            assertEquals("RecordFailure", task.at("/Catch/0/Next").asText());
        }
    }

    @Test
    void each_tasks_retry_is_the_steps_java_retry_policy() throws IOException {
        JsonNode states = JSON.readTree(StateMachineDefinition.asl()).get("States");
        for (Step step : Step.values()) {
            JsonNode retry = states.get(step.key()).at("/Retry/1");
            assertEquals(step.retry().attempts() - 1, retry.get("MaxAttempts").asInt(), step.key());
            assertEquals(step.retry().initialDelay().toSeconds(), retry.get("IntervalSeconds").asLong(), step.key());
            assertEquals(step.retry().backoffFactor(), retry.get("BackoffRate").asDouble(), step.key());
            assertEquals(step.retry().maxDelay().toSeconds(), retry.get("MaxDelaySeconds").asLong(), step.key());
            assertEquals(StateMachineDefinition.LAMBDA_SERVICE_ERRORS.size(), retry.get("ErrorEquals").size());
        }
    }

    @Test
    void a_step_functions_own_error_is_never_retried_but_recorded_as_the_interviews_failure() throws IOException {
        // Permanent or transient reaches the machine as the step's outcome; an error the function throws is
        // a crash (or a refusal to start) that another try would repeat.
        JsonNode states = JSON.readTree(StateMachineDefinition.asl()).get("States");
        for (Step step : Step.values()) {
            List<String> retried = new ArrayList<>();
            states.get(step.key()).get("Retry").forEach(r -> r.get("ErrorEquals").forEach(e -> retried.add(e.asText())));
            org.junit.jupiter.api.Assertions.assertFalse(retried.contains("States.TaskFailed"), step.key() + " retries " + retried);
            org.junit.jupiter.api.Assertions.assertFalse(retried.contains("States.ALL"), step.key() + " retries " + retried);
            assertEquals("[\"States.ALL\"]", states.get(step.key()).at("/Catch/0/ErrorEquals").toString());
        }
    }

    @Test
    void a_retry_the_function_asks_for_waits_then_runs_the_step_again() throws IOException {
        JsonNode states = JSON.readTree(StateMachineDefinition.asl()).get("States");
        assertEquals("WaitToRetry", states.at("/Outcome/Choices/1/Next").asText());
        assertEquals("$.result.retryAfterSeconds", states.at("/WaitToRetry/SecondsPath").asText());
        assertEquals("$.result.next", states.at("/RetryStep/Parameters/step.$").asText());
        assertEquals("Bounded", states.at("/RetryStep/Next").asText(), "a retry is a cycle: counted, then routed");
        assertEquals("Route", states.at("/Bounded/Default").asText());
    }

    @Test
    void a_throttled_invocation_is_retried_for_minutes_on_every_task_without_using_the_steps_attempts() throws IOException {
        JsonNode states = JSON.readTree(StateMachineDefinition.asl()).get("States");
        List<String> tasks = new ArrayList<>(Arrays.stream(Step.values()).map(Step::key).toList());
        tasks.add("RecordFailure");
        for (String name : tasks) {
            JsonNode throttle = states.get(name).at("/Retry/0");
            assertEquals("[\"Lambda.TooManyRequestsException\"]", throttle.get("ErrorEquals").toString(), name);
            long wait = 0;
            long next = throttle.get("IntervalSeconds").asLong();
            for (int attempt = 0; attempt < throttle.get("MaxAttempts").asInt(); attempt++) {
                wait += Math.min(next, throttle.get("MaxDelaySeconds").asLong());
                next = (long) (next * throttle.get("BackoffRate").asDouble());
            }
            org.junit.jupiter.api.Assertions.assertTrue(wait >= 10 * 60, name + " rides out " + wait + " s of throttling");
        }
    }

    @Test
    void the_execution_has_a_timeout_and_recording_a_failure_is_retried_then_left_to_the_sweeper() throws IOException {
        JsonNode machine = JSON.readTree(StateMachineDefinition.asl());
        assertEquals(StateMachineDefinition.EXECUTION_TIMEOUT_SECONDS, machine.get("TimeoutSeconds").asInt());
        JsonNode record = machine.at("/States/RecordFailure");
        // Recording is the database's work only: a failure of it (States.TaskFailed) may pass.
        assertEquals(StateMachineDefinition.RECORDING_ERRORS.size(), record.at("/Retry/1/ErrorEquals").size());
        org.junit.jupiter.api.Assertions.assertTrue(StateMachineDefinition.RECORDING_ERRORS.contains("States.TaskFailed"));
        assertEquals("Failed", record.at("/Catch/0/Next").asText());
    }

    @Test
    void a_request_a_step_function_refuses_as_malformed_ends_the_execution_without_a_retry() throws IOException {
        JsonNode states = JSON.readTree(StateMachineDefinition.asl()).get("States");
        JsonNode invalid = null;
        for (JsonNode choice : states.at("/Outcome/Choices")) {
            if ("invalid".equals(choice.get("StringEquals").asText())) {
                invalid = choice;
            }
        }
        assertEquals("InvalidRequest", invalid.get("Next").asText());
        assertEquals("Fail", states.at("/InvalidRequest/Type").asText());
        org.junit.jupiter.api.Assertions.assertFalse(StateMachineDefinition.LAMBDA_SERVICE_ERRORS.contains("States.ALL"));
    }

    @Test
    void a_step_waiting_for_a_provider_takes_the_same_wait_then_is_called_again() throws IOException {
        JsonNode states = JSON.readTree(StateMachineDefinition.asl()).get("States");
        List<String> waits = new ArrayList<>();
        states.at("/Outcome/Choices").forEach(c -> {
            if ("WaitToRetry".equals(c.get("Next").asText())) {
                waits.add(c.get("StringEquals").asText());
            }
        });
        assertEquals(List.of("retry", "waiting"), waits);
    }
}
