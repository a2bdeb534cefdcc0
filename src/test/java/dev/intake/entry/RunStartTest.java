package dev.intake.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.engine.RunStarter;
import dev.intake.entry.EntryOutcome;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.RecallWebhook;
import dev.intake.entry.UploadCompletion;
import dev.intake.entry.UploadOutcome;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.testing.StepFunctionsStub;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A start the engine refuses (throttled) or never answers (a timeout after it may have accepted) does
 * not end the interview: it stays in flight with the reason, and the event delivered again starts the
 * same run; a run the engine already has counts as started.
 */
@QuarkusTest
class RunStartTest {

    @Inject
    InterviewStore interviews;
    @Inject
    MediaBucket bucket;
    @Inject
    ObjectMapper json;
    @Inject
    SweeperConfig sweeper;
    @Inject
    dev.intake.providers.recall.RecallConfig recallConfig;
    @Inject
    dev.intake.secrets.Secrets secrets;
    @Inject
    TestData data;
    @Inject
    dev.intake.store.WorkspaceStore workspace;

    private UploadCompletion completion(Duration callTimeout) {
        return new UploadCompletion(interviews, new RunStarter(StepFunctionsStub.engine(interviews, json, callTimeout),
                interviews, sweeper), bucket);
    }

    private MediaKey uploaded() {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        data.putObject(key, "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>Hello.\n");
        return key;
    }

    @Test
    void a_throttled_start_leaves_the_interview_in_flight_with_the_reason_and_a_redelivery_starts_the_same_run() {
        MediaKey key = uploaded();
        UploadCompletion completion = completion(Duration.ofSeconds(10));
        // The first delivery moves the interview and names its run; the engine is throttled.
        StepFunctionsStub.anyRunAnswers(key.interviewId(), StepFunctionsStub.error(400, "ThrottlingException"));
        UploadOutcome first = completion.accept(new ObjectCreated(bucket.name(), key.key(), -1));
        Interview waiting = data.interview(key.interviewId());
        String runId = waiting.runId().orElseThrow();

        assertInstanceOf(UploadOutcome.StartDeferred.class, first);
        assertEquals(InterviewStatus.UPLOADED, waiting.status(), "still in flight, not error");
        assertEquals("transient", waiting.lastError().orElseThrow().getString("kind"));
        assertEquals("upload", waiting.lastError().orElseThrow().getString("step"));
        assertTrue(waiting.statusDetail().orElseThrow().contains("started again"), waiting.statusDetail().orElseThrow());
        assertTrue(waiting.awaitsStart());

        StepFunctionsStub.startAnswers(key.interviewId(), runId, StepFunctionsStub.started(key.interviewId(), runId));
        UploadOutcome again = completion.accept(new ObjectCreated(bucket.name(), key.key(), -1));

        UploadOutcome.Started started = assertInstanceOf(UploadOutcome.Started.class, again);
        assertEquals(runId, started.runId(), "the run recorded by the first delivery, not a new one");
        assertEquals(InterviewStatus.UPLOADED, data.interview(key.interviewId()).status());
    }

    @Test
    void a_start_whose_answer_never_came_is_started_again_and_an_existing_execution_counts_as_started() {
        MediaKey key = uploaded();
        UploadCompletion completion = completion(Duration.ofMillis(500));
        // The engine accepts the run but answers after the client gave up.
        StepFunctionsStub.anyRunAnswers(key.interviewId(), StepFunctionsStub.started(key.interviewId(), "x").withFixedDelay(2_000));

        assertInstanceOf(UploadOutcome.StartDeferred.class, completion.accept(new ObjectCreated(bucket.name(), key.key(), -1)));
        String runId = data.interview(key.interviewId()).runId().orElseThrow();
        assertEquals(InterviewStatus.UPLOADED, data.interview(key.interviewId()).status());

        StepFunctionsStub.startAnswers(key.interviewId(), runId, StepFunctionsStub.error(400, "ExecutionAlreadyExists"));
        assertInstanceOf(UploadOutcome.Started.class, completion.accept(new ObjectCreated(bucket.name(), key.key(), -1)));
    }

    @Test
    void a_recall_webhook_whose_run_cannot_start_asks_for_a_redelivery_which_starts_the_recorded_run() {
        TestData.Project project = data.project();
        String recordingId = UUID.randomUUID().toString();
        var stepFunctions = StepFunctionsStub.engine(interviews, json, Duration.ofSeconds(10));
        RecallWebhook webhook = new RecallWebhook(recallConfig, secrets, java.time.Clock.systemUTC(), json, interviews, workspace,
                new RunStarter(stepFunctions, interviews, sweeper), stepFunctions);
        byte[] event = dev.intake.testing.RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project);
        // The interview's id is made by the webhook, so until then every start is throttled.
        var throttled = StepFunctionsStub.everyStartAnswers(StepFunctionsStub.error(400, "ThrottlingException"));
        try {
            EntryOutcome.Deferred deferred = assertInstanceOf(EntryOutcome.Deferred.class,
                    webhook.receive(dev.intake.testing.RecallFixtures.signedHeaders(event), event));
            Interview waiting = data.interview(deferred.interviewId());
            assertEquals(InterviewStatus.UPLOADED, waiting.status(), "in flight, not error");
            String runId = waiting.runId().orElseThrow();

            StepFunctionsStub.startAnswers(waiting.id(), runId, StepFunctionsStub.started(waiting.id(), runId));
            EntryOutcome again = webhook.receive(dev.intake.testing.RecallFixtures.signedHeaders(event), event);

            assertEquals(new EntryOutcome.Existing(waiting.id(), "uploaded"), again);
            assertTrue(StepFunctionsStub.startsOf(waiting.id(), runId) >= 2, "the same run, started again");
        } finally {
            dev.intake.testing.WireMockResource.server().removeStubMapping(throttled);
        }
    }
}
