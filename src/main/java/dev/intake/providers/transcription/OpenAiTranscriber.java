package dev.intake.providers.transcription;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;
import dev.intake.providers.http.CallFailure;
import dev.intake.providers.http.ProviderHttp;
import dev.intake.secrets.Secret;

/**
 * Any OpenAI-compatible {@code /v1/audio/transcriptions} endpoint (OpenAI, local Whisper servers,
 * vLLM): the media is streamed from the bucket as the multipart body, never held in memory, and the
 * {@code verbose_json} segments (seconds) become utterances. These endpoints do not tell speakers apart.
 */
final class OpenAiTranscriber implements TranscriptionProvider {

    private static final String NAME = "the transcription endpoint";

    private final ProviderHttp http;
    private final String url;
    private final Secret apiKey;
    private final String model;

    OpenAiTranscriber(ProviderHttp http, TranscriptionConfig.OpenAiTranscription config) {
        this.http = http;
        this.url = config.baseUrl().replaceAll("/+$", "") + "/v1/audio/transcriptions";
        // Not one of the deployment's secrets: a plain setting (local Whisper servers need none).
        this.apiKey = Secret.fixed(config.apiKey());
        this.model = config.model();
    }

    @Override
    public String name() {
        return "openai";
    }

    /** The endpoint answers with the transcript: done at once. */
    @Override
    public TranscriptionProgress start(MediaSource media) {
        return new TranscriptionProgress.Done(transcribe(media));
    }

    private Transcript transcribe(MediaSource media) {
        String boundary = "intake-" + UUID.randomUUID();
        byte[] head = (field(boundary, "model", model) + field(boundary, "response_format", "verbose_json")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + media.fileName().replace("\"", "") + "\"\r\nContent-Type: " + media.contentType() + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = head.length + media.size() + tail.length;
        JsonNode answer = http.sendForJson(NAME, apiKey, key -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> body(head, media, tail)), length));
            key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
            return request;
        });
        return transcriptOf(answer);
    }

    private static InputStream body(byte[] head, MediaSource media, byte[] tail) {
        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head), media.open()),
                new ByteArrayInputStream(tail));
    }

    private static String field(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    static Transcript transcriptOf(JsonNode answer) {
        List<Utterance> utterances = new ArrayList<>();
        JsonNode segments = answer.path("segments");
        if (segments.isArray()) {
            for (JsonNode segment : segments) {
                String text = segment.path("text").asText("").strip();
                if (!text.isEmpty()) {
                    if (!segment.path("start").isNumber() || !segment.path("end").isNumber()) {
                        throw CallFailure.permanent(NAME + " returned a segment without start and end seconds");
                    }
                    utterances.add(new Utterance(null, segment.path("start").asDouble(), segment.path("end").asDouble(), text));
                }
            }
        }
        if (utterances.isEmpty() && answer.path("text").isTextual() && !answer.path("text").asText().isBlank()) {
            utterances.add(new Utterance(null, 0.0, answer.path("duration").asDouble(0), answer.path("text").asText()));
        }
        if (utterances.isEmpty()) {
            throw CallFailure.permanent(NAME + " returned no text (was response_format verbose_json honoured?)");
        }
        return new Transcript("openai", utterances);
    }
}
