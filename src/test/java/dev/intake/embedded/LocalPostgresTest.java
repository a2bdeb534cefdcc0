package dev.intake.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode keeps its PostgreSQL data in a folder between runs. The process that started the server
 * can die without stopping it (kill -9, a closed terminal): the next start takes the folder over.
 * A second process runs the server as `intake serve` does, so it can be killed for real.
 */
class LocalPostgresTest {

    @TempDir
    Path home;

    private Process owner;

    /** The process that owns the server in these tests: starts it on a folder, writes a row, says "ready PORT", waits. */
    public static final class Owner {
        public static void main(String[] args) throws Exception {
            LocalPostgres server = LocalPostgres.start(Path.of(args[0]));
            try (Connection c = connect(server.port()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS kept (note text)");
                s.execute("INSERT INTO kept VALUES ('written before the kill')");
            }
            System.out.println("ready " + server.port());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + LocalPostgres.DATABASE,
                LocalPostgres.USER, LocalPostgres.USER);
    }

    private Path data() {
        return home.resolve("postgres");
    }

    /** Starts {@link Owner} in its own JVM and returns once its server accepts connections. */
    private Process startOwner() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Owner.class.getName(),
                data().toString())
                .redirectError(home.resolve("owner.err").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("ready "), "the owner did not start its server: "
                + Files.readString(home.resolve("owner.err")));
        return process;
    }

    private static ProcessHandle postmaster(Path data) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    }

    private static long count(LocalPostgres server) throws SQLException {
        try (Connection c = connect(server.port()); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM kept")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @AfterEach
    void leaveNoServerBehind() throws Exception {
        if (owner != null && owner.isAlive()) {
            owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (Files.exists(data().resolve("postmaster.pid"))) {
            postmaster(data()).destroy();
            postmaster(data()).onExit().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_server_left_running_by_a_killed_process_is_stopped_and_its_folder_started_again_with_its_data() throws Exception {
        owner = startOwner();
        owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        ProcessHandle orphan = postmaster(data());
        assertTrue(orphan.isAlive(), "kill -9 of its owner leaves the server running on the folder");

        long started = System.nanoTime();
        try (LocalPostgres server = LocalPostgres.start(data())) {
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.printf("took the folder over from an orphaned server in %d ms%n", tookMillis);
            assertFalse(orphan.isAlive(), "the orphaned server is stopped");
            assertEquals(1, count(server), "what was written before the kill is kept");
        }
        assertFalse(Files.exists(data().resolve("postmaster.pid")), "closed cleanly");
    }

    @Test
    void a_folder_whose_owner_is_alive_is_refused_and_its_server_left_alone() throws Exception {
        owner = startOwner();
        ProcessHandle running = postmaster(data());

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LocalPostgres.start(data()));

        assertTrue(refused.getMessage().contains("in use by another Intake command"), refused.getMessage());
        assertTrue(running.isAlive());
        owner.destroy();
        assertTrue(owner.waitFor(20, TimeUnit.SECONDS));
        assertTrue(running.onExit().get(10, TimeUnit.SECONDS) != null, "the owner stops its server when it exits normally");
    }
}
