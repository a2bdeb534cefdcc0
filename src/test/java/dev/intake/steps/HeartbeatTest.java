package dev.intake.steps;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.media.MediaKey;
import dev.intake.store.InterviewStore;
import dev.intake.store.Lease;
import dev.intake.store.StepLeases;
import dev.intake.testing.TestData;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A step that runs longer than its lease keeps it while it beats, and loses it once it stops. */
@QuarkusTest
class HeartbeatTest {

    private static final Duration SHORT_LEASE = Duration.ofMillis(300);

    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    Heartbeats heartbeats;
    @Inject
    TestData data;

    @Test
    void a_beating_step_keeps_its_lease_past_its_length_and_loses_it_when_it_stops() throws InterruptedException {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        String runId = UUID.randomUUID().toString();
        interviews.completeUpload(key.interviewId(), key.key(), runId);
        Lease lease = Lease.newOwner(key.interviewId());
        assertTrue(leases.claim(lease, runId, Step.UPLOAD, SHORT_LEASE).isPresent());

        try (Heartbeat beating = heartbeats.start(lease, SHORT_LEASE)) {
            Thread.sleep(4 * SHORT_LEASE.toMillis());
            assertTrue(leases.claim(Lease.newOwner(key.interviewId()), runId, Step.UPLOAD, SHORT_LEASE).isEmpty(),
                    "the lease is still held after four lease lengths");
        }
        Thread.sleep(2 * SHORT_LEASE.toMillis());
        assertTrue(leases.claim(Lease.newOwner(key.interviewId()), runId, Step.UPLOAD, SHORT_LEASE).isPresent(),
                "without heartbeats the lease expires and another invocation may take the step");
    }

    @Test
    void a_step_done_before_its_first_beat_starts_no_thread_and_a_longer_one_beats_on_its_own() throws InterruptedException {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        String runId = UUID.randomUUID().toString();
        interviews.completeUpload(key.interviewId(), key.key(), runId);
        Lease lease = Lease.newOwner(key.interviewId());
        assertTrue(leases.claim(lease, runId, Step.UPLOAD, SHORT_LEASE).isPresent());
        String thread = "intake-heartbeat-" + lease.interviewId();
        try (Heartbeat beating = heartbeats.start(lease, SHORT_LEASE)) {
            assertFalse(threadNamed(thread), "no thread before the first beat is due");
        }
        Thread.sleep(SHORT_LEASE.toMillis());
        assertFalse(threadNamed(thread), "a heartbeat closed before its first beat never starts its thread");

        try (Heartbeat beating = heartbeats.start(lease, SHORT_LEASE)) {
            Thread.sleep(SHORT_LEASE.toMillis());
            assertTrue(threadNamed(thread), "the lease beats on a thread of its own once its first beat is due");
        }
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
