package dev.intake.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import dev.intake.testing.Eventually;

/**
 * The Step Functions API (AWS JSON 1.0: {@code POST /} with {@code X-Amz-Target}) for one Standard state
 * machine, as the aws engine's SDK client calls it. It implements {@code StartExecution} only, which is
 * all Intake calls: an execution is run by {@link StateMachine} on a thread of its own, its Tasks invoked
 * through {@code tasks}. Execution names are unique as in AWS: a start with the name of a running
 * execution and the same input returns that execution; any other reuse is {@code ExecutionAlreadyExists}.
 * A call of anything else is answered as an unknown operation and recorded as a violation.
 */
final class LocalStepFunctions implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START_EXECUTION = "AWSStepFunctions.StartExecution";

    private final String stateMachineArn;
    private final StateMachine machine;
    private final StateMachine.Tasks tasks;
    private final LoopbackHttp server;
    private final ExecutorService runs = Executors.newCachedThreadPool();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    private LocalStepFunctions(String stateMachineArn, StateMachine machine, StateMachine.Tasks tasks) {
        this.stateMachineArn = stateMachineArn;
        this.machine = machine;
        this.tasks = tasks;
        server = LoopbackHttp.serve("step-functions", this::handle);
    }

    static LocalStepFunctions start(String stateMachineArn, StateMachine machine, StateMachine.Tasks tasks) {
        return new LocalStepFunctions(stateMachineArn, machine, tasks);
    }

    /** What {@code INTAKE_ENGINE_STEP_FUNCTIONS_ENDPOINT} is set to. */
    String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** The execution whose name starts with {@code prefix}, once it has ended. */
    Execution awaitEnded(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Execution execution = Eventually.await(() -> executions.values().stream().filter(e -> e.name.startsWith(prefix))
                .findFirst().orElse(null), e -> e != null, timeout, "an execution named " + prefix + "-…");
        try {
            execution.outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("still running after " + timeout + ": " + execution);
        } catch (Exception e) {
            throw new AssertionError(execution + " broke: " + e, e);
        }
        return execution;
    }

    /** The executions named {@code prefix}-…, for failure messages. */
    String describe(String prefix) {
        List<String> matching = executions.values().stream().filter(e -> e.name.startsWith(prefix)).map(Execution::toString).toList();
        return matching.isEmpty() ? "no execution named " + prefix + "-… was started" : String.join("\n", matching);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!exchange.getRequestMethod().equals("POST") || !START_EXECUTION.equals(target)) {
                violations.add("the app called " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + target
                        + ", which the local Step Functions does not implement");
                reply(exchange, 400, error("UnknownOperationException", "operation " + target + " is not implemented"));
                return;
            }
            startExecution(exchange, request);
        }
    }

    private void startExecution(HttpExchange exchange, JsonNode request) throws IOException {
        if (!stateMachineArn.equals(request.path("stateMachineArn").asText())) {
            reply(exchange, 400, error("StateMachineDoesNotExist", "State Machine Does Not Exist: '"
                    + request.path("stateMachineArn").asText() + "'"));
            return;
        }
        String name = request.path("name").asText(java.util.UUID.randomUUID().toString());
        String input = request.path("input").asText("{}");
        String arn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
        Execution fresh = new Execution(arn, name, input);
        Execution execution = executions.computeIfAbsent(name, n -> fresh);
        if (execution != fresh && (execution.outcome.isDone() || !execution.input.equals(input))) {
            reply(exchange, 400, error("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'"));
            return;
        }
        if (execution == fresh) {
            runs.submit(() -> run(execution));
        }
        ObjectNode answer = JSON.createObjectNode().put("executionArn", execution.arn)
                .put("startDate", execution.startDate.toEpochMilli() / 1000.0);
        reply(exchange, 200, answer.toString());
    }

    private void run(Execution execution) {
        try {
            execution.outcome.complete(machine.run(JSON.readTree(execution.input), tasks, execution.history::add));
        } catch (Throwable e) {
            execution.outcome.completeExceptionally(e);
        }
    }

    private static String error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message).toString();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.close();
        runs.shutdownNow();
    }
}
