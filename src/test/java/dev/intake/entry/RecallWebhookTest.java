package dev.intake.entry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.entry.EntryOutcome;
import dev.intake.entry.RecallWebhook;
import dev.intake.entry.SvixSignature;
import dev.intake.http.RequestRejected;
import dev.intake.media.MediaBucket;
import dev.intake.steps.StepExecutor;
import dev.intake.steps.StepOutcome;
import dev.intake.steps.UploadStep;
import dev.intake.workflow.Step;

import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.TranscriptStore;
import dev.intake.testing.Eventually;
import dev.intake.testing.RecallFixtures;
import dev.intake.testing.TestData;
import dev.intake.testing.WireMockResource;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.s3.S3Client;

@QuarkusTest
class RecallWebhookTest {

    @Inject
    dev.intake.steps.SweeperConfig sweeper;
    @Inject
    RecallWebhook webhook;
    @Inject
    InterviewStore interviews;
    @Inject
    TranscriptStore transcripts;
    @Inject
    MediaBucket bucket;
    @Inject
    S3Client s3;
    @Inject
    TestData data;
    @Inject
    Db db;
    @Inject
    StepExecutor executor;

    private TestData.Project project;
    private String recordingId;

    @BeforeEach
    void aProjectAndARecording() {
        bucket.ensureExists();
        project = data.project("What problems do they have today?");
        recordingId = UUID.randomUUID().toString();
    }

    private EntryOutcome deliver(byte[] body) {
        return webhook.receive(RecallFixtures.signedHeaders(body), body);
    }

    private long interviewsOfProject() {
        return db.execute("SELECT count(*) AS n FROM interviews WHERE project_id = $1", Tuple.of(project.projectId()))
                .iterator().next().getLong("n");
    }

    @Test
    void a_finished_desktop_upload_becomes_an_interview_with_recalls_transcript_and_video() {
        byte[] video = "fake mp4 bytes".getBytes(StandardCharsets.UTF_8);
        RecallFixtures.stubRecording(recordingId, video, RecallFixtures.transcript());

        EntryOutcome outcome = deliver(RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project));

