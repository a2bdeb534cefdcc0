package dev.intake.providers.recall;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Recall.ai's REST API ({@code Authorization: Token <key>}), at the configured region's base URL. */
@ApplicationScoped
public class RecallClient {

    /** Per call, connecting included; calls are not retried. Counted in the upload step's time budget. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final Optional<String> apiKey;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    RecallClient(IntakeConfig config, ObjectMapper json) {
        this.baseUrl = config.recall().baseUrl().replaceAll("/+$", "");
        this.apiKey = config.recall().apiKey();
        this.json = json;
    }

    /** {@code GET /api/v1/recording/{id}/}: the recording's media and transcript download URLs. */
    public RecallRecording recording(String id) {
        JsonNode recording = get("/api/v1/recording/" + id + "/", "recording " + id);
        JsonNode shortcuts = recording.path("media_shortcuts");
        JsonNode video = shortcuts.path("video_mixed");
        JsonNode transcript = shortcuts.path("transcript");
        return new RecallRecording(id,
                text(video.path("data").path("download_url")),
                video.path("format").asText("mp4"),
                text(transcript.path("data").path("download_url")));
    }

    /** {@code GET /api/v1/bot/{id}/}: the id of the bot's (first) recording. */
    public String recordingOfBot(String botId) {
        JsonNode recordings = get("/api/v1/bot/" + botId + "/", "bot " + botId).path("recordings");
        if (!recordings.isArray() || recordings.isEmpty() || !recordings.get(0).hasNonNull("id")) {
            throw new RecallApiException("Recall.ai bot " + botId + " has no recording", false);
        }
        return recordings.get(0).get("id").asText();
    }

    /**
     * {@code POST /api/v1/recording/{id}/create_transcript/}: asks Recall.ai to transcribe the recording
     * with {@code provider} (Create Async Transcript's provider object); the transcript's id. Recall
     * runs the request once per {@code idempotencyKey} within an hour, so a retried request after a lost
     * answer does not start (and pay for) a second transcript.
     */
    public String createTranscript(String recordingId, JsonNode provider, String idempotencyKey) {
        String body = json.createObjectNode().set("provider", provider).toString();
        JsonNode created = send(request("/api/v1/recording/" + recordingId + "/create_transcript/")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)), "recording " + recordingId);
        return text(created.path("id")).orElseThrow(() -> new RecallApiException(
                "Recall.ai accepted the transcript request for recording " + recordingId + " but returned no id", false));
    }

    /** {@code GET /api/v1/transcript/{id}/}: a transcript's status and, once done, its download URL. */
    public RecallTranscript transcript(String id) {
        JsonNode transcript = get("/api/v1/transcript/" + id + "/", "transcript " + id);
        JsonNode status = transcript.path("status");
        return new RecallTranscript(id, status.path("code").asText(""), text(status.path("sub_code")),
                text(transcript.path("data").path("download_url")));
    }

    private JsonNode get(String path, String what) {
        return send(request(path).GET(), what);
    }

    private HttpRequest.Builder request(String path) {
        String key = apiKey.orElseThrow(() -> new RecallApiException(
                "no Recall.ai API key is configured (intake.recall.api-key)", false));
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Token " + key)
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest.Builder builder, String what) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RecallApiException("could not reach Recall.ai: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecallApiException("interrupted while calling Recall.ai", true);
        }
        int status = response.statusCode();
        if (status == 404) {
            throw new RecallApiException("Recall.ai has no " + what, false);
        }
        if (status == 401 || status == 403) {
            throw new RecallApiException("Recall.ai refused the API key (HTTP " + status + ")", false);
        }
        // 409: the same idempotent request is still being processed by Recall; asking again later gets its answer.
        if (status == 429 || status == 409 || status >= 500) {
            throw new RecallApiException("Recall.ai answered HTTP " + status + " for " + what, true);
        }
        if (status < 200 || status >= 300) {
            throw new RecallApiException("Recall.ai answered HTTP " + status + " for " + what + ": " + response.body(), false);
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new RecallApiException("Recall.ai answered with malformed JSON for " + what, false);
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
