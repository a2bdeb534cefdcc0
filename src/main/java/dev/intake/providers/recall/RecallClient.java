package dev.intake.providers.recall;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.IntakeConfig;
import dev.intake.secrets.Secret;
import dev.intake.secrets.SecretField;
import dev.intake.secrets.Secrets;
import jakarta.enterprise.context.ApplicationScoped;

/** Recall.ai's REST API ({@code Authorization: Token <key>}), at the configured region's base URL. */
@ApplicationScoped
public class RecallClient {

    /** Per call, connecting included; calls are not retried. Counted in the upload step's time budget. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final Secret apiKey;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    RecallClient(IntakeConfig config, Secrets secrets, ObjectMapper json) {
        this.baseUrl = config.recall().baseUrl().replaceAll("/+$", "");
        this.apiKey = secrets.of(SecretField.RECALL_API_KEY);
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
        JsonNode created = send("/api/v1/recording/" + recordingId + "/create_transcript/", request -> request
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
        return send(path, HttpRequest.Builder::GET, what);
    }

    /**
     * The call with the API key as it is now. A key refused (401, 403) is tried once more with the key read
     * again when that differs, so a rotated key takes effect at once (counted as a second call in the
     * upload step's time budget).
     */
    private JsonNode send(String path, UnaryOperator<HttpRequest.Builder> method, String what) {
        String key = currentKey();
        HttpResponse<String> response = exchange(method.apply(request(path, key)).build());
        if (refused(response) && apiKey.refused(key)) {
            String renewed = currentKey();
            if (!renewed.equals(key)) {
                response = exchange(method.apply(request(path, renewed)).build());
            }
        }
        return answer(response, what);
    }

    private String currentKey() {
        return apiKey.current().orElseThrow(() -> new RecallApiException(
                "no Recall.ai API key is configured (" + SecretField.RECALL_API_KEY.whereToSet() + ")", false));
    }

    private HttpRequest.Builder request(String path, String key) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Token " + key)
                .header("Accept", "application/json");
    }

    private static boolean refused(HttpResponse<String> response) {
        return response.statusCode() == 401 || response.statusCode() == 403;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RecallApiException("could not reach Recall.ai: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecallApiException("interrupted while calling Recall.ai", true);
        }
    }

    private JsonNode answer(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        if (status == 404) {
            throw new RecallApiException("Recall.ai has no " + what, false);
        }
        if (refused(response)) {
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
