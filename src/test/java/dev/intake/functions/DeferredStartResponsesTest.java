package dev.intake.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.engine.EventBudgetConfig;
import dev.intake.engine.RunStarter;
import dev.intake.entry.EntryOutcome;
import dev.intake.entry.UploadCompletion;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.InterviewStore;
import dev.intake.testing.FunctionUrlEvents;
import dev.intake.testing.StepFunctionsStub;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * When the engine does not take a run, each entry point answers so its sender delivers again: an
 * asynchronous invocation (S3, EventBridge) fails, so Lambda retries it and then dead-letters it; a
 * Function URL answers 503 with Retry-After.
 */
@QuarkusTest
class DeferredStartResponsesTest {

    private static final String S3_KEY = "interviews/d7b69d5e-a952-41a6-931f-e2fed1d82e85/6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/"
            + "931e3b81-ef32-48c3-b6f3-382461b362e4/Customer+call+%232+%28Dana%29.mp4";
    private static final String R2_KEY = "interviews/d7b69d5e-a952-41a6-931f-e2fed1d82e85/"
            + "6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/931e3b81-ef32-48c3-b6f3-382461b362e4/recording.mp4";

    @Inject
    InterviewStore interviews;
    @Inject
    MediaBucket bucket;
    @Inject
    ObjectMapper json;
    @Inject
    SweeperConfig sweeper;
    @Inject
    EventBudgetConfig events;
    @Inject
    TestData data;
    @Inject
    dev.intake.entry.ForwardSecret forwardSecret;

    /** The function with an engine that is throttled for the interview's runs. */
    private UploadCompletedFunction throttledFor(UUID interviewId) {
        StepFunctionsStub.anyRunAnswers(interviewId, StepFunctionsStub.error(400, "ThrottlingException"));
        RunStarter runs = new RunStarter(StepFunctionsStub.engine(interviews, json, Duration.ofSeconds(10)), interviews, sweeper);
        return new UploadCompletedFunction(new UploadCompletion(interviews, runs, bucket), json, events, forwardSecret);
    }

    private MediaKey uploaded() {
        MediaKey key = data.uploadingInterview(data.project(), "call.txt");
        data.putObject(key, TestData.sample("standup-notes.txt"));
        return key;
    }

    private static String contract(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/contracts", name));
    }

    @Test
    void an_s3_notification_whose_run_cannot_start_fails_the_invocation_and_the_interview_stays_in_flight() throws IOException {
        MediaKey key = uploaded();
        JsonNode event = json.readTree(contract("s3-object-created.json").replace(S3_KEY, key.key()));

        var failure = assertThrows(UploadCompletedFunction.StartDeferredException.class,
                () -> throttledFor(key.interviewId()).uploadCompleted(event));

        assertTrue(failure.getMessage().contains("delivered again"), failure.getMessage());
        assertEquals(InterviewStatus.UPLOADED, data.interview(key.interviewId()).status());
    }

    @Test
    void a_forwarded_r2_notification_whose_run_cannot_start_is_answered_503_with_retry_after() throws IOException {
        MediaKey key = uploaded();
        byte[] body = contract("r2-event-notification.json").replace(R2_KEY, key.key()).getBytes(StandardCharsets.UTF_8);
        JsonNode request = json.readTree(FunctionUrlEvents.request("POST", "/", null,
                Map.of("x-intake-forward-secret", "test-forward-secret", "content-type", "application/json"), body, false));

        JsonNode response = throttledFor(key.interviewId()).uploadCompleted(request);

        assertEquals(503, response.get("statusCode").asInt());
        assertEquals("30", response.get("headers").get("retry-after").asText());
        assertEquals("deferred", json.readTree(response.get("body").asText()).get("results").get(0).get("outcome").asText());
    }

    @Test
    void a_webhook_whose_run_cannot_start_is_answered_503_with_retry_after() {
        var response = EntryResponses.of(new EntryOutcome.Deferred(UUID.randomUUID(), "could not start processing: throttled"));
        assertEquals(503, response.statusCode());
        assertEquals("30", response.headers().get("retry-after"));
    }
}