        EntryOutcome.Created created = assertInstanceOf(EntryOutcome.Created.class, outcome);
        Interview done = data.awaitSettled(created.interviewId());
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
        assertEquals("recall", done.source().type());
        assertEquals(recordingId, done.source().recallRecordingId());
        assertEquals("interviews/" + project.accountId() + "/" + project.projectId() + "/" + done.id() + "/recording.mp4",
                done.mediaKey());
        assertArrayEquals(video, s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key(done.mediaKey())).asByteArray());
        assertTrue(data.rows("evidence", done.id()) > 0);
    }

    @Test
    void a_recordings_video_is_copied_in_one_invocation_and_its_transcript_read_in_the_next_copied_once() {
        byte[] video = "fake mp4 bytes".getBytes(StandardCharsets.UTF_8);
        RecallFixtures.stubRecording(recordingId, video, RecallFixtures.transcript());
        UUID id = UUID.randomUUID();
        String runId = UUID.randomUUID().toString();
        interviews.insertStarted(new InterviewStore.NewInterview(id, project.accountId(), project.projectId(), "Call",
                Interview.Source.recall(recordingId, null), null, null), runId, "Recording queued").orElseThrow();
        java.util.function.IntSupplier copies = () -> WireMockResource.server().find(getRequestedFor(
                urlEqualTo("/media/" + recordingId + ".mp4?X-Amz-Signature=abc"))).size();
        java.util.function.IntSupplier transcriptReads = () -> WireMockResource.server().find(getRequestedFor(
                urlEqualTo("/media/" + recordingId + ".json"))).size();

        StepOutcome copied = executor.execute(id, runId, Step.UPLOAD);

        assertEquals(UploadStep.CONTINUE_AFTER_COPY, assertInstanceOf(StepOutcome.Waiting.class, copied).checkAgainIn());
        assertEquals(List.of(1, 0), List.of(copies.getAsInt(), transcriptReads.getAsInt()));
        assertTrue(data.interview(id).mediaKey().endsWith("/" + id + "/recording.mp4"));

        StepOutcome read = executor.execute(id, runId, Step.UPLOAD);

        assertEquals(Step.EVIDENCE, assertInstanceOf(StepOutcome.Advanced.class, read).next());
        assertEquals(List.of(1, 1), List.of(copies.getAsInt(), transcriptReads.getAsInt()), "the video copied once");
        assertArrayEquals(video, s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key(data.interview(id).mediaKey())).asByteArray());
    }

    @Test
    void recall_transcript_times_land_in_seconds() {
        RecallFixtures.stubRecording(recordingId, "v".getBytes(StandardCharsets.UTF_8), RecallFixtures.transcript());
        var created = (EntryOutcome.Created) deliver(RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project));
        data.awaitSettled(created.interviewId());
        Transcript transcript = transcripts.load(created.interviewId()).orElseThrow();
        Utterance first = transcript.utterances().get(0);
        assertEquals("Priya Raman", first.speaker());
        assertEquals(1.52, first.startSec(), 1e-9);
        assertEquals(5.9, first.endSec(), 1e-9);
        assertEquals("recall", transcript.format());
    }

    @Test
    void a_redelivered_webhook_returns_the_same_interview_and_writes_nothing_new() {
        RecallFixtures.stubRecording(recordingId, "v".getBytes(StandardCharsets.UTF_8), RecallFixtures.transcript());
        byte[] body = RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project);
        var created = (EntryOutcome.Created) deliver(body);
        Interview ready = data.awaitSettled(created.interviewId());

        EntryOutcome again = deliver(body);

        EntryOutcome.Existing existing = assertInstanceOf(EntryOutcome.Existing.class, again);
        assertEquals(created.interviewId(), existing.interviewId());
        assertEquals("ready", existing.status());
        assertEquals(1, interviewsOfProject());
        assertEquals(ready.updatedAt(), data.interview(created.interviewId()).updatedAt());
    }

    @Test
    void a_bot_recording_done_uses_the_metadata_on_the_recording() {
        RecallFixtures.stubRecording(recordingId, "v".getBytes(StandardCharsets.UTF_8), RecallFixtures.transcript());
        byte[] body = RecallFixtures.event("recall-recording-done.json", recordingId, project);
        var created = assertInstanceOf(EntryOutcome.Created.class, deliver(body));
        Interview done = data.awaitSettled(created.interviewId());
        assertEquals(InterviewStatus.READY, done.status());
        assertEquals(project.accountId(), done.accountId());
        assertEquals("b0b1b2b3-c4c5-4d6d-8e7e-f8f9a0a1b2b3", done.source().recallBotId());
    }

    @Test
    void bot_done_without_a_recording_id_finds_the_recording_through_the_bot() {
        String botId = UUID.randomUUID().toString();
        RecallFixtures.stubRecording(recordingId, "v".getBytes(StandardCharsets.UTF_8), RecallFixtures.transcript());
        WireMockResource.server().register(get(urlEqualTo("/api/v1/bot/" + botId + "/")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"" + botId + "\", \"recordings\": [{\"id\": \"" + recordingId + "\"}]}")));
        var event = RecallFixtures.contract("recall-recording-done.json");
        event.put("event", "bot.done");
        var dataNode = (com.fasterxml.jackson.databind.node.ObjectNode) event.get("data");
        dataNode.remove("recording");
        ((com.fasterxml.jackson.databind.node.ObjectNode) dataNode.get("bot")).put("id", botId);
        ((com.fasterxml.jackson.databind.node.ObjectNode) dataNode.get("bot").get("metadata"))
                .put("account_id", project.accountId().toString()).put("project_id", project.projectId().toString());
        byte[] body = event.toString().getBytes(StandardCharsets.UTF_8);

        var created = assertInstanceOf(EntryOutcome.Created.class, deliver(body));
        Interview done = data.awaitSettled(created.interviewId());
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
        assertEquals(recordingId, done.source().recallRecordingId());
        assertInstanceOf(EntryOutcome.Existing.class, deliver(body));
    }

    @Test
    void a_failed_desktop_upload_is_recorded_as_an_interview_in_error_with_recalls_sub_code() {
        var outcome = deliver(RecallFixtures.event("recall-sdk-upload-failed.json", recordingId, project));
        var created = assertInstanceOf(EntryOutcome.CreatedFailed.class, outcome);
        assertEquals("the Recall.ai desktop upload failed (upload_interrupted)", created.reason());
        Interview failed = data.interview(created.interviewId());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertEquals("the Recall.ai desktop upload failed (upload_interrupted)",
                failed.lastError().orElseThrow().getString("message"));
        assertEquals("upload", failed.lastError().orElseThrow().getString("step"));
    }

    @Test
    void other_events_are_acknowledged_without_writing_anything() {
        var event = RecallFixtures.contract("recall-recording-done.json");
        event.put("event", "bot.status_change");
        byte[] body = event.toString().getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(EntryOutcome.Ignored.class, deliver(body));
        assertEquals(0, interviewsOfProject());
    }

    @Test
    void a_tampered_body_is_refused_and_nothing_is_written() {
        byte[] body = RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project);
        Map<String, String> headers = RecallFixtures.signedHeaders(body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace(recordingId, UUID.randomUUID().toString())
                .getBytes(StandardCharsets.UTF_8);
        RequestRejected e = assertThrows(RequestRejected.class, () -> webhook.receive(headers, tampered));
        assertEquals(401, e.status());
        assertEquals(0, interviewsOfProject());
    }

    @Test
    void an_expired_signature_is_refused_and_nothing_is_written() {
        byte[] body = RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project);
        var signer = new SvixSignature(RecallFixtures.SECRET, java.time.Duration.ofMinutes(5), java.time.Clock.systemUTC());
        long old = System.currentTimeMillis() / 1000 - 600;
        Map<String, String> headers = new HashMap<>(Map.of("webhook-id", "msg_1", "webhook-timestamp", String.valueOf(old),
                "webhook-signature", signer.signatureOf("msg_1", old, body)));
        assertEquals(401, assertThrows(RequestRejected.class, () -> webhook.receive(headers, body)).status());
        assertEquals(0, interviewsOfProject());
    }

    @Test
    void the_legacy_svix_headers_are_accepted() {
        RecallFixtures.stubRecording(recordingId, "v".getBytes(StandardCharsets.UTF_8), RecallFixtures.transcript());
        byte[] body = RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project);
        Map<String, String> legacy = new HashMap<>();
        RecallFixtures.signedHeaders(body).forEach((k, v) -> legacy.put(k.replace("webhook-", "svix-"), v));
        assertInstanceOf(EntryOutcome.Created.class, webhook.receive(legacy, body));
    }

    @Test
    void metadata_naming_a_project_outside_the_account_is_refused_and_nothing_is_written() {
        TestData.Project stranger = new TestData.Project(project.accountId(), data.project().projectId());
        byte[] body = RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, stranger);
        assertEquals(404, assertThrows(RequestRejected.class, () -> deliver(body)).status());
        assertEquals(0, interviewsOfProject());
    }

    @Test
    void an_event_without_its_ids_or_metadata_is_malformed() {
        var noMetadata = RecallFixtures.contract("recall-sdk-upload-complete.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) noMetadata.get("data").get("sdk_upload")).remove("metadata");
        byte[] body = noMetadata.toString().getBytes(StandardCharsets.UTF_8);
        RequestRejected e = assertThrows(RequestRejected.class, () -> deliver(body));
        assertEquals(400, e.status());
        assertEquals("sdk_upload.complete metadata has no account_id", e.getMessage());
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        assertEquals(400, assertThrows(RequestRejected.class, () -> deliver(notJson)).status());
    }

    @Test
    void a_nul_character_anywhere_in_the_event_is_refused_with_400_and_nothing_is_written() {
        byte[] body = RecallFixtures.event("recall-sdk-upload-complete.json", "rec\u0000ording", project);
        RequestRejected e = assertThrows(RequestRejected.class, () -> deliver(body));
        assertEquals(400, e.status());
        assertEquals("the webhook body at /data/recording/id contains a NUL character (U+0000), which Intake does"
                + " not accept", e.getMessage());
        assertEquals(0, interviewsOfProject());
    }

    @Test
    void a_recording_recall_does_not_know_ends_in_a_visible_error() {
        var created = (EntryOutcome.Created) deliver(RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project));
        Interview failed = data.awaitSettled(created.interviewId());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertEquals("Recall.ai has no recording " + recordingId, failed.lastError().orElseThrow().getString("message"));
        WireMockResource.server().verifyThat(getRequestedFor(urlEqualTo("/api/v1/recording/" + recordingId + "/")));
    }

    /** The interview once it waits for Recall's transcript {@code transcriptId}, as the upload step records it. */
    private Interview waitingForRecall(UUID id, String transcriptId) {
        return Eventually.await(() -> data.interview(id), i -> i.run().getJsonObject("transcription") != null
                        && transcriptId.equals(i.run().getJsonObject("transcription").getString("id"))
                        && !i.run().containsKey("lease_owner") || i.status().isSettled(),
                Duration.ofSeconds(20), "interview " + id + " to wait for Recall.ai's transcript");
    }

    @Test
    void a_recording_without_a_transcript_asks_recall_for_one_once_and_is_ready_after_transcript_done() {
        String transcriptId = UUID.randomUUID().toString();
        byte[] video = "fake mp4 bytes".getBytes(StandardCharsets.UTF_8);
        RecallFixtures.stubRecording(recordingId, video, null);
        RecallFixtures.stubTranscriptRequest(recordingId, transcriptId);
        RecallFixtures.stubTranscript(recordingId, transcriptId, "processing", null, null);

        var created = (EntryOutcome.Created) deliver(RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project));

        Interview waiting = waitingForRecall(created.interviewId(), transcriptId);
        assertEquals(InterviewStatus.TRANSCRIBING, waiting.status(), waiting.lastError().map(Object::toString).orElse(""));
        assertEquals("recall", waiting.run().getJsonObject("transcription").getString("provider"));
        assertEquals(1, RecallFixtures.transcriptRequests(recordingId));
        assertTrue(waiting.statusDetail().orElseThrow().startsWith("Waiting for Recall.ai to transcribe recording "
                + recordingId), waiting.statusDetail().orElseThrow());
        // Checks every 6 min are configured; a wait is cut to half the sweeper's stalled-after, so the
        // sweeper never takes a waiting interview for a stalled one.
        Duration halfStall = sweeper.stalledAfter().dividedBy(2);
        assertTrue(waiting.statusDetail().orElseThrow().endsWith("checking again in " + halfStall.toSeconds() + " s"),
                waiting.statusDetail().orElseThrow());
        Duration untilCheck = Duration.between(waiting.updatedAt(),
                java.time.OffsetDateTime.parse(waiting.run().getString("retry_at")));
        assertEquals(halfStall.toSeconds(), untilCheck.toSeconds(), untilCheck.toString());

        // Recall's webhook says the transcript is made; a forged one is refused like any other event.
        RecallFixtures.stubTranscript(recordingId, transcriptId, "done", null, RecallFixtures.transcript());
        byte[] done = RecallFixtures.transcriptEvent("transcript.done", recordingId, transcriptId, null);
        Map<String, String> forged = RecallFixtures.signedHeaders("{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, assertThrows(RequestRejected.class, () -> webhook.receive(forged, done)).status());
        EntryOutcome woken = deliver(done);

        assertEquals(created.interviewId(), assertInstanceOf(EntryOutcome.Existing.class, woken).interviewId());
        Interview ready = data.awaitSettled(created.interviewId());
        assertEquals(InterviewStatus.READY, ready.status(), ready.lastError().map(Object::toString).orElse(""));
        assertEquals(1, RecallFixtures.transcriptRequests(recordingId));
        assertEquals("recall", transcripts.load(ready.id()).orElseThrow().format());
        assertArrayEquals(video, s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key(ready.mediaKey())).asByteArray());
        assertTrue(data.rows("evidence", ready.id()) > 0);
    }

    @Test
    void a_transcript_recall_could_not_make_ends_in_error_with_its_sub_code() {
        String transcriptId = UUID.randomUUID().toString();
        RecallFixtures.stubRecording(recordingId, "v".getBytes(StandardCharsets.UTF_8), null);
        RecallFixtures.stubTranscriptRequest(recordingId, transcriptId);
        RecallFixtures.stubTranscript(recordingId, transcriptId, "processing", null, null);
        var created = (EntryOutcome.Created) deliver(RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project));
        Interview waiting = waitingForRecall(created.interviewId(), transcriptId);
        assertEquals(InterviewStatus.TRANSCRIBING, waiting.status(), waiting.lastError().map(Object::toString).orElse(""));

        RecallFixtures.stubTranscript(recordingId, transcriptId, "failed", "provider_connection_error", null);
        deliver(RecallFixtures.transcriptEvent("transcript.failed", recordingId, transcriptId, "provider_connection_error"));

        Interview failed = data.awaitSettled(created.interviewId());
        assertEquals(InterviewStatus.ERROR, failed.status());
        JsonObject error = failed.lastError().orElseThrow();
        assertEquals("upload", error.getString("step"));
        assertEquals("permanent", error.getString("kind"));
        assertEquals("Recall.ai could not transcribe recording " + recordingId + " (provider_connection_error)",
                error.getString("message"));
        assertNull(failed.run().getJsonObject("transcription"), "forgotten, so a repair asks Recall afresh");
    }
}
