package dev.intake.providers.transcription;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;
import dev.intake.providers.http.CallFailure;
import dev.intake.providers.http.ProviderHttp;
import dev.intake.secrets.Secret;
import dev.intake.secrets.SecretField;
import dev.intake.workflow.Durations;

/**
 * AssemblyAI: the media is handed over once, as a presigned URL with speaker labels asked for, and the
 * transcript checked by its id until it is {@code completed} or {@code error}, one check per invocation
 * of the upload step, so a long transcription holds no Lambda while it runs. Times come in milliseconds.
 */
final class AssemblyAiTranscriber implements TranscriptionProvider {

    private static final String NAME = "AssemblyAI";

    private final ProviderHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private final TranscriptionConfig.AssemblyAi config;
    private final Secret apiKey;
    private final String baseUrl;

    AssemblyAiTranscriber(ProviderHttp http, ObjectMapper json, Clock clock, TranscriptionConfig.AssemblyAi config,
                          Secret apiKey) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.apiKey = apiKey;
        this.baseUrl = config.baseUrl().replaceAll("/+$", "");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Submits the media; AssemblyAI answers at once with the transcript's id, queued. */
    @Override
    public TranscriptionProgress start(MediaSource media) {
        ObjectNode submit = json.createObjectNode()
                .put("audio_url", media.temporaryUrl(config.mediaUrlValidity()).toString())
                .put("speaker_labels", true);
        config.speechModel().ifPresent(model -> submit.put("speech_model", model));
        JsonNode queued = http.sendForJson(NAME, apiKey, key -> request("/v2/transcript", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(submit.toString())));
        String id = queued.path("id").asText(null);
        if (id == null) {
            throw CallFailure.permanent(NAME + " accepted the media but returned no transcript id");
        }
        return new TranscriptionProgress.Running(id, queued.path("status").asText("queued"), config.pollInterval());
    }

    /**
     * One look at the transcript. Past the longest wait it fails without forgetting the job, so a
     * repair looks at the same transcript again rather than paying for another.
     */
    @Override
    public TranscriptionProgress check(String jobId, Instant submittedAt, String fileName) {
        JsonNode transcript = http.sendForJson(NAME, apiKey, key -> request("/v2/transcript/" + jobId, key).GET());
        String status = transcript.path("status").asText("");
        return switch (status) {
            case "completed" -> new TranscriptionProgress.Done(transcriptOf(transcript));
            case "error" -> new TranscriptionProgress.Failed(NAME + " could not transcribe '" + fileName + "': "
                    + transcript.path("error").asText("no reason given"));
            default -> stillRunning(jobId, status.isEmpty() ? "no status given" : status, submittedAt, fileName);
        };
    }

    private TranscriptionProgress stillRunning(String jobId, String status, Instant submittedAt, String fileName) {
        Duration waited = Duration.between(submittedAt, clock.instant());
        if (waited.compareTo(config.maxWait()) > 0) {
            throw CallFailure.permanent(NAME + " had not finished transcript " + jobId + " of '" + fileName + "' "
                    + Durations.readable(waited) + " after it was submitted (" + status
                    + "); a repair checks the same transcript again");
        }
        return new TranscriptionProgress.Running(jobId, status, config.pollInterval());
    }

    private HttpRequest.Builder request(String path, Optional<String> key) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", key.orElseThrow(() ->
                CallFailure.permanent("no AssemblyAI API key is configured ("
                        + SecretField.ASSEMBLYAI_API_KEY.whereToSet() + "); it is needed when the provider is assemblyai")));
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
            throw CallFailure.permanent(NAME + " returned a completed transcript with no text");
        }
        return new Transcript("assemblyai", utterances);
    }

    private static double seconds(JsonNode milliseconds) {
        if (!milliseconds.isNumber()) {
            throw CallFailure.permanent(NAME + " returned an utterance without times");
        }
        return milliseconds.asDouble() / 1000.0;
    }
}
