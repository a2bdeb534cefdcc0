package dev.intake.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long-running command's embedded PostgreSQL, watched: its postmaster killed with SIGKILL is started
 * again on the same folder and port with its data, and when the folder cannot be served any more the
 * watch gives up, once, within its limits, saying PostgreSQL's reason.
 */
class PostgresSupervisorTest {

    private static final PostgresSupervisor.Limits QUICK = new PostgresSupervisor.Limits(Duration.ofMillis(200), 3,
            Duration.ofSeconds(60));

    @TempDir
    Path home;

    /** What the watch told. */
    private static final class Heard implements PostgresSupervisor.Listener {
        final List<Integer> restarts = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> restarted = new CompletableFuture<>();
        final CompletableFuture<String> gaveUp = new CompletableFuture<>();
        final List<String> reasons = new CopyOnWriteArrayList<>();

        @Override
        public void restarted(int attempt) {
            restarts.add(attempt);
            restarted.complete(attempt);
        }

        @Override
        public void gaveUp(String reason) {
            reasons.add(reason);
            gaveUp.complete(reason);
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + LocalPostgres.DATABASE,
                LocalPostgres.USER, LocalPostgres.USER);
    }

    private static long killPostmaster(Path data) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        // destroyForcibly is SIGKILL: no shutdown, no checkpoint, as kill -9.
        assertTrue(postmaster.destroyForcibly(), "SIGKILL sent to " + pid);
        return pid;
    }

    @Test
    void a_postmaster_killed_with_sigkill_is_started_again_on_the_same_port_with_its_data() throws Exception {
        Path data = home.resolve("postgres");
        LocalPostgres server = LocalPostgres.start(data);
        Heard heard = new Heard();
        try (PostgresSupervisor watch = PostgresSupervisor.watch(server, QUICK, heard)) {
            try (Connection c = connect(server.port()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (note text)");
                s.execute("INSERT INTO kept VALUES ('written before the kill')");
            }
            long killed = killPostmaster(data);

            heard.restarted.get(60, TimeUnit.SECONDS);

            assertTrue(server.running(), "the server runs again");
            assertNotEquals(killed, Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip()),
                    "a new postmaster");
            try (Connection c = connect(server.port()); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT note FROM kept")) {
                assertTrue(rows.next());
                assertEquals("written before the kill", rows.getString(1));
            }
            assertTrue(heard.reasons.isEmpty(), "no give-up: " + heard.reasons);
        } finally {
            server.close();
        }
    }

    @Test
    void a_server_that_dies_a_second_time_is_started_again_a_second_time() throws Exception {
        Path data = home.resolve("postgres");
        LocalPostgres server = LocalPostgres.start(data);
        Heard heard = new Heard();
        try (PostgresSupervisor watch = PostgresSupervisor.watch(server, QUICK, heard)) {
            killPostmaster(data);
            heard.restarted.get(60, TimeUnit.SECONDS);
            killPostmaster(data);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (heard.restarts.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertEquals(2, heard.restarts.size(), "two deaths, two restarts: " + heard.restarts);
            try (Connection c = connect(server.port()); Statement s = c.createStatement()) {
                s.execute("SELECT 1");
            }
        } finally {
            server.close();
        }
    }

    @Test
    void a_folder_postgres_cannot_serve_any_more_ends_the_watch_once_with_postgres_reason() throws Exception {
        Path data = home.resolve("postgres");
        LocalPostgres server = LocalPostgres.start(data);
        Heard heard = new Heard();
        try (PostgresSupervisor watch = PostgresSupervisor.watch(server, QUICK, heard)) {
            // A running server does not read it again; the next one refuses the folder without it.
            Files.delete(data.resolve("PG_VERSION"));
            killPostmaster(data);

            String reason = heard.gaveUp.get(60, TimeUnit.SECONDS);

            assertTrue(reason.contains("not a database cluster directory"), reason);
            assertTrue(heard.restarts.isEmpty(), "never restarted: " + heard.restarts);
            Thread.sleep(QUICK.every().multipliedBy(5).toMillis());
            assertEquals(1, heard.reasons.size(), "told once: " + heard.reasons);
            assertTrue(!server.running());
        }
    }

    @Test
    void a_watch_needs_bounds_and_a_folder() {
        assertThrows(IllegalArgumentException.class, () -> new PostgresSupervisor.Limits(Duration.ofSeconds(1), 0,
                Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new PostgresSupervisor.Limits(Duration.ofSeconds(1), 3,
                Duration.ZERO));
        LocalPostgres temporary = LocalPostgres.start(null);
        try {
            assertThrows(IllegalArgumentException.class, () -> PostgresSupervisor.watch(temporary, QUICK, new Heard()));
        } finally {
            temporary.close();
        }
    }
}
