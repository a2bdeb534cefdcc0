package dev.intake.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.entry.UploadOutcome;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.testing.Racers;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class UploadCompletionTest {

    @Inject
    UploadCompletion completion;
    @Inject
    InterviewStore interviews;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;

    private MediaKey uploaded(String sample) {
        MediaKey key = data.uploadingInterview(data.project(), sample);
        data.putObject(key, TestData.sample(sample));
        return key;
    }

    private ObjectCreated event(MediaKey key) {
        return new ObjectCreated(bucket.name(), key.key(), 100);
    }

    @Test
    void the_first_event_moves_the_interview_to_uploaded_and_starts_its_run() {
        MediaKey key = uploaded("standup-notes.txt");
        UploadOutcome outcome = completion.accept(event(key));
        UploadOutcome.Started started = assertInstanceOf(UploadOutcome.Started.class, outcome);
        assertEquals(key.interviewId(), started.interviewId());
        Interview done = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.READY, done.status());
        assertEquals(started.runId(), done.runId().orElseThrow());
    }

    @Test
    void an_event_out_of_time_takes_its_first_object_and_leaves_the_rest_for_its_redelivery() {
        List<ObjectCreated> objects = List.of(event(uploaded("standup-notes.txt")), event(uploaded("standup-notes.txt")));

        List<UploadOutcome> first = completion.acceptAll(objects, java.time.Duration.ZERO);

        assertInstanceOf(UploadOutcome.Started.class, first.get(0));
        assertEquals(new UploadOutcome.NotReached(objects.get(1).key()), first.get(1));
        assertEquals(InterviewStatus.UPLOADING, data.interview(MediaKey.parse(objects.get(1).key()).orElseThrow()
                .interviewId()).status(), "an object not reached is left as it was");

        List<UploadOutcome> redelivered = completion.acceptAll(objects, java.time.Duration.ofMinutes(1));

        assertInstanceOf(UploadOutcome.AlreadyReceived.class, redelivered.get(0));
        assertInstanceOf(UploadOutcome.Started.class, redelivered.get(1));
    }

    @Test
    void a_duplicate_event_after_the_run_starts_nothing_new_and_changes_nothing() {
        MediaKey key = uploaded("standup-notes.txt");
        completion.accept(event(key));
        Interview ready = data.awaitSettled(key.interviewId());
        List<Long> rowsBefore = TestData.OUTPUT_TABLES.stream().map(t -> data.rows(t, key.interviewId())).toList();

        UploadOutcome again = completion.accept(event(key));

        assertInstanceOf(UploadOutcome.AlreadyReceived.class, again);
        Interview after = data.interview(key.interviewId());
        assertEquals(ready.analysis(), after.analysis());
        assertEquals(ready.updatedAt(), after.updatedAt());
        assertEquals(rowsBefore, TestData.OUTPUT_TABLES.stream().map(t -> data.rows(t, key.interviewId())).toList());
    }

    @Test
    void of_many_simultaneous_deliveries_of_one_event_exactly_one_starts_a_run() throws Exception {
        MediaKey key = uploaded("standup-notes.txt");
        int deliveries = 8;
        List<UploadOutcome> outcomes = Racers.race(deliveries, () -> completion.accept(event(key)));
        assertEquals(1, outcomes.stream().filter(o -> o instanceof UploadOutcome.Started).count());
        assertEquals(deliveries - 1, outcomes.stream().filter(o -> o instanceof UploadOutcome.AlreadyReceived).count());
        assertEquals(InterviewStatus.READY, data.awaitSettled(key.interviewId()).status());
    }

    @Test
    void an_object_for_an_unknown_interview_is_rejected_and_no_row_is_written() {
        TestData.Project project = data.project();
        MediaKey key = new MediaKey(project.accountId(), project.projectId(), UUID.randomUUID(), "call.vtt");
        UploadOutcome outcome = completion.accept(event(key));
        UploadOutcome.Rejected rejected = assertInstanceOf(UploadOutcome.Rejected.class, outcome);
        assertEquals("no interview " + key.interviewId(), rejected.reason());
        assertTrue(interviews.find(key.interviewId()).isEmpty());
    }

    @Test
    void an_object_naming_another_account_is_rejected_and_the_interview_is_untouched() {
        MediaKey real = data.uploadingInterview(data.project(), "call.vtt");
        MediaKey forged = new MediaKey(UUID.randomUUID(), real.projectId(), real.interviewId(), "call.vtt");
        Interview before = data.interview(real.interviewId());
        assertInstanceOf(UploadOutcome.Rejected.class, completion.accept(event(forged)));
        Interview after = data.interview(real.interviewId());
        assertEquals(InterviewStatus.UPLOADING, after.status());
        assertEquals(before.updatedAt(), after.updatedAt());
    }

    @Test
    void objects_outside_the_interviews_prefix_or_in_another_bucket_are_ignored() {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        assertInstanceOf(UploadOutcome.Ignored.class, completion.accept(new ObjectCreated(bucket.name(), "exports/report.csv", 1)));
        assertInstanceOf(UploadOutcome.Ignored.class, completion.accept(new ObjectCreated("someone-elses-bucket", key.key(), 1)));
        assertEquals(InterviewStatus.UPLOADING, data.interview(key.interviewId()).status());
    }

    @Test
    void a_malformed_key_under_the_prefix_is_rejected() {
        UploadOutcome outcome = completion.accept(new ObjectCreated(bucket.name(), "interviews/not/a/valid/key/x.vtt", 1));
        assertInstanceOf(UploadOutcome.Rejected.class, outcome);
    }

    @Test
    void an_event_naming_an_object_that_is_not_in_the_bucket_starts_nothing_and_the_real_event_later_works() {
        MediaKey key = data.uploadingInterview(data.project(), "early.txt");

        UploadOutcome early = completion.accept(event(key));

        assertInstanceOf(UploadOutcome.Rejected.class, early);
        assertEquals(InterviewStatus.UPLOADING, data.interview(key.interviewId()).status(), "still waiting for its upload");
        data.putObject(key, TestData.sample("standup-notes.txt"));
        assertInstanceOf(UploadOutcome.Started.class, completion.accept(event(key)));
        assertEquals(InterviewStatus.READY, data.awaitSettled(key.interviewId()).status());
    }
}
