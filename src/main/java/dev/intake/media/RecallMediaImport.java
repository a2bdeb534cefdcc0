package dev.intake.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.interview.Transcript;
import dev.intake.media.MediaCopier;
import dev.intake.media.MediaDownload;
import dev.intake.media.MediaKey;
import dev.intake.providers.http.CallFailure;
import dev.intake.providers.recall.RecallClient;
import dev.intake.providers.recall.RecallConfig;
import dev.intake.providers.recall.RecallRecording;
import dev.intake.providers.recall.RecallTranscript;
import dev.intake.providers.transcription.RecallTranscriptParser;
import dev.intake.providers.transcription.SizeLimitedInputStream;
import dev.intake.providers.transcription.TranscriptParseException;
import dev.intake.providers.transcription.TranscriptionProgress;
import dev.intake.store.Interview;
import dev.intake.workflow.Durations;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Brings a Recall.ai recording in: its mixed video streamed into the bucket, and Recall's transcript
 * turned into the interview's, so a Recall import needs no transcription provider. A recording without
 * a transcript gets one from Recall (its async transcription), asked for once and then checked.
 */
@ApplicationScoped
public class RecallMediaImport {

    private final RecallClient recall;
    private final GuardedHttp http;
    private final MediaCopier copier;
    private final ObjectMapper json;
    private final long maxMediaBytes;
    private final long maxTranscriptBytes;
    private final RecallConfig config;
    private final JsonNode transcriptProvider;
    private final Clock clock;

    RecallMediaImport(RecallClient recall, GuardedHttp http, MediaCopier copier, ObjectMapper json, RecallConfig config,
                      UrlImportConfig urlImport, MediaConfig media, Clock clock) {
        this.recall = recall;
        this.http = http;
        this.copier = copier;
        this.json = json;
        this.maxMediaBytes = urlImport.maxBytes();
        this.maxTranscriptBytes = media.maxTranscriptBytes();
        this.config = config;
        this.clock = clock;
        try {
            this.transcriptProvider = json.readTree(this.config.transcriptProvider());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("intake.recall.transcript-provider is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!transcriptProvider.isObject()) {
            throw new IllegalStateException("intake.recall.transcript-provider must be a JSON object such as"
                    + " {\"recallai_async\": {\"language_code\": \"en\"}}");
        }
    }

    /**
     * What came in: the recording's id, the video's key if it had one, and Recall's transcript if it had
     * one; {@code copied} when the video was copied now, and so the transcript is left for later.
     */
    public record Imported(String recordingId, Optional<MediaKey> video, Optional<Transcript> transcript, boolean copied) {
    }

    /**
     * Copies the recording's video, or, when an earlier invocation did ({@code mediaKey} recorded), reads
     * its transcript. Never both: the copy alone may take most of the upload step's time budget.
     */
    public Imported importRecording(Interview interview) {
        Interview.Source source = interview.source();
        String recordingId = source.recallRecordingId() != null
                ? source.recallRecordingId()
                : recall.recordingOfBot(source.recallBotId());
        RecallRecording recording = recall.recording(recordingId);
        Optional<MediaKey> copied = Optional.ofNullable(interview.mediaKey()).flatMap(MediaKey::parse);
        if (copied.isEmpty() && recording.videoUrl().isPresent()) {
            return new Imported(recordingId, Optional.of(copyVideo(interview, recording)), Optional.empty(), true);
        }
        return new Imported(recordingId, copied, recording.transcriptUrl().map(this::transcript), false);
    }

    private MediaKey copyVideo(Interview interview, RecallRecording recording) {
        return recording.videoUrl().map(url -> {
            MediaKey key = new MediaKey(interview.accountId(), interview.projectId(), interview.id(),
                    "recording." + recording.videoFormat());
            try (MediaDownload download = http.open(url)) {
                copier.copy(download.body(), download.contentLength(), "video/" + recording.videoFormat(), key.key(),
                        maxMediaBytes);
            } catch (IOException e) {
                throw new UncheckedIOException("closing the Recall.ai video download failed", e);
            }
            return key;
        }).orElseThrow();
    }

    /**
     * Asks Recall.ai to transcribe a recording that has no transcript (its async transcription). The
     * request is keyed by {@code requestKey}, so Recall runs a retried request once.
     */
    public TranscriptionProgress requestTranscript(String recordingId, String requestKey) {
        String transcriptId = recall.createTranscript(recordingId, transcriptProvider, requestKey);
        return new TranscriptionProgress.Running(transcriptId, "processing", config.transcriptCheckEvery());
    }

    /** Where the transcript Recall.ai was asked for at {@code requestedAt} has got to; once done, the transcript. */
    public TranscriptionProgress checkTranscript(String recordingId, String transcriptId, Instant requestedAt) {
        RecallTranscript transcript = recall.transcript(transcriptId);
        return switch (transcript.code()) {
            case "done" -> new TranscriptionProgress.Done(transcript(transcript.downloadUrl().orElseThrow(() ->
                    CallFailure.transientFailure("Recall.ai says transcript " + transcriptId + " is done but gives no download URL"))));
            case "failed", "deleted" -> new TranscriptionProgress.Failed("Recall.ai could not transcribe recording "
                    + recordingId + " (" + transcript.subCode().orElse("transcript " + transcript.code()) + ")");
            default -> stillRunning(recordingId, transcript, requestedAt);
        };
    }

    private TranscriptionProgress stillRunning(String recordingId, RecallTranscript transcript, Instant requestedAt) {
        Duration waited = Duration.between(requestedAt, clock.instant());
        if (waited.compareTo(config.transcriptMaxWait()) > 0) {
            throw CallFailure.permanent("Recall.ai had not finished transcript " + transcript.id() + " of recording "
                    + recordingId + " " + Durations.readable(waited) + " after it was asked for (" + transcript.code()
                    + "); a repair checks the same transcript again");
        }
        return new TranscriptionProgress.Running(transcript.id(), transcript.code(), config.transcriptCheckEvery());
    }

    private Transcript transcript(String url) {
        try (MediaDownload download = http.open(url)) {
            return RecallTranscriptParser.parse(json.readTree(new SizeLimitedInputStream(download.body(), maxTranscriptBytes)));
        } catch (JsonProcessingException e) {
            throw new TranscriptParseException("the Recall.ai transcript is not JSON");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the Recall.ai transcript failed: " + e.getMessage(), e);
        }
    }
}
