package dev.intake.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.entry.SvixSignature;

/** Recall.ai as the tests see it: webhook bodies from the contracts, signed now, and the API on WireMock. */
public final class RecallFixtures {

    public static final String SECRET = "whsec_aW50YWtlLXRlc3Qtc2VjcmV0LTAxMjM0NTY3ODlhYmNkZWY=";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SvixSignature SIGNER = new SvixSignature(SECRET, Duration.ofMinutes(5), Clock.systemUTC());

    private RecallFixtures() {
    }

    public static ObjectNode contract(String name) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/contracts", name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A contract event with its recording (and bot) id and the metadata's account and project replaced. */
    public static byte[] event(String contract, String recordingId, TestData.Project project) {
        ObjectNode event = contract(contract);
        ObjectNode data = (ObjectNode) event.get("data");
        if (recordingId == null) {
            data.remove("recording");
        } else {
            ((ObjectNode) data.get("recording")).put("id", recordingId);
        }
        for (String holder : new String[] {"recording", "bot", "sdk_upload"}) {
            if (data.has(holder) && data.get(holder).has("metadata") && data.get(holder).get("metadata").has("account_id")) {
                ((ObjectNode) data.get(holder).get("metadata"))
                        .put("account_id", project.accountId().toString())
                        .put("project_id", project.projectId().toString());
            }
        }
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Map<String, String> signedHeaders(byte[] body) {
        long now = System.currentTimeMillis() / 1000;
        String id = "msg_" + UUID.randomUUID();
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", String.valueOf(now));
        headers.put("webhook-signature", SIGNER.signatureOf(id, now, body));
        headers.put("content-type", "application/json");
        return headers;
    }

    /**
     * Stubs {@code GET /api/v1/recording/{id}/} with the contract recording, its video and transcript
     * served by WireMock too.
     */
    public static void stubRecording(String recordingId, byte[] video, String transcriptJson) {
        stubRecording(recordingId, video, transcriptJson, "test-recall-key");
    }

    /** The same, answering requests made with {@code apiKey}. */
    public static void stubRecording(String recordingId, byte[] video, String transcriptJson, String apiKey) {
        ObjectNode recording = contract("recall-recording.json");
        recording.put("id", recordingId);
        ObjectNode shortcuts = (ObjectNode) recording.get("media_shortcuts");
        String base = WireMockResource.baseUrl();
        if (video == null) {
            shortcuts.remove("video_mixed");
        } else {
            ((ObjectNode) shortcuts.get("video_mixed").get("data")).put("download_url", base + "/media/" + recordingId + ".mp4?X-Amz-Signature=abc");
            WireMockResource.server().register(get(urlEqualTo("/media/" + recordingId + ".mp4?X-Amz-Signature=abc"))
                    .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
        }
        if (transcriptJson == null) {
            shortcuts.remove("transcript");
        } else {
            ((ObjectNode) shortcuts.get("transcript").get("data")).put("download_url", base + "/media/" + recordingId + ".json");
            WireMockResource.server().register(get(urlEqualTo("/media/" + recordingId + ".json"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(transcriptJson)));
        }
        WireMockResource.server().register(get(urlEqualTo("/api/v1/recording/" + recordingId + "/"))
                .withHeader("Authorization", equalTo("Token " + apiKey))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(recording.toString())));
    }

    private static String createTranscriptPath(String recordingId) {
        return "/api/v1/recording/" + recordingId + "/create_transcript/";
    }

    /**
     * Stubs {@code POST /api/v1/recording/{id}/create_transcript/} (Recall's async transcription, asked
     * with a provider) answering a transcript artifact {@code transcriptId} that is still processing.
     */
    public static void stubTranscriptRequest(String recordingId, String transcriptId) {
        ObjectNode artifact = transcriptArtifact(recordingId, transcriptId, "processing", null);
        ((ObjectNode) artifact.get("data")).putNull("download_url").putNull("provider_data_download_url");
        WireMockResource.server().register(post(urlEqualTo(createTranscriptPath(recordingId)))
                .withHeader("Authorization", equalTo("Token test-recall-key"))
                .withRequestBody(matchingJsonPath("$.provider"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(artifact.toString())));
    }

    /** How many times Intake asked Recall to transcribe the recording. */
    public static int transcriptRequests(String recordingId) {
        return WireMockResource.server().find(postRequestedFor(urlEqualTo(createTranscriptPath(recordingId)))).size();
    }

    /**
     * Stubs {@code GET /api/v1/transcript/{id}/} in state {@code code} ({@code processing}, {@code done},
     * {@code failed}); when done, its download URL serves {@code transcriptJson} from WireMock.
     */
    public static void stubTranscript(String recordingId, String transcriptId, String code, String subCode,
                                      String transcriptJson) {
        ObjectNode artifact = transcriptArtifact(recordingId, transcriptId, code, subCode);
        ObjectNode data = (ObjectNode) artifact.get("data");
        if (transcriptJson == null) {
            data.putNull("download_url").putNull("provider_data_download_url");
        } else {
            String path = "/media/transcript-" + transcriptId + ".json";
            data.put("download_url", WireMockResource.baseUrl() + path + "?X-Amz-Signature=jkl");
            WireMockResource.server().register(get(urlEqualTo(path + "?X-Amz-Signature=jkl"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(transcriptJson)));
        }
        WireMockResource.server().register(get(urlEqualTo("/api/v1/transcript/" + transcriptId + "/"))
                .withHeader("Authorization", equalTo("Token test-recall-key"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(artifact.toString())));
    }

    private static ObjectNode transcriptArtifact(String recordingId, String transcriptId, String code, String subCode) {
        ObjectNode artifact = contract("recall-transcript-artifact.json");
        artifact.put("id", transcriptId);
        ((ObjectNode) artifact.get("recording")).put("id", recordingId);
        ((ObjectNode) artifact.get("status")).put("code", code).put("sub_code", subCode);
        return artifact;
    }

    /** A transcript status event ({@code transcript.done}, {@code transcript.failed}) for the recording's transcript. */
    public static byte[] transcriptEvent(String type, String recordingId, String transcriptId, String subCode) {
        ObjectNode event = contract("recall-transcript-done.json");
        event.put("event", type);
        ObjectNode data = (ObjectNode) event.get("data");
        ((ObjectNode) data.get("data")).put("code", type.substring(type.indexOf('.') + 1)).put("sub_code", subCode);
        ((ObjectNode) data.get("transcript")).put("id", transcriptId);
        ((ObjectNode) data.get("recording")).put("id", recordingId);
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String transcript() {
        try {
            return Files.readString(Path.of("src/test/resources/contracts/recall-transcript.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
