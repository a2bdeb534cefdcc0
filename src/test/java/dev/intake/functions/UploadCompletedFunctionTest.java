package dev.intake.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.intake.media.MediaKey;
import dev.intake.store.InterviewStore;
import dev.intake.testing.LogCapture;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The upload-completed Lambda through its contract: S3's event JSON in, through the Lambda runtime API. */
@QuarkusTest
class UploadCompletedFunctionTest {

    @ConfigProperty(name = "quarkus.lambda.mock-event-server.test-port")
    int lambdaPort;

    @Inject
    TestData data;
    @Inject
    InterviewStore interviews;

    private static String contract() throws IOException {
        return Files.readString(Path.of("src/test/resources/contracts/s3-object-created.json"));
    }

    /** The contract event with its key pointed at {@code key}, URL-encoded as S3 does. */
    private static String eventFor(MediaKey key) throws IOException {
        String contractKey = "interviews/d7b69d5e-a952-41a6-931f-e2fed1d82e85/6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/"
                + "931e3b81-ef32-48c3-b6f3-382461b362e4/Customer+call+%232+%28Dana%29.mp4";
        String encoded = "interviews/" + key.accountId() + "/" + key.projectId() + "/" + key.interviewId() + "/"
                + java.net.URLEncoder.encode(key.fileName(), java.nio.charset.StandardCharsets.UTF_8);
        return contract().replace(contractKey, encoded);
    }

    private io.restassured.response.ValidatableResponse invoke(String event) {
        return given().body(event).contentType("application/json").post("http://localhost:" + lambdaPort).then();
    }

    @Test
    void an_s3_notification_takes_a_transcript_with_spaces_in_its_name_to_ready() throws IOException {
        MediaKey key = data.uploadingInterview(data.project(), "Customer call #2 (Dana).vtt");
        data.putObject(key, TestData.sample("onboarding-interview.vtt"));
        invoke(eventFor(key))
                .statusCode(200)
                .body("results[0].outcome", equalTo("started"))
                .body("results[0].key", equalTo(key.key()))
                .body("results[0].interviewId", equalTo(key.interviewId().toString()));
        assertEquals(InterviewStatus.READY, data.awaitSettled(key.interviewId()).status());
    }

    @Test
    void the_same_notification_delivered_twice_starts_one_run() throws IOException {
        MediaKey key = data.uploadingInterview(data.project(), "call.txt");
        data.putObject(key, TestData.sample("standup-notes.txt"));
        invoke(eventFor(key)).statusCode(200).body("results[0].outcome", equalTo("started"));
        invoke(eventFor(key)).statusCode(200).body("results[0].outcome", equalTo("duplicate"));
        assertEquals(InterviewStatus.READY, data.awaitSettled(key.interviewId()).status());
    }

    @Test
    void a_malformed_event_is_refused_with_its_reason() {
        invoke("{\"hello\": \"world\"}")
                .statusCode(500)
                .body("errorMessage", containsString(
                        "not an S3 notification, an EventBridge event or a forwarded R2 notification"));
        invoke("{\"Records\": [{\"eventSource\": \"aws:s3\", \"eventName\": \"ObjectCreated:Put\"}]}")
                .statusCode(500)
                .body("errorMessage", containsString("record 0 lacks eventName, s3.bucket.name or s3.object.key"));
    }

    @Test
    void a_key_that_decodes_to_a_nul_character_is_refused_with_a_log_line_and_the_interview_untouched() throws IOException {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        String event = eventFor(key).replace("call.vtt", "call%00.vtt");
        try (LogCapture logs = LogCapture.start()) {
            invoke(event).statusCode(500).body("errorMessage", containsString(
                    "record 0's key " + key.key().replace("call.vtt", "call%00.vtt")
                            + " (decoded) contains a control character (U+0000"));
            assertEquals(1, logs.saying("upload-completed rejected an event: record 0's key").size(), logs.lines().toString());
        }
        assertEquals(InterviewStatus.UPLOADING, data.interview(key.interviewId()).status());
    }

    @Test
    void a_notification_for_an_unknown_interview_is_rejected_and_writes_no_row() throws IOException {
        TestData.Project project = data.project();
        MediaKey key = new MediaKey(project.accountId(), project.projectId(), UUID.randomUUID(), "call.vtt");
        invoke(eventFor(key)).statusCode(200)
                .body("results[0].outcome", equalTo("rejected"))
                .body("results[0].detail", equalTo("no interview " + key.interviewId()));
        assertTrue(interviews.find(key.interviewId()).isEmpty());
    }

