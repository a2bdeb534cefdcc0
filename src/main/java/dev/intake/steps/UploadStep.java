package dev.intake.steps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.intake.interview.Transcript;
import dev.intake.interview.TranscriptionJob;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaConfig;
import dev.intake.media.MediaCopier;
import dev.intake.media.MediaKey;
import dev.intake.media.RecallMediaImport;
import dev.intake.media.UrlGuard;
import dev.intake.media.UrlMediaImport;
import dev.intake.providers.http.CallFailure;
import dev.intake.providers.http.CallFailure;
import dev.intake.providers.transcription.TranscriptFormat;
import dev.intake.providers.transcription.TranscriptParseException;
import dev.intake.providers.transcription.TranscriptParser;
import dev.intake.providers.transcription.TranscriptionConfig;
import dev.intake.providers.transcription.TranscriptionProgress;
import dev.intake.providers.transcription.TranscriptionProvider;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.TranscriptStore;
import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.RedactedUrl;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepFailure;
import dev.intake.workflow.StepPending;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Brings the interview's media into the bucket and turns it into a transcript. Uploads are already
 * in the bucket; URL imports and Recall.ai recordings are streamed in first. A transcript file (WebVTT,
 * SRT, text) is parsed as it streams from the bucket, Recall's transcript is taken as it is, and audio
 * or video goes to the configured transcription provider; a Recall recording without a transcript is
 * transcribed by Recall.
 *
 * <p>An invocation that copies media does nothing else: the step lets go and continues at once in a
 * fresh invocation, which finds the media recorded and reads or transcribes it.
 *
 * <p>A transcription made in the background (AssemblyAI, Recall) is asked for once: its job is kept in
 * the interview and the step lets go ({@link StepPending}) until the engine calls it again, and every
 * later invocation (a check, a retry, a resume, a repair) checks that job instead of copying the media
 * and paying for another transcription.
 */
@ApplicationScoped
public class UploadStep implements StepHandler {

    private static final Logger LOG = Logger.getLogger(UploadStep.class);
    /** The provider name a Recall.ai transcript job is kept under. */
    private static final String RECALL = "recall";
    /** The wait between the invocation that copied the media and the next: none to speak of. */
    public static final Duration CONTINUE_AFTER_COPY = Duration.ofSeconds(1);

    private final MediaBucket bucket;
    private final RunTranscripts transcripts;
    /** Where a provider's transcription job is kept while it runs. */
    private final TranscriptStore jobs;
    private final InterviewStore interviews;
    private final UrlMediaImport urlImport;
    private final RecallMediaImport recallImport;
    private final TranscriptionProvider transcriber;
    /** The configured provider's name in intake.transcription.provider, which its jobs are kept under. */
    private final String transcriberKey;
    private final long maxTranscriptBytes;
    private final Clock clock;

    UploadStep(MediaBucket bucket, RunTranscripts transcripts, TranscriptStore jobs, InterviewStore interviews, UrlMediaImport urlImport,
               RecallMediaImport recallImport, TranscriptionProvider transcriber, TranscriptionConfig transcription, MediaConfig media,
               Clock clock) {
        this.transcriber = transcriber;
        this.transcriberKey = transcription.provider();
        this.clock = clock;
        this.bucket = bucket;
        this.transcripts = transcripts;
        this.jobs = jobs;
        this.interviews = interviews;
        this.urlImport = urlImport;
        this.recallImport = recallImport;
        this.maxTranscriptBytes = media.maxTranscriptBytes();
    }

    @Override
    public Step step() {
        return Step.UPLOAD;
    }

    @Override
    public JsonObject run(StepContext context) {
        try {
            Interview interview = context.interview();
            String mediaKey = mediaKeyOf(interview);
            Optional<TranscriptionJob> job = TranscriptionJob.of(interview.run())
                    .filter(j -> j.transcribes(mediaKey));
            if (job.isPresent() && followed(context, interview, job.get())) {
                return new JsonObject();
            }
            switch (interview.source().origin()) {
                case URL -> fromUrl(context, interview, mediaKey);
                case RECALL -> fromRecall(context, interview);
                case UPLOAD -> fromBucket(context, mediaKey);
            }
            return new JsonObject();
        } catch (UrlGuard.UnsafeUrlException e) {
            throw StepFailure.permanent("the media URL is not allowed: " + e.getMessage());
        } catch (UrlMediaImport.UnsupportedMediaException | MediaCopier.TooLargeException e) {
            throw StepFailure.permanent(e.getMessage());
        } catch (TranscriptParseException e) {
            throw StepFailure.permanent("the transcript could not be read: " + e.getMessage());
        }
    }

    /**
     * Checks the job an earlier invocation started; false when the job is the configured provider's no
     * longer (the provider was changed), and the media is to be transcribed afresh.
     */
    private boolean followed(StepContext context, Interview interview, TranscriptionJob job) {
        if (job.provider().equals(RECALL)) {
            String recordingId = interview.source().recallRecordingId();
            follow(context, recallImport.checkTranscript(recordingId, job.id(), job.submittedAt()), Optional.of(job),
                    Transcribing.byRecall(job.mediaKey(), recordingId));
            return true;
        }
        if (!job.provider().equals(transcriberKey)) {
            LOG.infof("interview %s: transcript %s was submitted to %s, which is no longer the provider; %s transcribes"
                    + " the media afresh", interview.id(), job.id(), job.provider(), transcriberKey);
            return false;
        }
        follow(context, transcriber.check(job.id(), job.submittedAt(), fileNameOf(job.mediaKey())), Optional.of(job),
                byTranscriber(job.mediaKey()));
        return true;
    }

