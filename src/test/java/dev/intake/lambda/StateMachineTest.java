package dev.intake.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The local Step Functions' interpreter on the checked-in state machine, with the step functions played by
 * the test: it routes, retries, waits and catches as Step Functions documents, and refuses what it does not
 * implement when the definition is loaded.
 */
class StateMachineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEFINITION = Path.of("infra/src/main/resources/state-machine.asl.json");
    private static final Map<String, String> ARNS = List.of("step-upload", "step-evidence", "step-enrich-person", "step-insights",
            "step-personas", "step-answers", "step-finalize", "step-failed").stream()
            .collect(Collectors.toMap(f -> f, f -> "arn:aws:lambda:us-east-1:111122223333:function:intake-" + f));

    /** The functions as the test plays them: each invocation's payload recorded, the answer given by {@code answer}. */
    private static final class Functions implements StateMachine.Tasks {
        final List<String> invoked = new ArrayList<>();
        final List<JsonNode> payloads = new ArrayList<>();
        final Function<String, JsonNode> answer;

        Functions(Function<String, JsonNode> answer) {
            this.answer = answer;
        }

        @Override
        public JsonNode run(String resource, JsonNode parameters) {
            String function = parameters.get("FunctionName").asText().replaceAll(".*:function:intake-", "");
            invoked.add(function);
            payloads.add(parameters.get("Payload"));
            ObjectNode result = JSON.createObjectNode().put("StatusCode", 200);
            result.set("Payload", answer.apply(function));
            return result;
        }
    }

    private static JsonNode outcome(String outcome, String next, long retryAfterSeconds) {
        return JSON.createObjectNode().put("outcome", outcome).put("next", next).put("retryAfterSeconds", retryAfterSeconds)
                .putNull("error");
    }

    private static final Map<String, String> NEXT = Map.of("upload", "evidence", "evidence", "enrich-person",
            "enrich-person", "insights", "insights", "personas", "personas", "answers", "answers", "finalize");

    private static JsonNode completed(String function) {
        String step = function.substring("step-".length());
        return step.equals("finalize") ? outcome("finished", null, 0) : outcome("completed", NEXT.get(step), 0);
    }

    private static StateMachine machine() throws IOException {
        return StateMachine.load(Files.readString(DEFINITION), ARNS, Duration.ofMillis(1));
    }

    private static JsonNode input(String step) {
        return JSON.createObjectNode().put("interviewId", "5b0c0000-0000-4000-8000-000000000001").put("runId", "run-1").put("step", step);
    }

    @Test
    void a_run_goes_through_every_step_in_order_and_succeeds_when_finalize_finishes() throws IOException {
        Functions functions = new Functions(StateMachineTest::completed);
        List<StateMachine.Event> history = new ArrayList<>();

        StateMachine.Outcome outcome = machine().run(input("upload"), functions, history::add);

        assertEquals(StateMachine.Status.SUCCEEDED, outcome.status(), history.toString());
        assertEquals(List.of("step-upload", "step-evidence", "step-enrich-person", "step-insights", "step-personas",
                "step-answers", "step-finalize"), functions.invoked);
        assertEquals(JSON.createObjectNode().put("interviewId", "5b0c0000-0000-4000-8000-000000000001").put("runId", "run-1"),
                functions.payloads.get(3), "each step gets the interview and the run, nothing else");
    }

    @Test
    void a_run_resumed_from_a_later_step_starts_there() throws IOException {
        Functions functions = new Functions(StateMachineTest::completed);

        machine().run(input("answers"), functions, e -> { });

        assertEquals(List.of("step-answers", "step-finalize"), functions.invoked);
    }

    @Test
    void a_step_asking_to_retry_is_waited_for_and_invoked_again() throws IOException {
        int[] calls = {0};
        Functions functions = new Functions(f -> f.equals("step-insights") && calls[0]++ == 0
                ? outcome("retry", "insights", 2) : completed(f));
        List<StateMachine.Event> history = new ArrayList<>();

        StateMachine.Outcome outcome = machine().run(input("insights"), functions, history::add);

        assertEquals(StateMachine.Status.SUCCEEDED, outcome.status());
        assertEquals(List.of("step-insights", "step-insights", "step-personas", "step-answers", "step-finalize"), functions.invoked);
        assertTrue(history.stream().anyMatch(e -> e.state().equals("WaitToRetry")), history.toString());
    }

    @Test
    void a_function_error_is_a_crash_another_try_would_repeat_so_step_failed_records_it_at_once() throws IOException {
        Functions functions = new Functions(f -> {
            if (f.equals("step-evidence")) {
                throw new StateMachine.TaskFailure("Sandbox.Timedout", "{\"errorMessage\":\"Task timed out\"}");
            }
            return completed(f);
        });
        List<StateMachine.Event> history = new ArrayList<>();

        StateMachine.Outcome outcome = machine().run(input("evidence"), functions, history::add);

        assertEquals(StateMachine.Status.FAILED, outcome.status());
        assertEquals("InterviewFailed", outcome.error());
        assertEquals(List.of("step-evidence", "step-failed"), functions.invoked, "no retry of the function's own error: " + history);
        JsonNode recorded = functions.payloads.get(1);
        assertEquals("evidence", recorded.get("step").asText());
        assertEquals("Sandbox.Timedout", recorded.get("error").get("Error").asText());
        assertEquals("{\"errorMessage\":\"Task timed out\"}", recorded.get("error").get("Cause").asText());
    }

    @Test
    void lambda_failing_to_run_an_invocation_is_retried_as_the_step_allows_then_recorded() throws IOException {
        Functions functions = new Functions(f -> {
            if (f.equals("step-evidence")) {
                throw new StateMachine.TaskFailure("Lambda.ServiceException", "Lambda was unable to run the invocation");
            }
            return completed(f);
        });
        List<StateMachine.Event> history = new ArrayList<>();

        StateMachine.Outcome outcome = machine().run(input("evidence"), functions, history::add);

        assertEquals("InterviewFailed", outcome.error());
        assertEquals(List.of("step-evidence", "step-evidence", "step-evidence", "step-failed"), functions.invoked,
                "the evidence step's retrier of Lambda's own errors allows 2 retries: " + history);
    }

    @Test
    void a_step_that_answers_retry_for_ever_is_recorded_failed_with_its_last_error_once_the_run_has_gone_round_its_limit()
            throws IOException {
        // What escapes the executor (its bookkeeping failing the same way each time) is answered "retry".
        Functions functions = new Functions(f -> f.equals("step-failed") ? outcome("failed", null, 0)
                : ((ObjectNode) outcome("retry", "insights", 1)).put("error", "duplicate key value violates a constraint"));
        List<StateMachine.Event> history = new ArrayList<>();

        StateMachine.Outcome outcome = machine().run(input("insights"), functions, history::add);

        assertEquals("InterviewFailed", outcome.error(), "the execution ends, and says the interview was marked error");
        assertEquals(dev.intake.workflow.RunCycles.LIMIT, functions.invoked.stream().filter("step-insights"::equals).count(),
                "the first call and one per cycle but the last");
        assertEquals("step-failed", functions.invoked.get(functions.invoked.size() - 1));
        JsonNode recorded = functions.payloads.get(functions.payloads.size() - 1);
        assertEquals(dev.intake.workflow.RunCycles.LIMIT, recorded.get("cycles").asInt());
        assertEquals("duplicate key value violates a constraint", recorded.get("lastError").asText());
        assertEquals("insights", recorded.get("step").asText());
    }

    @Test
    void a_run_that_ends_spends_a_cycle_per_step_and_never_meets_the_bound() throws IOException {
        Functions functions = new Functions(StateMachineTest::completed);
        List<StateMachine.Event> history = new ArrayList<>();

        StateMachine.Outcome outcome = machine().run(input("upload"), functions, history::add);

        assertEquals(StateMachine.Status.SUCCEEDED, outcome.status(), history.toString());
        assertEquals(6, outcome.output().get("cycles").asInt(), "six times on to a next step");
        assertTrue(history.stream().noneMatch(e -> e.state().equals("OutOfCycles")), history.toString());
    }

    @Test
    void a_step_refusing_its_input_ends_the_execution_without_a_retry() throws IOException {
        Functions functions = new Functions(f -> outcome("invalid", null, 0));

        StateMachine.Outcome outcome = machine().run(input("upload"), functions, e -> { });

        assertEquals("InvalidRequest", outcome.error());
        assertEquals(List.of("step-upload"), functions.invoked);
    }

    @Test
    void an_answer_missing_a_field_the_state_machine_reads_fails_the_execution_as_states_runtime() throws IOException {
        Functions functions = new Functions(f -> JSON.createObjectNode().put("outcome", "completed").put("next", "evidence"));

        StateMachine.Outcome outcome = machine().run(input("upload"), functions, e -> { });

        assertEquals(StateMachine.Status.FAILED, outcome.status());
        assertEquals("States.Runtime", outcome.error());
        assertTrue(outcome.cause().contains("$.Payload.retryAfterSeconds"), outcome.cause());
        assertEquals(List.of("step-upload"), functions.invoked, "a runtime error is neither retried nor caught");
    }

    @Test
    void a_definition_using_what_the_interpreter_does_not_implement_is_refused_when_loaded() throws IOException {
        String definition = Files.readString(DEFINITION);
        String withTimeout = definition.replaceFirst("\"ResultPath\" : \"\\$\\.result\",", "\"ResultPath\" : \"\\$.result\", \"TimeoutSeconds\" : 60,");
        String withMap = definition.replace("\"Type\" : \"Succeed\"", "\"Type\" : \"Map\"");
        String withUnknownArn = definition.replace("${step-upload}", "${step-transcode}");

        assertTrue(assertThrows(UnsupportedAslException.class, () -> StateMachine.load(withTimeout, ARNS, Duration.ofMillis(1)))
                .getMessage().contains("state 'upload' (Task) uses [TimeoutSeconds]"));
        assertTrue(assertThrows(UnsupportedAslException.class, () -> StateMachine.load(withMap, ARNS, Duration.ofMillis(1)))
                .getMessage().contains("state 'Done' is of Type 'Map'"));
        assertTrue(assertThrows(UnsupportedAslException.class, () -> StateMachine.load(withUnknownArn, ARNS, Duration.ofMillis(1)))
                .getMessage().contains("${step-transcode}"));
    }
}