    private static String withKey(String contract, String contractKey, MediaKey key) throws IOException {
        return Files.readString(Path.of("src/test/resources/contracts", contract)).replace(contractKey, key.key());
    }

    @Test
    void an_eventbridge_object_created_event_starts_the_interview() throws IOException {
        MediaKey key = data.uploadingInterview(data.project(), "call.txt");
        data.putObject(key, TestData.sample("standup-notes.txt"));
        String event = withKey("eventbridge-object-created.json", "interviews/d7b69d5e-a952-41a6-931f-e2fed1d82e85/"
                + "6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/931e3b81-ef32-48c3-b6f3-382461b362e4/recording.webm", key);
        invoke(event).statusCode(200).body("results[0].outcome", equalTo("started"));
        assertEquals(InterviewStatus.READY, data.awaitSettled(key.interviewId()).status());
    }

    private static final String R2_KEY = "interviews/d7b69d5e-a952-41a6-931f-e2fed1d82e85/"
            + "6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/931e3b81-ef32-48c3-b6f3-382461b362e4/recording.mp4";

    @Test
    void a_forwarded_r2_notification_with_the_shared_secret_starts_the_interview() throws IOException {
        MediaKey key = data.uploadingInterview(data.project(), "call.txt");
        data.putObject(key, TestData.sample("standup-notes.txt"));
        byte[] body = withKey("r2-event-notification.json", R2_KEY, key).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String request = dev.intake.testing.FunctionUrlEvents.request("POST", "/", null,
                java.util.Map.of("x-intake-forward-secret", "test-forward-secret", "content-type", "application/json"), body, false);
        var response = invoke(request).statusCode(200).extract().jsonPath();
        assertEquals(200, response.getInt("statusCode"));
        assertEquals("started", io.restassured.path.json.JsonPath.from(response.getString("body")).getString("results[0].outcome"));
        assertEquals(InterviewStatus.READY, data.awaitSettled(key.interviewId()).status());
    }

    @Test
    void a_forwarded_r2_notification_with_a_nul_is_400_and_a_batch_over_100_is_413_and_neither_changes_anything()
            throws IOException {
        MediaKey key = data.uploadingInterview(data.project(), "call.txt");
        data.putObject(key, TestData.sample("standup-notes.txt"));
        String one = withKey("r2-event-notification.json", R2_KEY, key);
        java.util.Map<String, String> headers = java.util.Map.of("x-intake-forward-secret", "test-forward-secret",
                "content-type", "application/json");

        byte[] nul = one.replace("call.txt", "call\\u0000.txt").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var refused = invoke(dev.intake.testing.FunctionUrlEvents.request("POST", "/", null, headers, nul, false))
                .statusCode(200).extract().jsonPath();
        assertEquals(400, refused.getInt("statusCode"));
        assertEquals("the R2 notification at /object/key contains a NUL character (U+0000), which Intake does not accept",
                io.restassured.path.json.JsonPath.from(refused.getString("body")).getString("error"));

        byte[] batch = ("[" + String.join(",", java.util.Collections.nCopies(101, one)) + "]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var tooMany = invoke(dev.intake.testing.FunctionUrlEvents.request("POST", "/", null, headers, batch, false))
                .statusCode(200).extract().jsonPath();
        assertEquals(413, tooMany.getInt("statusCode"));
        assertEquals(InterviewStatus.UPLOADING, data.interview(key.interviewId()).status());
    }

    @Test
    void a_forwarded_r2_notification_without_the_right_secret_answers_401_and_changes_nothing() throws IOException {
        MediaKey key = data.uploadingInterview(data.project(), "call.txt");
        byte[] body = withKey("r2-event-notification.json", R2_KEY, key).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String request = dev.intake.testing.FunctionUrlEvents.request("POST", "/", null,
                java.util.Map.of("x-intake-forward-secret", "guess", "content-type", "application/json"), body, false);
        assertEquals(401, invoke(request).statusCode(200).extract().jsonPath().getInt("statusCode"));
        assertEquals(InterviewStatus.UPLOADING, data.interview(key.interviewId()).status());
    }
}
