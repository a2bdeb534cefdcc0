package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;

/**
 * Statements sent without waiting for the one before (a transaction's start, writes whose answer
 * nobody reads, a fence, a last statement with its commit): one round trip for many, and a failure
 * among them still rolls the whole transaction back and leaves no command in flight on the connection.
 */
@QuarkusTest
class PipelinedStatementsTest {

    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    Db db;
    @Inject
    DbTraffic traffic;
    @Inject
    FencedWrites writes;

    @BeforeEach
    void probeTable() {
        db.execute("CREATE TABLE IF NOT EXISTS pipelining_probe (id int PRIMARY KEY)", Tuple.tuple());
        db.execute("TRUNCATE pipelining_probe", Tuple.tuple());
    }

    /** The schema is left as the migrations made it (SchemaSnapshotTest reads it). */
    @AfterEach
    void dropProbeTable() {
        db.execute("DROP TABLE IF EXISTS pipelining_probe", Tuple.tuple());
    }

    private long rows() {
        return db.execute("SELECT count(*) AS n FROM pipelining_probe", Tuple.tuple()).iterator().next().getLong("n");
    }

    /** Sessions of this process left inside a transaction: a command left in flight would show here. */
    private long sessionsInTransaction() {
        return db.execute("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'", Tuple.tuple())
                .iterator().next().getLong("n");
    }

    @Test
    void one_statement_is_one_transaction_and_one_round_trip() {
        DbTraffic.Snapshot before = traffic.snapshotOfThisThread();
        db.execute("INSERT INTO pipelining_probe VALUES (1)", Tuple.tuple());
        DbTraffic.Snapshot spent = traffic.snapshotOfThisThread().since(before);
        assertEquals(new DbTraffic.Snapshot(1, 1), spent);
        assertEquals(1, rows());
    }

    @Test
    void statements_sent_without_waiting_go_with_the_next_one_awaited() {
        DbTraffic.Snapshot before = traffic.snapshotOfThisThread();
        long seen = db.inTransaction(tx -> {
            tx.send("INSERT INTO pipelining_probe VALUES (1)", Tuple.tuple());
            tx.sendBatch("INSERT INTO pipelining_probe VALUES ($1)", List.of(Tuple.of(2), Tuple.of(3)));
            return tx.execute("SELECT count(*) AS n FROM pipelining_probe", Tuple.tuple()).iterator().next().getLong("n");
        });
        DbTraffic.Snapshot spent = traffic.snapshotOfThisThread().since(before);
        assertEquals(3, seen, "the statement awaited sees what was sent before it");
        assertEquals(new DbTraffic.Snapshot(1, 2), spent, "one flight for the statements, one for the commit");
        assertEquals(3, rows());
    }

    @Test
    void a_failed_statement_sent_without_waiting_rolls_back_everything_and_leaves_nothing_in_flight() {
        PgException e = assertThrows(PgException.class, () -> db.inTransaction(tx -> {
            tx.send("INSERT INTO pipelining_probe VALUES (1)", Tuple.tuple());
            tx.send("INSERT INTO pipelining_probe VALUES (1)", Tuple.tuple());
            tx.send("INSERT INTO pipelining_probe VALUES (2)", Tuple.tuple());
            return tx.execute("SELECT 1", Tuple.tuple());
        }));
        assertEquals(UNIQUE_VIOLATION, e.getSqlState(), "the first failure is the one told");
        assertEquals(0, rows(), "nothing of the transaction stands");
        assertEquals(0, sessionsInTransaction(), "no connection went back to the pool inside a transaction");
    }

    @Test
    void a_last_statement_that_fails_with_its_commit_commits_nothing() {
        PgException e = assertThrows(PgException.class, () -> db.inTransaction(tx -> {
            tx.send("INSERT INTO pipelining_probe VALUES (1)", Tuple.tuple());
            return tx.executeAllAndCommit(List.of(new Db.Statement("INSERT INTO pipelining_probe VALUES (2)", Tuple.tuple()),
                    new Db.Statement("INSERT INTO pipelining_probe VALUES (2)", Tuple.tuple())));
        }));
        assertEquals(UNIQUE_VIOLATION, e.getSqlState());
        assertEquals(0, rows());
        assertEquals(0, sessionsInTransaction());
        // The connection serves the next caller as if nothing happened.
        db.execute("INSERT INTO pipelining_probe VALUES (3)", Tuple.tuple());
        assertEquals(1, rows());
    }

    @Test
    void writes_sent_behind_a_fence_that_finds_no_lease_never_commit() {
        Lease notHeld = Lease.newOwner(UUID.randomUUID());
        assertThrows(LeaseLostException.class, () -> writes.write(notHeld,
                tx -> tx.send("INSERT INTO pipelining_probe VALUES (1)", Tuple.tuple())));
        assertEquals(0, rows());
        assertEquals(0, sessionsInTransaction());
    }
}
