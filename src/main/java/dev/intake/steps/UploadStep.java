package dev.intake.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import dev.intake.IntakeConfig;
import dev.intake.ingest.FetchFailure;
import dev.intake.ingest.MediaBucket;
import dev.intake.ingest.MediaCopier;
import dev.intake.ingest.MediaKey;
import dev.intake.ingest.RecallMediaImport;
import dev.intake.ingest.UrlGuard;
import dev.intake.ingest.UrlMediaImport;
import dev.intake.providers.recall.RecallApiException;
import dev.intake.providers.transcription.Transcript;
import dev.intake.providers.transcription.TranscriptFormat;
import dev.intake.providers.transcription.TranscriptParseException;
import dev.intake.providers.transcription.TranscriptParser;
import dev.intake.providers.transcription.TranscriptionProvider;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.TranscriptStore;
import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepFailure;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Brings the interview's media into the bucket and turns it into a transcript. Uploads are already
 * in the bucket; URL imports and Recall.ai recordings are streamed in first. A transcript file (WebVTT,
 * SRT, text) is parsed as it streams from the bucket, Recall's transcript is taken as it is, and audio
 * or video goes to the configured transcription provider.
 */
@ApplicationScoped
public class UploadStep implements StepHandler {

    private final MediaBucket bucket;
    private final TranscriptStore transcripts;
    private final InterviewStore interviews;
    private final UrlMediaImport urlImport;
    private final RecallMediaImport recallImport;
    private final TranscriptionProvider transcriber;
    private final long maxTranscriptBytes;

    UploadStep(MediaBucket bucket, TranscriptStore transcripts, InterviewStore interviews, UrlMediaImport urlImport,
               RecallMediaImport recallImport, TranscriptionProvider transcriber, IntakeConfig config) {
        this.transcriber = transcriber;
        this.bucket = bucket;
        this.transcripts = transcripts;
        this.interviews = interviews;
        this.urlImport = urlImport;
        this.recallImport = recallImport;
        this.maxTranscriptBytes = config.maxTranscriptBytes();
    }

    @Override
    public Step step() {
        return Step.UPLOAD;
    }

    @Override
    public JsonObject run(StepContext context) {
        try {
            Interview interview = context.interview();
            switch (interview.source().origin()) {
                case URL -> fromUrl(context, interview);
                case RECALL -> fromRecall(context, interview);
                case UPLOAD -> fromBucket(context, interview.mediaKey());
            }
            return new JsonObject();
        } catch (UrlGuard.UnsafeUrlException e) {
            throw StepFailure.permanent("the media URL is not allowed: " + e.getMessage());
        } catch (UrlMediaImport.UnsupportedMediaException | MediaCopier.TooLargeException e) {
            throw StepFailure.permanent(e.getMessage());
        } catch (FetchFailure e) {
            throw new StepFailure(e.isTransient() ? ErrorKind.TRANSIENT : ErrorKind.PERMANENT,
                    "fetching the media failed: " + e.getMessage(), e);
        } catch (RecallApiException e) {
            throw new StepFailure(e.isTransient() ? ErrorKind.TRANSIENT : ErrorKind.PERMANENT, e.getMessage(), e);
        } catch (TranscriptParseException e) {
            throw StepFailure.permanent("the transcript could not be read: " + e.getMessage());
        }
    }

    private void fromUrl(StepContext context, Interview interview) {
        MediaKey key = urlImport.copy(interview.accountId(), interview.projectId(), interview.id(),
                interview.source().sourceUrl());
        interviews.setMedia(context.lease(), key.key(), null);
        fromBucket(context, key.key());
    }

    private void fromRecall(StepContext context, Interview interview) {
        RecallMediaImport.Imported imported = recallImport.importRecording(interview);
        interviews.setMedia(context.lease(), imported.video().map(MediaKey::key).orElse(null), imported.recordingId());
        if (imported.transcript().isPresent()) {
            transcripts.save(context.lease(), imported.transcript().get(),
                    imported.video().map(MediaKey::key).orElse("recall:" + imported.recordingId()));
            return;
        }
        MediaKey video = imported.video().orElseThrow(() -> StepFailure.permanent("Recall.ai recording "
                + imported.recordingId() + " has neither a video nor a transcript to import"));
        transcribe(context, video.key(), video.fileName());
    }

    private void fromBucket(StepContext context, String key) {
        if (key == null) {
            throw StepFailure.permanent("the interview has no media: nothing was uploaded for it");
        }
        String fileName = MediaKey.parse(key).map(MediaKey::fileName).orElse(key);
        Optional<TranscriptFormat> format = TranscriptFormat.forFileName(fileName);
        if (format.isPresent()) {
            transcripts.save(context.lease(), parse(key, format.get()), key);
        } else if (isAudioOrVideo(fileName)) {
            transcribe(context, key, fileName);
        } else {
            throw StepFailure.permanent("'" + fileName + "' is not a file Intake can read: expected a transcript"
                    + " (.vtt, .srt, .txt) or audio/video");
        }
    }

    private void transcribe(StepContext context, String key, String fileName) {
        Transcript transcript;
        try {
            transcript = transcriber.transcribe(bucket.source(key, fileName));
        } catch (MediaBucket.MissingObjectException e) {
            throw StepFailure.permanent("the uploaded file is gone: " + e.getMessage());
        }
        transcripts.save(context.lease(), transcript, key);
    }

    private Transcript parse(String key, TranscriptFormat format) {
        try (InputStream in = bucket.open(key)) {
            return TranscriptParser.parse(format, in, maxTranscriptBytes);
        } catch (MediaBucket.MissingObjectException e) {
            throw StepFailure.permanent("the uploaded file is gone: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key + " from the bucket failed", e);
        }
    }

    private static boolean isAudioOrVideo(String fileName) {
        return dev.intake.ingest.MediaTypes.isAudioOrVideoFile(fileName);
    }
}
