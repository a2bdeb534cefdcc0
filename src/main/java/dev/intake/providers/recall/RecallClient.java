package dev.intake.providers.recall;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.providers.http.CallFailure;
import dev.intake.providers.http.ProviderHttp;
import dev.intake.secrets.Secret;
import dev.intake.secrets.SecretField;
import dev.intake.secrets.Secrets;
import dev.intake.workflow.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/** Recall.ai's REST API ({@code Authorization: Token <key>}), at the configured region's base URL. */
@ApplicationScoped
public class RecallClient {

    private static final String RECALL = "Recall.ai";
    /** Per attempt, connecting included. Counted in the upload step's time budget (engine/TimeBudgets). */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    /**
     * A throttled, busy or unreachable Recall.ai is asked once more after a short wait (or its
     * Retry-After); longer outages are the upload step's own retries, which release the Lambda meanwhile.
     */
    public static final RetryPolicy RETRY = RetryPolicy.doubling(2, Duration.ofSeconds(1), Duration.ofSeconds(5));

    private final String baseUrl;
    private final Secret apiKey;
    private final ObjectMapper json;
    private final ProviderHttp http;

    RecallClient(RecallConfig config, Secrets secrets, ObjectMapper json, Clock clock) {
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
        this.apiKey = secrets.of(SecretField.RECALL_API_KEY);
        this.json = json;
        this.http = new ProviderHttp(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), RETRY, TIMEOUT, json, clock);
    }

    /** The longest one call can take: every attempt at its timeout, and the waits between them. */
    public static Duration longestCall() {
        return RETRY.longestCall(TIMEOUT);
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
            throw CallFailure.permanent("Recall.ai bot " + botId + " has no recording");
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
        return text(created.path("id")).orElseThrow(() -> CallFailure.permanent(
                "Recall.ai accepted the transcript request for recording " + recordingId + " but returned no id"));
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
     * The call through {@link ProviderHttp}, as every provider is called: backoff on 429, 409 (the same
     * idempotent request still in progress at Recall), 5xx and the network; a refused key tried again
     * once it was rotated; a 404 said as what Recall.ai does not have.
     */
    private JsonNode send(String path, UnaryOperator<HttpRequest.Builder> method, String what) {
        try {
            return http.sendForJson(RECALL, apiKey, key -> method.apply(request(path, key.orElseThrow(() -> CallFailure.permanent(
                    "no Recall.ai API key is configured (" + SecretField.RECALL_API_KEY.whereToSet() + ")")))));
        } catch (CallFailure e) {
            if (e.status().orElse(0) == 404) {
                throw CallFailure.permanent("Recall.ai has no " + what);
            }
            throw e;
        }
    }

    private HttpRequest.Builder request(String path, String key) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Token " + key)
                .header("Accept", "application/json");
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
