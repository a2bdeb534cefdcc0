package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.testing.PgBouncerResource;
import dev.intake.testing.Racers;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.Step;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * Through a transaction-mode pooler (PgBouncer), as hundreds of Lambdas reach one database: nothing
 * relies on session state or on server-side prepared statements outliving a transaction.
 */
@QuarkusTest
@TestProfile(TransactionPoolerTest.ThroughPgBouncer.class)
class TransactionPoolerTest {

    public static class ThroughPgBouncer implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PgBouncerResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Short enough to watch PgBouncer's server connection cancel a statement at it.
            return Map.of("quarkus.datasource.reactive.max-size", "8", "intake.database.statement-timeout", "PT5S");
        }
    }

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;
    @Inject
    UploadCompletion completion;
    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    SchemaAudit audit;
    @Inject
    Db db;

    @BeforeEach
    void pgbouncerIsThere() {
        Assumptions.assumeTrue(PgBouncerResource.available(), "pgbouncer is not installed (apt-get install pgbouncer)");
    }

    @Test
    void the_pool_goes_through_pgbouncer() {
        assertTrue(!url.contains(System.getProperty("embedded.test.postgres.port")), url);
    }

    @Test
    void interviews_reach_ready_through_the_pooler_again_and_again() {
        for (int i = 0; i < 5; i++) {
            MediaKey key = data.uploadingInterview(data.project("What problems do they have today?"), "notes.txt");
            data.putObject(key, TestData.sample("standup-notes.txt"));
            completion.accept(new ObjectCreated(bucket.name(), key.key(), 1));
            assertEquals(InterviewStatus.READY, data.awaitSettled(key.interviewId()).status());
        }
    }

    @Test
    void the_schema_audit_runs_through_the_pooler() {
        assertEquals(List.of(), audit.auditAll());
        assertEquals(List.of(), audit.auditAll(), "a second audit finds no statement left behind by the first");
    }

    @Test
    void a_statement_through_the_pooler_is_cancelled_at_the_statement_timeout() {
        long started = System.nanoTime();
        DatabaseUnavailable e = assertThrows(DatabaseUnavailable.class, () -> db.execute("SELECT pg_sleep(60)", Tuple.tuple()));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals("the database cancelled a statement that ran longer than 5 s (statement_timeout)", e.getMessage());
        System.out.printf("through PgBouncer, statement_timeout 5 s: pg_sleep(60) cancelled after %d ms%n", tookMs);
    }

    @Test
    void the_limits_end_with_each_transaction_and_reach_no_other_client_of_the_pooler() {
        for (int i = 0; i < 10; i++) {
            assertEquals("5s", show(db.execute("SHOW statement_timeout", Tuple.tuple())));
            assertEquals("5s", show(db.execute("SHOW idle_in_transaction_session_timeout", Tuple.tuple())));
        }
        // A session-wide SET would stay on PgBouncer's server connection for whoever gets it next: a bare
        // statement, outside Intake's transactions, must find the server's defaults.
        for (int i = 0; i < 10; i++) {
            assertEquals("0", db.withConnection(c -> show(c.query("SHOW statement_timeout").execute()
                    .await().atMost(Duration.ofSeconds(10)))));
        }
    }

    private static String show(RowSet<Row> rows) {
        return rows.iterator().next().getString(0);
    }

    @Test
    void racing_claims_through_the_pooler_still_have_one_winner() throws Exception {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        String runId = UUID.randomUUID().toString();
        interviews.completeUpload(key.interviewId(), key.key(), runId);
        List<Boolean> claims = Racers.race(12, () -> leases.claim(Lease.newOwner(key.interviewId()), runId,
                Step.UPLOAD, Duration.ofMinutes(2)).isPresent());
        assertEquals(1, claims.stream().filter(won -> won).count());
    }
}
