package dev.intake.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.InterviewStore;
import dev.intake.store.Lease;
import dev.intake.store.StepLeases;
import dev.intake.testing.Eventually;
import dev.intake.testing.LogCapture;
import dev.intake.testing.ShortDatabaseLimits;
import dev.intake.testing.TestData;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** A heartbeat the database cannot serve says so in one line that names the database and its limit. */
@QuarkusTest
@TestProfile(ShortDatabaseLimits.class)
class HeartbeatOnASlowDatabaseTest {

    private static final Duration LEASE = Duration.ofSeconds(3);

    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    Heartbeats heartbeats;
    @Inject
    Db db;
    @Inject
    TestData data;

    @Test
    void a_renewal_stuck_behind_a_lock_is_cancelled_by_the_database_and_logged_in_one_line_naming_it() throws Exception {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        String runId = UUID.randomUUID().toString();
        interviews.completeUpload(key.interviewId(), key.key(), runId);
        Lease lease = Lease.newOwner(key.interviewId());
        assertTrue(leases.claim(lease, runId, Step.UPLOAD, LEASE).isPresent());

        // Someone else holds the interview's row, busy (never idle) for longer than a statement may wait.
        ExecutorService other = Executors.newSingleThreadExecutor();
        CountDownLatch locked = new CountDownLatch(1);
        Future<Object> holder = other.submit(() -> db.inTransaction(tx -> {
            tx.execute("SELECT id FROM interviews WHERE id = $1 FOR UPDATE", Tuple.of(key.interviewId()));
            locked.countDown();
            for (int i = 0; i < 3; i++) {
                tx.execute("SELECT pg_sleep(1.5)", Tuple.tuple());
            }
            return null;
        }));
        try (LogCapture logs = LogCapture.start()) {
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            try (Heartbeat beating = heartbeats.start(lease, LEASE)) {
                List<LogCapture.Line> failed = Eventually.await(() -> logs.saying("heartbeat failed"), l -> !l.isEmpty(),
                        Duration.ofSeconds(10), "a heartbeat to fail");
                assertEquals("interview " + key.interviewId() + ": heartbeat failed (the database cancelled a statement"
                        + " that ran longer than 2 s (statement_timeout)); retried at the next beat", failed.get(0).message());
                assertEquals("WARN", failed.get(0).level().getName());
                assertNull(failed.get(0).thrown());
            }
        } finally {
            holder.get(10, TimeUnit.SECONDS);
            other.shutdown();
        }
    }
}
