package dev.intake.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the operating system says about a PostgreSQL server's processes. A killed postmaster is not
 * always reaped: in a container whose first process does not wait for orphans it stays a zombie, which
 * {@link ProcessHandle#isAlive()} (and PostgreSQL's own check of {@code postmaster.pid}) counts as
 * running, so on Linux the process's state is read from {@code /proc}.
 */
final class Postmaster {

    private static final Path PROC = Path.of("/proc");

    private Postmaster() {
    }

    /** The pid on the first line of the folder's {@code postmaster.pid}, if the file is there and whole. */
    static Optional<Long> pidOf(Path data) {
        return pidIn(data.resolve("postmaster.pid"));
    }

    /** The pid on the first line of one of PostgreSQL's lock files, if the file is there and whole. */
    static Optional<Long> pidIn(Path lockFile) {
        try {
            List<String> lines = Files.readAllLines(lockFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            // No file, or one half written: no server this folder can name.
            return Optional.empty();
        }
    }

    /** Whether {@code pid} is a process that still runs (a zombie does not). */
    static boolean alive(long pid) {
        if (!Files.isDirectory(PROC)) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // "pid (command) state ...": the command may hold spaces and parentheses, the state follows the last ')'.
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | StringIndexOutOfBoundsException e) {
            // No such process any more.
            return false;
        }
    }

    /**
     * Processes still working in {@code data} (every PostgreSQL process runs in its data folder): the
     * backends of a killed postmaster end on their own moments later, and a new server must not start
     * beside them. Empty where {@code /proc} is not there to ask.
     */
    static List<Long> workingIn(Path data) {
        if (!Files.isDirectory(PROC)) {
            return List.of();
        }
        return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(pid -> worksIn(pid, data)).toList();
    }

    private static boolean worksIn(long pid, Path data) {
        try {
            return Files.isSameFile(Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("cwd")), data);
        } catch (IOException | SecurityException e) {
            // Ended meanwhile, a zombie (no working folder), or not ours to read: not working in the folder.
            return false;
        }
    }
}
