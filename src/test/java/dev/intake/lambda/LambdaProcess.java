package dev.intake.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function running as Lambda runs it: a JVM started by the java21 runtime's command line, working in
 * the task root, with a {@link LocalRuntimeApi} of its own. Its stdout and stderr go to one log file, as
 * both go to CloudWatch. Measures what a cold start costs: the init (process start to the runtime's first
 * {@code /next}), each invocation's latency, and the peak resident memory.
 */
final class LambdaProcess implements AutoCloseable {

    /** How long a test waits for an init or an answer before it gives up on the function. */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private final LambdaFunction function;
    private final LocalRuntimeApi runtimeApi;
    private final Process process;
    private final long startedAt;
    private final Path log;

    private LambdaProcess(LambdaFunction function, LocalRuntimeApi runtimeApi, Process process, long startedAt, Path log) {
        this.function = function;
        this.runtimeApi = runtimeApi;
        this.process = process;
        this.startedAt = startedAt;
        this.log = log;
        process.onExit().thenRun(() -> runtimeApi.runtimeGone("Runtime.ExitError",
                "Runtime exited with error: exit status " + process.exitValue()));
    }

    /**
     * Starts {@code function} from the task root with {@code configuration} (the function's environment
     * variables as deployed) on top of what Lambda sets for every function.
     */
    static LambdaProcess start(TaskRoot root, JavaRuntime runtime, LambdaFunction function, Map<String, String> configuration,
                               JavaRuntime.Credentials credentials, Path log) {
        LocalRuntimeApi runtimeApi = LocalRuntimeApi.start(function);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(runtime.command(function))
                    .directory(root.dir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(JavaRuntime.environment(function, root, runtimeApi.address(), credentials));
            builder.environment().putAll(configuration);
            long startedAt = System.nanoTime();
            return new LambdaProcess(function, runtimeApi, builder.start(), startedAt, log);
        } catch (IOException e) {
            runtimeApi.close();
            throw new UncheckedIOException("could not start " + function.name(), e);
        }
    }

    LambdaFunction function() {
        return function;
    }

    long pid() {
        return process.pid();
    }

    /** Process start to the runtime's first {@code /next}: the function's init, Quarkus's start included. */
    Duration awaitInit() {
        try {
            CompletableFuture.anyOf(runtimeApi.firstPoll(), process.onExit()).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(function.name() + " did not ask for an event within " + PATIENCE + " of its start\n"
                    + outputTail());
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(function.name() + ": " + e, e);
        }
        if (!runtimeApi.firstPoll().isDone()) {
            throw new AssertionError(function.name() + " exited with " + process.exitValue() + " before asking for an event\n"
                    + outputTail());
        }
        return Duration.ofNanos(runtimeApi.firstPoll().join() - startedAt);
    }

    /** Invokes the function with {@code event} (JSON) through its Runtime API and waits for its answer. */
    InvocationResult invoke(String event) {
        try {
            return runtimeApi.submit(event).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(function.name() + " did not answer within " + PATIENCE + " an event: " + event
                    + "\n" + outputTail());
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(function.name() + ": " + e, e);
        }
    }

    /** From the process's start to {@code nanoTime}. */
    Duration sinceStart(long nanoTime) {
        return Duration.ofNanos(nanoTime - startedAt);
    }

    /** The most resident memory the process has had ({@code VmHWM}), in KiB. */
    long peakRssKib() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(function.name() + "'s process is gone: " + e.getMessage() + "\n" + outputTail(), e);
        }
    }

    List<String> listeningSockets() {
        return ListeningSockets.of(process.pid());
    }

    List<String> protocolViolations() {
        return runtimeApi.violations();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the function wrote (stdout and stderr), for failure messages. */
    String outputTail() {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtimeApi.close();
    }
}
