package dev.intake.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * The Lambda Runtime API (2018-06-01) for one function process, on an ephemeral loopback port: the
 * runtime long-polls {@code GET /runtime/invocation/next} for an event and posts the function's answer to
 * {@code /runtime/invocation/{id}/response} or {@code .../error}, or its failed start to
 * {@code /runtime/init/error}. Events are handed out one at a time, in the order they were submitted, as
 * one Lambda instance takes them. Anything else the runtime sends is answered as the real API answers it
 * and recorded as a protocol violation.
 */
final class LocalRuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime";
    private static final Pattern ANSWER = Pattern.compile(BASE + "/invocation/([^/]+)/(response|error)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackHttp server;
    private final String functionArn;
    private final Duration timeout;
    private final BlockingQueue<Pending> queued = new LinkedBlockingQueue<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile InvocationResult.FunctionError gone;

    private record Pending(String id, byte[] event, CompletableFuture<InvocationResult> answer, long[] deliveredAt) {
    }

    private LocalRuntimeApi(String functionArn, Duration timeout) {
        this.functionArn = functionArn;
        this.timeout = timeout;
        server = LoopbackHttp.serve("runtime-api", this::handle);
    }

    static LocalRuntimeApi start(LambdaFunction function) {
        return new LocalRuntimeApi(function.arn(), function.timeout());
    }

    /** What {@code AWS_LAMBDA_RUNTIME_API} is set to. */
    String address() {
        return "127.0.0.1:" + server.port();
    }

    /** Completes with {@code System.nanoTime()} of the runtime's first {@code /next}: its init is over. */
    CompletableFuture<Long> firstPoll() {
        return firstPoll;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Queues an event for the function; the future completes with its answer. */
    synchronized CompletableFuture<InvocationResult> submit(String event) {
        Pending pending = new Pending(UUID.randomUUID().toString(), event.getBytes(StandardCharsets.UTF_8),
                new CompletableFuture<>(), new long[1]);
        InvocationResult.FunctionError failure = gone;
        if (failure != null) {
            pending.answer().complete(failure);
        } else {
            queued.add(pending);
        }
        return pending.answer();
    }

    /**
     * The runtime is gone (its process exited, or it reported a failed init): every event queued or in
     * flight fails as Lambda fails it, and so does every later one.
     */
    synchronized void runtimeGone(String errorType, String errorMessage) {
        long now = System.nanoTime();
        if (gone == null) {
            // The first reason stands: a failed init is told before the process exits.
            gone = new InvocationResult.FunctionError(null, errorType, errorMessage, null, now, now);
        }
        List<Pending> unanswered = new ArrayList<>(inFlight.values());
        queued.drainTo(unanswered);
        inFlight.clear();
        for (Pending pending : unanswered) {
            pending.answer().complete(new InvocationResult.FunctionError(pending.id(), gone.errorType(),
                    "RequestId: " + pending.id() + " Error: " + gone.errorMessage(), null, pending.deliveredAt()[0], now));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher answer = ANSWER.matcher(path);
            if (method.equals("GET") && path.equals(BASE + "/invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && answer.matches()) {
                answer(exchange, answer.group(1), answer.group(2).equals("error"));
            } else if (method.equals("POST") && path.equals(BASE + "/init/error")) {
                initError(exchange);
            } else {
                violations.add(method + " " + path + " is not part of the Runtime API");
                reply(exchange, 404, "{\"errorMessage\":\"Not found\",\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(System.nanoTime());
        Pending pending;
        try {
            pending = queued.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        pending.deliveredAt()[0] = System.nanoTime();
        inFlight.put(pending.id(), pending);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", pending.id());
        headers.set("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + timeout.toMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                + pending.id().replace("-", "").substring(0, 24) + ";Parent=" + pending.id().substring(0, 16).replace("-", "0")
                + ";Sampled=0");
        exchange.sendResponseHeaders(200, pending.event().length);
        exchange.getResponseBody().write(pending.event());
    }

    private void answer(HttpExchange exchange, String id, boolean error) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        long now = System.nanoTime();
        Pending pending = inFlight.remove(id);
        if (pending == null) {
            violations.add("an answer to " + id + ", which is not an invocation in flight");
            reply(exchange, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (error) {
            JsonNode reported = errorBody(text);
            String type = reported.path("errorType").asText(
                    exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"));
            pending.answer().complete(new InvocationResult.FunctionError(id, type, reported.path("errorMessage").asText(null),
                    text, pending.deliveredAt()[0], now));
        } else {
            pending.answer().complete(new InvocationResult.Response(id, text, pending.deliveredAt()[0], now));
        }
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    private void initError(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode reported = errorBody(text);
        reply(exchange, 202, "{\"status\":\"OK\"}");
        runtimeGone("Runtime.InitError", "the function failed to start: " + reported.path("errorType").asText("?") + ": "
                + reported.path("errorMessage").asText(text));
    }

    private JsonNode errorBody(String text) {
        try {
            return JSON.readTree(text.isEmpty() ? "{}" : text);
        } catch (IOException e) {
            violations.add("an error report that is not JSON: " + text);
            return JSON.createObjectNode();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.close();
    }
}
