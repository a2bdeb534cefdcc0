package dev.intake.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.intake.testing.Eventually;
import picocli.CommandLine;

/** `intake serve --port 0` (and any options given) on a thread of its own, as a test starts it; stopped as Ctrl-C would stop it. */
final class RunningServe implements AutoCloseable {

    private static final Pattern CONSOLE = Pattern.compile("operator console: (http://127\\.0\\.0\\.1:\\d+)/");

    private final Thread serving;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final StringWriter out = new StringWriter();
    private final AtomicInteger exit = new AtomicInteger(-1);

    private RunningServe(CommandLine.IFactory factory, String... options) throws Exception {
        ServeCommand serve = factory.create(ServeCommand.class);
        serve.lifetime = stop::await;
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--port", "0"), java.util.Arrays.stream(options))
                .toArray(String[]::new);
        serving = new Thread(() -> exit.set(new CommandLine(serve, factory).setOut(new PrintWriter(out))
                .execute(args)), "serve-under-test");
        serving.start();
    }

    static RunningServe start(CommandLine.IFactory factory, String... options) throws Exception {
        return new RunningServe(factory, options);
    }

    /** Where it serves, once it has said so: {@code http://127.0.0.1:<port>}, no trailing slash. */
    String root() {
        Matcher address = Eventually.await(() -> CONSOLE.matcher(out.toString()), Matcher::find, Duration.ofSeconds(30),
                "serve to print its address");
        return address.group(1);
    }

    String output() {
        return out.toString();
    }

    /** Stops it and waits for it to end; its exit code. */
    int stop() throws InterruptedException {
        stop.countDown();
        serving.join(Duration.ofSeconds(40).toMillis());
        return exit.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
