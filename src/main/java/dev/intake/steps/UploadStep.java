package dev.intake.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.intake.IntakeConfig;
import dev.intake.ingest.MediaBucket;
import dev.intake.ingest.MediaKey;
import dev.intake.providers.transcription.Transcript;
import dev.intake.providers.transcription.TranscriptFormat;
import dev.intake.providers.transcription.TranscriptParseException;
import dev.intake.providers.transcription.TranscriptParser;
import dev.intake.store.TranscriptStore;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepFailure;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Brings the interview's media in and turns it into a transcript. A transcript file (WebVTT, SRT,
 * text) is parsed as it streams from the bucket; audio and video need a transcription provider.
 */
@ApplicationScoped
public class UploadStep implements StepHandler {

    private static final Set<String> AUDIO_VIDEO = Set.of(
            "mp3", "m4a", "wav", "aac", "ogg", "oga", "opus", "flac", "webm", "mp4", "m4v", "mov", "mkv", "avi", "mpeg", "mpg");

    private final MediaBucket bucket;
    private final TranscriptStore transcripts;
    private final long maxTranscriptBytes;

    UploadStep(MediaBucket bucket, TranscriptStore transcripts, IntakeConfig config) {
        this.bucket = bucket;
        this.transcripts = transcripts;
        this.maxTranscriptBytes = config.maxTranscriptBytes();
    }

    @Override
    public Step step() {
        return Step.UPLOAD;
    }

    @Override
    public JsonObject run(StepContext context) {
        String key = context.interview().mediaKey();
        if (key == null) {
            throw StepFailure.permanent("the interview has no media: nothing was uploaded for it");
        }
        String fileName = MediaKey.parse(key).map(MediaKey::fileName).orElse(key);
        Optional<TranscriptFormat> format = TranscriptFormat.forFileName(fileName);
        if (format.isEmpty()) {
            throw unsupported(fileName);
        }
        Transcript transcript = parse(key, format.get());
        transcripts.save(context.lease(), transcript, key);
        return new JsonObject();
    }

    private Transcript parse(String key, TranscriptFormat format) {
        try (InputStream in = bucket.open(key)) {
            return TranscriptParser.parse(format, in, maxTranscriptBytes);
        } catch (MediaBucket.MissingObjectException e) {
            throw StepFailure.permanent("the uploaded file is gone: " + e.getMessage());
        } catch (TranscriptParseException e) {
            throw StepFailure.permanent("the transcript could not be read: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key + " from the bucket failed", e);
        }
    }

    private static StepFailure unsupported(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (AUDIO_VIDEO.contains(extension)) {
            return StepFailure.permanent("'" + fileName + "' is audio or video, and no transcription provider is"
                    + " configured to turn it into a transcript; upload a transcript (.vtt, .srt, .txt) instead");
        }
        return StepFailure.permanent("'" + fileName + "' is not a file Intake can read: expected a transcript"
                + " (.vtt, .srt, .txt) or audio/video");
    }
}
