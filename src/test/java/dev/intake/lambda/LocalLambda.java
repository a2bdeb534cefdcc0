package dev.intake.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Lambda service for a test: each function has at most one instance (one {@link LambdaProcess}),
 * started on its first invocation and kept warm, as with a reserved concurrency of one. Invocations of a
 * function queue for its instance. An instance whose process exited is replaced by a fresh one at the
 * next invocation, as Lambda replaces a crashed sandbox (its log is kept beside, numbered).
 */
final class LocalLambda implements AutoCloseable {

    private final TaskRoot root;
    private final JavaRuntime runtime;
    private final Map<String, LambdaFunction> functions;
    private final Function<LambdaFunction, Map<String, String>> configuration;
    private final JavaRuntime.Credentials credentials;
    private final Path logs;
    private final Map<String, LambdaProcess> instances = new ConcurrentHashMap<>();
    private final Map<String, Integer> generations = new ConcurrentHashMap<>();
    /** A test JVM stopped before close() (Ctrl-C, a build timeout) still takes its function processes with it. */
    private final Thread killOnExit = new Thread(this::stopInstances, "lambda-instances-kill");

    LocalLambda(TaskRoot root, JavaRuntime runtime, List<LambdaFunction> functions, Function<LambdaFunction, Map<String, String>> configuration,
                JavaRuntime.Credentials credentials, Path logs) {
        this.root = root;
        this.runtime = runtime;
        this.functions = functions.stream().collect(Collectors.toMap(LambdaFunction::name, f -> f));
        this.configuration = configuration;
        this.credentials = credentials;
        this.logs = logs;
        removeEarlierLogs(logs);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    private static void removeEarlierLogs(Path logs) {
        try (Stream<Path> files = Files.exists(logs) ? Files.list(logs) : Stream.empty()) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                Files.delete(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + logs, e);
        }
    }

    /** The function's instance, started now if it has none (or its process has exited). */
    LambdaProcess instance(String name) {
        LambdaFunction function = functions.get(name);
        if (function == null) {
            throw new IllegalArgumentException("no function " + name + "; deployed are " + functions.keySet());
        }
        return instances.compute(name, (n, current) -> {
            if (current != null && current.isAlive()) {
                return current;
            }
            int generation = generations.merge(name, 1, Integer::sum);
            return LambdaProcess.start(root, runtime, function, configuration.apply(function), credentials,
                    logs.resolve(generation == 1 ? name + ".log" : name + "." + generation + ".log"));
        });
    }

    /** The function deployed under {@code arn} (as the state machine names it), or null. */
    LambdaFunction byArn(String arn) {
        return functions.values().stream().filter(f -> f.arn().equals(arn)).findFirst().orElse(null);
    }

    Collection<LambdaProcess> instances() {
        return instances.values();
    }

    /**
     * Cold-starts every function of {@code events} that has no instance yet, {@code parallelism} at a time,
     * each with its event, and returns once all have answered or failed. A failed start fails that
     * function's future only.
     */
    Map<String, CompletableFuture<ColdStart>> coldStartAll(Map<String, String> events, int parallelism) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            Map<String, CompletableFuture<ColdStart>> starts = events.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> CompletableFuture.supplyAsync(() -> {
                        if (instances.containsKey(e.getKey())) {
                            throw new IllegalStateException(e.getKey() + " is already running: its next start is not cold");
                        }
                        return ColdStart.measure(instance(e.getKey()), e.getValue());
                    }, pool)));
            CompletableFuture.allOf(starts.values().toArray(CompletableFuture[]::new)).exceptionally(failed -> null).join();
            return starts;
        } finally {
            pool.shutdown();
        }
    }

    @Override
    public void close() {
        stopInstances();
        Runtime.getRuntime().removeShutdownHook(killOnExit);
    }

    private void stopInstances() {
        instances.values().parallelStream().forEach(LambdaProcess::close);
        instances.clear();
    }
}
