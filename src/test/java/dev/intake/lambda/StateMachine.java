package dev.intake.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * An interpreter of the Amazon States Language, limited to what Intake's state machine uses: Choice on
 * {@code StringEquals} and {@code NumericGreaterThanEquals}, Task on {@code lambda:invoke} with Parameters, ResultSelector, ResultPath, Retry
 * (ErrorEquals with {@code States.ALL} and {@code States.TaskFailed}, IntervalSeconds, BackoffRate,
 * MaxAttempts, MaxDelaySeconds, JitterStrategy) and Catch, Wait on SecondsPath, Pass with Parameters,
 * Succeed and Fail, and the execution's TimeoutSeconds. The definition is checked whole when loaded:
 * any other state type, field, operator or path is an {@link UnsupportedAslException}. Every second the
 * definition waits (Retry intervals, Wait, the timeout) lasts {@code second} here.
 */
final class StateMachine {

    static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final Set<String> TOP_LEVEL = Set.of("Comment", "StartAt", "TimeoutSeconds", "States");
    private static final Map<String, Set<String>> STATE_FIELDS = Map.of(
            "Choice", Set.of("Type", "Comment", "Choices", "Default"),
            "Task", Set.of("Type", "Comment", "Resource", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Next"),
            "Pass", Set.of("Type", "Comment", "Parameters", "Next"),
            "Wait", Set.of("Type", "Comment", "SecondsPath", "Next"),
            "Fail", Set.of("Type", "Comment", "Error", "Cause"),
            "Succeed", Set.of("Type", "Comment"));
    private static final Set<String> CHOICE_RULE = Set.of("Variable", "StringEquals", "NumericGreaterThanEquals", "Next");
    private static final Set<String> RETRIER = Set.of("ErrorEquals", "IntervalSeconds", "BackoffRate", "MaxAttempts",
            "MaxDelaySeconds", "JitterStrategy");
    private static final Set<String> CATCHER = Set.of("ErrorEquals", "ResultPath", "Next");

    /** Runs a Task's resource: the result, or {@link TaskFailure} with the error Step Functions would see. */
    interface Tasks {
        JsonNode run(String resource, JsonNode parameters);
    }

    /** A Task's failure: {@code error} is what Retry and Catch match on, {@code cause} its detail. */
    static final class TaskFailure extends RuntimeException {
        final String error;
        final String cause;

        TaskFailure(String error, String cause) {
            super(error + ": " + cause);
            this.error = error;
            this.cause = cause;
        }
    }

    /** One line of an execution's history. */
    record Event(String state, String type, String what) {
    }

    enum Status { SUCCEEDED, FAILED, TIMED_OUT }

    record Outcome(Status status, JsonNode output, String error, String cause) {
    }

    private final JsonNode definition;
    private final Duration second;

    private StateMachine(JsonNode definition, Duration second) {
        this.definition = definition;
        this.second = second;
        check();
    }

    /** Loads a definition, its {@code ${name}} placeholders replaced as the stack's definitionSubstitutions do. */
    static StateMachine load(String asl, Map<String, String> substitutions, Duration second) {
        Matcher placeholder = PLACEHOLDER.matcher(asl);
        StringBuilder substituted = new StringBuilder();
        while (placeholder.find()) {
            String value = substitutions.get(placeholder.group(1));
            if (value == null) {
                throw new UnsupportedAslException("placeholder ${" + placeholder.group(1) + "} has no substitution; known: "
                        + substitutions.keySet());
            }
            placeholder.appendReplacement(substituted, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(substituted);
        try {
            return new StateMachine(JSON.readTree(substituted.toString()), second);
        } catch (IOException e) {
            throw new UncheckedIOException("the state machine is not JSON", e);
        }
    }

    String typeOf(String state) {
        return definition.get("States").path(state).path("Type").asText(null);
    }

    /** Runs one execution to its end, telling {@code history} each state entered and each retry and catch. */
    Outcome run(JsonNode input, Tasks tasks, Consumer<Event> history) {
        long deadline = System.nanoTime() + scaled(definition.path("TimeoutSeconds").asDouble(99_999_999)).toNanos();
        String name = definition.get("StartAt").asText();
        JsonNode data = input;
        try {
            while (true) {
                if (System.nanoTime() > deadline) {
                    return new Outcome(Status.TIMED_OUT, null, "States.Timeout", "the execution ran past its TimeoutSeconds");
                }
                JsonNode state = definition.get("States").get(name);
                String type = state.get("Type").asText();
                history.accept(new Event(name, type, "entered"));
                switch (type) {
                    case "Choice" -> name = choose(state, data);
                    case "Pass" -> {
                        data = state.has("Parameters") ? AslPaths.instantiate(state.get("Parameters"), data) : data;
                        name = state.get("Next").asText();
                    }
                    case "Wait" -> {
                        JsonNode seconds = AslPaths.read(data, state.get("SecondsPath").asText());
                        if (!seconds.canConvertToLong() || seconds.asLong() < 0) {
                            throw new AslPaths.RuntimeError("SecondsPath of " + name + " gave " + seconds + ", not a non-negative integer");
                        }
                        sleep(scaled(seconds.asLong()));
                        name = state.get("Next").asText();
                    }
                    case "Task" -> {
                        TaskStep step = task(name, state, data, tasks, history);
                        data = step.output();
                        name = step.next();
                        if (name == null) {
                            return new Outcome(Status.FAILED, null, step.failure().error, step.failure().cause);
                        }
                    }
                    case "Fail" -> {
                        return new Outcome(Status.FAILED, null, state.get("Error").asText(), state.get("Cause").asText());
                    }
                    case "Succeed" -> {
                        return new Outcome(Status.SUCCEEDED, data, null, null);
                    }
                    default -> throw new IllegalStateException("checked at load: " + type);
                }
            }
        } catch (AslPaths.RuntimeError e) {
            history.accept(new Event(name, typeOf(name), "States.Runtime: " + e.getMessage()));
            return new Outcome(Status.FAILED, null, "States.Runtime", e.getMessage());
        }
    }

    private String choose(JsonNode state, JsonNode data) {
        for (JsonNode rule : state.get("Choices")) {
            JsonNode value = AslPaths.read(data, rule.get("Variable").asText());
            boolean matches = rule.has("StringEquals")
                    ? value.isTextual() && value.asText().equals(rule.get("StringEquals").asText())
                    : value.isNumber() && value.asDouble() >= rule.get("NumericGreaterThanEquals").asDouble();
            if (matches) {
                return rule.get("Next").asText();
            }
        }
        if (!state.has("Default")) {
            throw new AslPaths.RuntimeError("States.NoChoiceMatched: no choice matched " + data);
        }
        return state.get("Default").asText();
    }

    /** The Task's output and next state, or (next null) the failure that ends the execution. */
    private record TaskStep(JsonNode output, String next, TaskFailure failure) {
    }

    private TaskStep task(String name, JsonNode state, JsonNode input, Tasks tasks, Consumer<Event> history) {
        JsonNode parameters = state.has("Parameters") ? AslPaths.instantiate(state.get("Parameters"), input) : input;
        Map<JsonNode, Integer> attempts = new IdentityHashMap<>();
        while (true) {
            try {
                JsonNode result = tasks.run(state.get("Resource").asText(), parameters);
                if (state.has("ResultSelector")) {
                    result = AslPaths.instantiate(state.get("ResultSelector"), result);
                }
                return new TaskStep(AslPaths.withResult(input, state.path("ResultPath").asText("$"), result),
                        state.get("Next").asText(), null);
            } catch (TaskFailure failure) {
                JsonNode retrier = firstMatching(state.path("Retry"), failure.error);
                if (retrier != null) {
                    int done = attempts.getOrDefault(retrier, 0);
                    if (done < retrier.path("MaxAttempts").asInt(3)) {
                        attempts.put(retrier, done + 1);
                        Duration wait = retryDelay(retrier, done);
                        history.accept(new Event(name, "Task", "retry " + (done + 1) + " in " + wait + " after " + failure.error));
                        sleep(wait);
                        continue;
                    }
                }
                JsonNode catcher = firstMatching(state.path("Catch"), failure.error);
                if (catcher == null) {
                    history.accept(new Event(name, "Task", "failed with " + failure.error));
                    return new TaskStep(null, null, failure);
                }
                history.accept(new Event(name, "Task", "caught " + failure.error));
                JsonNode error = JsonNodeFactory.instance.objectNode().put("Error", failure.error).put("Cause", failure.cause);
                return new TaskStep(AslPaths.withResult(input, catcher.path("ResultPath").asText("$"), error),
                        catcher.get("Next").asText(), null);
            }
        }
    }

    private static JsonNode firstMatching(JsonNode rules, String error) {
        for (JsonNode rule : rules) {
            for (JsonNode name : rule.get("ErrorEquals")) {
                String wanted = name.asText();
                if (wanted.equals("States.ALL") || wanted.equals(error)
                        || (wanted.equals("States.TaskFailed") && !error.equals("States.Timeout"))) {
                    return rule;
                }
            }
        }
        return null;
    }

    private Duration retryDelay(JsonNode retrier, int done) {
        double seconds = retrier.path("IntervalSeconds").asDouble(1) * Math.pow(retrier.path("BackoffRate").asDouble(2.0), done);
        if (retrier.has("MaxDelaySeconds")) {
            seconds = Math.min(seconds, retrier.get("MaxDelaySeconds").asDouble());
        }
        if (retrier.path("JitterStrategy").asText("NONE").equals("FULL")) {
            seconds = ThreadLocalRandom.current().nextDouble() * seconds;
        }
        return scaled(seconds);
    }

    private Duration scaled(double seconds) {
        return Duration.ofNanos((long) (seconds * second.toNanos()));
    }

    /** The timer of a Wait or a retry interval: there is nothing to await but the time itself. */
    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the execution was interrupted", e);
        }
    }

    private void check() {
        fieldsWithin("the state machine", definition, TOP_LEVEL);
        JsonNode states = definition.path("States");
        if (!states.isObject() || !states.has(definition.path("StartAt").asText())) {
            throw new UnsupportedAslException("StartAt names no state");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            checkState(entry.getKey(), entry.getValue());
        }
    }

    private void checkState(String name, JsonNode state) {
        String type = state.path("Type").asText();
        Set<String> allowed = STATE_FIELDS.get(type);
        String where = "state '" + name + "'";
        if (allowed == null) {
            throw new UnsupportedAslException(where + " is of Type '" + type + "'");
        }
        fieldsWithin(where + " (" + type + ")", state, allowed);
        if (!type.equals("Fail") && !type.equals("Succeed") && !type.equals("Choice")) {
            nextExists(where, state.get("Next"));
        }
        switch (type) {
            case "Choice" -> {
                for (JsonNode rule : state.get("Choices")) {
                    fieldsWithin(where + " choice", rule, CHOICE_RULE);
                    if (!rule.has("Variable") || !(rule.path("StringEquals").isTextual() ^ rule.path("NumericGreaterThanEquals").isNumber())) {
                        throw new UnsupportedAslException(where
                                + ": a choice rule other than Variable + StringEquals or NumericGreaterThanEquals");
                    }
                    AslPaths.checkPath(where, rule.get("Variable").asText());
                    nextExists(where, rule.get("Next"));
                }
                if (state.has("Default")) {
                    nextExists(where, state.get("Default"));
                }
            }
            case "Task" -> {
                if (!LAMBDA_INVOKE.equals(state.path("Resource").asText())) {
                    throw new UnsupportedAslException(where + ": Resource " + state.path("Resource"));
                }
                if (state.has("Parameters")) {
                    AslPaths.checkTemplate(where + ".Parameters", state.get("Parameters"));
                }
                if (state.has("ResultSelector")) {
                    AslPaths.checkTemplate(where + ".ResultSelector", state.get("ResultSelector"));
                }
                if (state.has("ResultPath")) {
                    AslPaths.checkPath(where + ".ResultPath", state.get("ResultPath").asText(null));
                }
                for (JsonNode retrier : state.path("Retry")) {
                    fieldsWithin(where + " Retry", retrier, RETRIER);
                    String jitter = retrier.path("JitterStrategy").asText("NONE");
                    if (!jitter.equals("FULL") && !jitter.equals("NONE")) {
                        throw new UnsupportedAslException(where + ": JitterStrategy " + jitter);
                    }
                }
                for (JsonNode catcher : state.path("Catch")) {
                    fieldsWithin(where + " Catch", catcher, CATCHER);
                    if (catcher.has("ResultPath")) {
                        AslPaths.checkPath(where + " Catch.ResultPath", catcher.get("ResultPath").asText(null));
                    }
                    nextExists(where, catcher.get("Next"));
                }
            }
            case "Pass" -> {
                if (state.has("Parameters")) {
                    AslPaths.checkTemplate(where + ".Parameters", state.get("Parameters"));
                }
            }
            case "Wait" -> AslPaths.checkPath(where + ".SecondsPath", state.path("SecondsPath").asText(null));
            default -> { }
        }
    }

    private void nextExists(String where, JsonNode next) {
        if (next == null || !definition.get("States").has(next.asText())) {
            throw new UnsupportedAslException(where + ": Next " + next + " names no state (End is not implemented)");
        }
    }

    private static void fieldsWithin(String where, JsonNode node, Set<String> allowed) {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                unknown.add(field);
            }
        });
        if (!unknown.isEmpty()) {
            throw new UnsupportedAslException(where + " uses " + unknown);
        }
    }
}
