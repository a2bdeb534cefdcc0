package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.intake.testing.Eventually;
import dev.intake.testing.ShortDatabaseLimits;
import dev.intake.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The limits that keep a slow database, a frozen Lambda or an impatient caller from holding
 * connections and locks: on the real embedded PostgreSQL, with limits short enough to watch.
 */
@QuarkusTest
@TestProfile(ShortDatabaseLimits.class)
class DbTest {

    @Inject
    Db db;
    @Inject
    TestData data;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** The pool's sessions on the server, other than the one asking. */
    private long otherPooledSessions() {
        return db.execute("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()",
                Tuple.of(ShortDatabaseLimits.APPLICATION_NAME)).iterator().next().getLong("n");
    }

    @Test
    void a_statement_running_longer_than_the_statement_timeout_is_cancelled_by_the_server() {
        long started = System.nanoTime();
        DatabaseUnavailable e = assertThrows(DatabaseUnavailable.class,
                () -> db.execute("SELECT pg_sleep(30)", Tuple.tuple()));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals("the database cancelled a statement that ran longer than 2 s (statement_timeout)", e.getMessage());
        System.out.printf("statement_timeout 2 s: pg_sleep(30) cancelled after %d ms%n", tookMs);
    }

    @Test
    void a_statement_inside_a_transaction_is_limited_too() {
        DatabaseUnavailable e = assertThrows(DatabaseUnavailable.class, () -> db.inTransaction(tx -> {
            tx.execute("SELECT 1", Tuple.tuple());
            return tx.execute("SELECT pg_sleep(30)", Tuple.tuple());
        }));
        assertTrue(e.getMessage().contains("statement_timeout"), e.getMessage());
    }

    @Test
    void a_transaction_frozen_between_statements_is_ended_by_the_server_and_its_row_locks_released() throws Exception {
        UUID interview = data.uploadingInterview(data.project(), "call.vtt").interviewId();
        String touch = "UPDATE interviews SET updated_at = now() WHERE id = $1";
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Object> frozen = CompletableFuture.supplyAsync(() -> db.inTransaction(tx -> {
            tx.execute(touch, Tuple.of(interview));
            locked.countDown();
            sleep(Duration.ofSeconds(6)); // a Lambda frozen mid-transaction, holding the row
            return tx.execute("SELECT 1", Tuple.tuple());
        }), threads);
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        Thread.sleep(1_000);

        long started = System.nanoTime();
        assertEquals(1, db.execute(touch, Tuple.of(interview)).rowCount());
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // The frozen transaction is still asleep: the lock was released by the server ending it, not by
        // the transaction finishing on its own.
        assertFalse(frozen.isDone(), "the row was updated only once the frozen transaction had ended by itself");
        System.out.printf("idle_in_transaction_session_timeout 2 s: the frozen transaction's row lock was released"
                + " after another %d ms%n", waitedMs);

        Exception failure = assertThrows(Exception.class, frozen::join);
        assertTrue(failure.getCause() instanceof DatabaseUnavailable, String.valueOf(failure.getCause()));
        System.out.println("the frozen transaction, thawed: " + failure.getCause().getMessage());
    }

    @Test
    void a_connection_that_arrives_after_its_acquire_timed_out_goes_back_to_the_pool() throws Exception {
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        var holders = new CompletableFuture<?>[2];
        for (int i = 0; i < holders.length; i++) {
            holders[i] = CompletableFuture.runAsync(() -> db.inTransaction(tx -> {
                tx.execute("SELECT 1", Tuple.tuple());
                holding.countDown();
                await(release);
                return null;
            }), threads);
        }
        assertTrue(holding.await(10, TimeUnit.SECONDS), "both pooled connections held");

        long started = System.nanoTime();
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> db.inTransaction(tx -> tx.execute("SELECT 1", Tuple.tuple())));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        // The pool still owes the abandoned request a connection: it gets one of these as they finish.
        release.countDown();
        CompletableFuture.allOf(holders).get(10, TimeUnit.SECONDS);

        long sessions = Eventually.await(this::otherPooledSessions, n -> n == 0, Duration.ofSeconds(10),
                "the pool's idle sessions to be closed after the idle timeout, the late one included");
        System.out.printf("acquire gave up after %d ms; pooled sessions left checked out afterwards: %d%n", waitedMs,
                sessions);

        // Both connections of the pool serve again at once: none was left checked out.
        CountDownLatch both = new CountDownLatch(2);
        var again = new CompletableFuture<?>[2];
        for (int i = 0; i < again.length; i++) {
            again[i] = CompletableFuture.runAsync(() -> db.inTransaction(tx -> {
                tx.execute("SELECT 1", Tuple.tuple());
                both.countDown();
                await(both);
                return null;
            }), threads);
        }
        CompletableFuture.allOf(again).get(10, TimeUnit.SECONDS);
        assertEquals("the database did not give a connection in 1 s", e.getMessage());
    }

    @Test
    void no_pooled_connection_serves_past_its_max_lifetime() {
        // The pool retires a connection while it is idle: start from none busy (earlier tests kept theirs busy).
        sleep(Duration.ofMillis(2_500));
        Set<Integer> sessions = new HashSet<>();
        double oldest = 0;
        long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < until) {
            Row row = db.execute("SELECT pg_backend_pid() AS pid, extract(epoch FROM clock_timestamp() - backend_start)"
                    + "::float8 AS age FROM pg_stat_activity WHERE pid = pg_backend_pid()", Tuple.tuple()).iterator().next();
            sessions.add(row.getInteger("pid"));
            oldest = Math.max(oldest, row.getDouble("age"));
            sleep(Duration.ofMillis(100));
        }
        // Max lifetime 2 s, checked by the pool's cleaner once a second while the connection is idle.
        assertTrue(oldest < 4.0, "a session " + oldest + " s old still served statements");
        assertTrue(sessions.size() >= 2, "sessions seen over 6 s: " + sessions);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
