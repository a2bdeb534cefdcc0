package dev.intake.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.testing.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class StepMetricsTest {

    @Inject
    MeterRegistry registry;
    @Inject
    UploadCompletion completion;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    dev.intake.sweeper.Sweeper sweeper;
    @Inject
    dev.intake.store.InterviewStore interviews;
    @Inject
    dev.intake.store.Db db;

    private long timed(String step, String outcome) {
        var timer = Search.in(registry).name("intake.step.duration").tag("step", step).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private double failures(String step, String kind) {
        var counter = Search.in(registry).name("intake.step.failures").tag("step", step).tag("kind", kind)
                .tag("retrying", "false").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void each_completed_step_is_timed_and_each_failure_counted_by_step_and_kind() {
        long finalized = timed("finalize", "completed");
        double uploadFailures = failures("upload", "permanent");

        MediaKey ok = data.uploadingInterview(data.project(), "notes.txt");
        data.putObject(ok, TestData.sample("standup-notes.txt"));
        completion.accept(new ObjectCreated(bucket.name(), ok.key(), 1));
        data.awaitSettled(ok.interviewId());
        MediaKey bad = data.uploadingInterview(data.project(), "call.mp4");
        data.putObject(bad, "audio");
        completion.accept(new ObjectCreated(bucket.name(), bad.key(), 1));
        data.awaitSettled(bad.interviewId());

        assertEquals(finalized + 1, timed("finalize", "completed"));
        assertEquals(uploadFailures + 1, failures("upload", "permanent"));
    }

    @Test
    void the_last_sweep_reports_how_many_interviews_were_stuck_at_each_step() {
        var done = data.awaitSettled(uploaded("notes.txt").interviewId());
        interviews.startRun(done.id(), java.util.UUID.randomUUID().toString(),
                dev.intake.workflow.RunPlan.resumeFrom(dev.intake.workflow.Step.PERSONAS));
        db.execute("UPDATE interviews SET updated_at = now() - interval '1 hour' WHERE id = $1",
                io.vertx.mutiny.sqlclient.Tuple.of(done.id()));
        double resumed = Search.in(registry).name("intake.sweeper.resumes").tag("step", "personas").counters().stream()
                .mapToDouble(c -> c.count()).sum();

        var swept = sweeper.sweepNow(java.time.Duration.ofMinutes(5));

        assertTrue(Search.in(registry).name("intake.sweeper.stuck").tag("step", "personas").gauge().value() >= 1);
        assertEquals(resumed + 1, Search.in(registry).name("intake.sweeper.resumes").tag("step", "personas").counter().count());
        // The sweep also resumes what earlier test classes left stalled in the shared database: every run it
        // started ends here, not inside the other test's count of finalized interviews.
        java.util.stream.Stream.of(swept.resumed(), swept.uploadsCompleted(), swept.uploadsAdopted()).flatMap(List::stream)
                .forEach(entry -> data.awaitSettled(java.util.UUID.fromString(entry.interviewId())));
    }

    private MediaKey uploaded(String name) {
        MediaKey key = data.uploadingInterview(data.project(), name);
        data.putObject(key, TestData.sample("standup-notes.txt"));
        completion.accept(new ObjectCreated(bucket.name(), key.key(), 1));
        return key;
    }
}