    /**
     * A transcription in the words the step needs: the provider its job is kept under, the media it
     * reads, what the transcript is saved as coming from, and who makes it of what, for the status detail.
     */
    private record Transcribing(String provider, String mediaKey, String savedAs, String who, String what) {

        static Transcribing byRecall(String videoKey, String recordingId) {
            return new Transcribing(RECALL, videoKey, videoKey != null ? videoKey : "recall:" + recordingId, "Recall.ai",
                    "recording " + recordingId);
        }
    }

    private Transcribing byTranscriber(String key) {
        return new Transcribing(transcriberKey, key, key, transcriber.name(), "'" + fileNameOf(key) + "'");
    }

    /**
     * Acts on where a transcription stands: a transcript is saved; a job still running is kept (once)
     * and the step lets go until its next check; a job the provider gave up on is forgotten, so a
     * repair asks afresh, and the step fails with the provider's reason.
     */
    private void follow(StepContext context, TranscriptionProgress progress, Optional<TranscriptionJob> recorded,
                        Transcribing transcribing) {
        if (progress instanceof TranscriptionProgress.Done done) {
            transcripts.save(context, done.transcript(), transcribing.savedAs());
        } else if (progress instanceof TranscriptionProgress.Running running) {
            if (recorded.filter(job -> job.id().equals(running.jobId())).isEmpty()) {
                jobs.recordJob(context.lease(), new TranscriptionJob(transcribing.provider(), running.jobId(),
                        transcribing.mediaKey(), clock.instant()));
            }
            throw StepPending.waitingFor("Waiting for " + transcribing.who() + " to transcribe " + transcribing.what()
                    + " (" + running.state() + ")", running.checkAgainIn());
        } else if (progress instanceof TranscriptionProgress.Failed failed) {
            if (recorded.isPresent()) {
                jobs.forgetJob(context.lease());
            }
            throw StepFailure.permanent(failed.reason());
        }
    }

    /** The media copied by an earlier invocation, or copied now: then the step continues in the next one. */
    private void fromUrl(StepContext context, Interview interview, String mediaKey) {
        if (mediaKey != null) {
            fromBucket(context, mediaKey);
            return;
        }
        MediaKey key = urlImport.copy(interview.accountId(), interview.projectId(), interview.id(),
                interview.source().sourceUrl());
        interviews.setMediaCopiedFromUrl(context.lease(), key.key(), RedactedUrl.of(interview.source().sourceUrl()));
        throw continueAfterCopy("'" + key.fileName() + "'");
    }

    /**
     * A copy may take most of the invocation's time budget (engine/TimeBudgets), so what follows it runs
     * in an invocation of its own, which finds the media recorded and copies nothing.
     */
    private static StepPending continueAfterCopy(String what) {
        return StepPending.waitingFor("Copied " + what + " into the bucket; reading it next", CONTINUE_AFTER_COPY);
    }

    private void fromRecall(StepContext context, Interview interview) {
        RecallMediaImport.Imported imported = recallImport.importRecording(interview);
        String videoKey = imported.video().map(MediaKey::key).orElse(null);
        interviews.setMedia(context.lease(), videoKey, imported.recordingId());
        if (imported.copied()) {
            throw continueAfterCopy("recording " + imported.recordingId() + " of Recall.ai");
        }
        Transcribing byRecall = Transcribing.byRecall(videoKey, imported.recordingId());
        if (imported.transcript().isPresent()) {
            transcripts.save(context, imported.transcript().get(), byRecall.savedAs());
            return;
        }
        // Keyed by the run: a retried request (its answer lost) is run once by Recall, while a repair after
        // a transcript Recall gave up on asks for a new one.
        follow(context, recallImport.requestTranscript(imported.recordingId(), "intake-" + interview.id() + "-" + context.runId()),
                Optional.empty(), byRecall);
    }

    private void fromBucket(StepContext context, String key) {
        if (key == null) {
            throw StepFailure.permanent("the interview has no media: nothing was uploaded for it");
        }
        String fileName = fileNameOf(key);
        Optional<TranscriptFormat> format = TranscriptFormat.forFileName(fileName);
        if (format.isPresent()) {
            transcripts.save(context, parse(key, format.get()), key);
        } else if (isAudioOrVideo(fileName)) {
            transcribe(context, key, fileName);
        } else {
            throw StepFailure.permanent("'" + fileName + "' is not a file Intake can read: expected a transcript"
                    + " (.vtt, .srt, .txt, or Recall.ai's .json) or audio/video");
        }
    }

    private void transcribe(StepContext context, String key, String fileName) {
        TranscriptionProgress started;
        try {
            started = transcriber.start(bucket.source(key, fileName));
        } catch (MediaBucket.MissingObjectException e) {
            throw StepFailure.permanent("the uploaded file is gone: " + e.getMessage());
        }
        follow(context, started, Optional.empty(), byTranscriber(key));
    }

    /**
     * The object the interview's media_url names: the key Intake wrote, or the key (or a URL of it) that
     * Insights wrote in its own layout, read from the same bucket.
     */
    private String mediaKeyOf(Interview interview) {
        return interview.mediaKey() == null ? null : bucket.keyOf(interview.mediaKey()).orElse(null);
    }

    /** The last part of a key: Intake's file name, or Insights' {@code recording.mp4}, {@code {id}-{timestamp}.mp3}. */
    private static String fileNameOf(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
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
        return dev.intake.media.MediaTypes.isAudioOrVideoFile(fileName);
    }
}
