package dev.intake.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a long-running command's embedded PostgreSQL up: when its postmaster dies (kill -9, out of
 * memory) the server is started again on the same folder and port, so the application's connection
 * pool reconnects and the sweeper resumes the interviews that were in flight. Attempts are bounded by
 * a count and a deadline; when none succeeds the listener hears why, once, and the watch ends. A death
 * seen while the process is stopping is its own shutdown and is left alone.
 */
public final class PostgresSupervisor implements AutoCloseable {

    /** How often the server is looked at, and how many restarts within how long are tried before giving up. */
    public record Limits(Duration every, int attempts, Duration deadline) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(1), 5, Duration.ofMinutes(2));

        public Limits {
            if (every.isNegative() || every.isZero() || attempts < 1 || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("a watch needs a period, at least one attempt and a deadline: " + every
                        + ", " + attempts + ", " + deadline);
            }
        }
    }

    /** Told what became of a server that died. */
    public interface Listener {
        void restarted(int attempt);

        /** No attempt succeeded; {@code reason} is the last attempt's. */
        void gaveUp(String reason);
    }

    private final LocalPostgres server;
    private final Limits limits;
    private final Listener listener;
    private final ScheduledExecutorService watch;
    private volatile boolean closed;

    private PostgresSupervisor(LocalPostgres server, Limits limits, Listener listener) {
        this.server = server;
        this.limits = limits;
        this.listener = listener;
        this.watch = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "intake-postgres-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Watches {@code server}, which must keep its data in a folder, until closed or given up. */
    public static PostgresSupervisor watch(LocalPostgres server, Limits limits, Listener listener) {
        if (server.dataDirectory().isEmpty()) {
            throw new IllegalArgumentException("a server in a temporary folder cannot be restarted, so it is not watched");
        }
        PostgresSupervisor supervisor = new PostgresSupervisor(server, limits, listener);
        supervisor.watch.scheduleWithFixedDelay(supervisor::check, limits.every().toMillis(), limits.every().toMillis(),
                TimeUnit.MILLISECONDS);
        return supervisor;
    }

    private void check() {
        if (closed || server.running() || stopping()) {
            return;
        }
        Instant deadline = Instant.now().plus(limits.deadline());
        String reason = "no attempt was made";
        for (int attempt = 1; attempt <= limits.attempts() && !closed && !stopping(); attempt++) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                reason = reason + " (no attempt succeeded in " + limits.deadline().toSeconds() + " s)";
                break;
            }
            try {
                server.restart(left);
                listener.restarted(attempt);
                return;
            } catch (RuntimeException failed) {
                reason = failed.getMessage();
            }
            // A pause that grows, so a cause that clears on its own (a port the dead server's last
            // connection still holds) has time to, within the deadline.
            pause(Duration.ofSeconds(attempt).compareTo(left) < 0 ? Duration.ofSeconds(attempt) : left);
        }
        if (!closed && !stopping()) {
            closed = true;
            watch.shutdown();
            listener.gaveUp(reason);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            // Closed while waiting: the loop sees it.
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the process is shutting down: the server a shutdown stops must not be started again. */
    private static boolean stopping() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }

    /** Ends the watch; the server is left as it is. */
    @Override
    public void close() {
        closed = true;
        watch.shutdownNow();
    }
}
