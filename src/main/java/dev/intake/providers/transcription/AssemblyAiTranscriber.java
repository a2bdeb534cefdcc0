package dev.intake.providers.transcription;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.IntakeConfig;
import dev.intake.providers.http.ProviderException;
import dev.intake.providers.http.ProviderHttp;

/**
 * AssemblyAI: the media is handed over as a presigned URL with speaker labels asked for, and the
 * transcript polled until it is {@code completed} or {@code error}. Times come in milliseconds.
 */
final class AssemblyAiTranscriber implements TranscriptionProvider {

    private static final String NAME = "AssemblyAI";

    private final ProviderHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private final IntakeConfig.Transcription.AssemblyAi config;
    private final String apiKey;
    private final String baseUrl;

    AssemblyAiTranscriber(ProviderHttp http, ObjectMapper json, Clock clock, IntakeConfig.Transcription.AssemblyAi config) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.apiKey = config.apiKey().orElseThrow(() -> new IllegalStateException(
                "intake.transcription.assemblyai.api-key is required when the provider is assemblyai"));
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Transcript transcribe(MediaSource media) {
        ObjectNode submit = json.createObjectNode()
                .put("audio_url", media.temporaryUrl(config.mediaUrlValidity()).toString())
                .put("speaker_labels", true);
        config.speechModel().ifPresent(model -> submit.put("speech_model", model));
        JsonNode queued = http.sendForJson(NAME, () -> request("/v2/transcript")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(submit.toString())));
        String id = queued.path("id").asText(null);
        if (id == null) {
            throw ProviderException.permanent(NAME + " accepted the media but returned no transcript id");
        }
        Instant deadline = clock.instant().plus(config.maxWait());
        while (true) {
            JsonNode transcript = http.sendForJson(NAME, () -> request("/v2/transcript/" + id).GET());
            switch (transcript.path("status").asText("")) {
                case "completed" -> {
                    return transcriptOf(transcript);
                }
                case "error" -> throw ProviderException.permanent(NAME + " could not transcribe '" + media.fileName()
                        + "': " + transcript.path("error").asText("no reason given"));
                default -> {
                    if (clock.instant().isAfter(deadline)) {
                        throw ProviderException.transientFailure(NAME + " transcript " + id + " was not ready after "
                                + config.maxWait().toMinutes() + " min");
                    }
                    pause(config.pollInterval());
                }
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", apiKey);
    }

    static Transcript transcriptOf(JsonNode transcript) {
        List<Utterance> utterances = new ArrayList<>();
        JsonNode turns = transcript.path("utterances");
        if (turns.isArray() && !turns.isEmpty()) {
            for (JsonNode turn : turns) {
                utterances.add(new Utterance("Speaker " + turn.path("speaker").asText("?"),
                        seconds(turn.path("start")), seconds(turn.path("end")), turn.path("text").asText("")));
            }
        } else if (transcript.path("text").isTextual() && !transcript.path("text").asText().isBlank()) {
            double end = transcript.path("audio_duration").asDouble(0);
            utterances.add(new Utterance(null, 0.0, end, transcript.path("text").asText()));
        }
        if (utterances.isEmpty()) {
            throw ProviderException.permanent(NAME + " returned a completed transcript with no text");
        }
        return new Transcript("assemblyai", utterances);
    }

    private static double seconds(JsonNode milliseconds) {
        if (!milliseconds.isNumber()) {
            throw ProviderException.permanent(NAME + " returned an utterance without times");
        }
        return milliseconds.asDouble() / 1000.0;
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.transientFailure("interrupted while waiting for " + NAME);
        }
    }
}
