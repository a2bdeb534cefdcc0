package dev.intake.entry;

import java.util.List;
import dev.intake.workflow.Printable;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.intake.engine.RunStart;
import dev.intake.engine.RunStarter;
import dev.intake.entry.ObjectCreated;
import dev.intake.media.BucketKey;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.Race;
import dev.intake.workflow.InterviewStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An object arrived in the media bucket: find its interview (by the key's layout, Intake's or one of
 * Insights'), move it {@code uploading -> uploaded}, or take over one Insights' web upload left
 * {@code uploaded}, and start its run. Either is one conditional UPDATE, so of any number of
 * deliveries of the same event exactly one starts a run.
 */
@ApplicationScoped
public class UploadCompletion {

    private static final Logger LOG = Logger.getLogger(UploadCompletion.class);

    private final InterviewStore interviews;
    private final RunStarter runs;
    private final MediaBucket bucket;
    private final MeterRegistry metrics;
    private final KeyedInterview keyed;

    @Inject
    public UploadCompletion(InterviewStore interviews, RunStarter runs, MediaBucket bucket, MeterRegistry metrics) {
        this.interviews = interviews;
        this.runs = runs;
        this.bucket = bucket;
        this.metrics = metrics;
        this.keyed = new KeyedInterview(interviews, bucket);
    }

    /** Built by hand (tests that swap the engine): rejections are counted in a registry of its own. */
    public UploadCompletion(InterviewStore interviews, RunStarter runs, MediaBucket bucket) {
        this(interviews, runs, bucket, new SimpleMeterRegistry());
    }

    /**
     * Each object in turn while {@code timeBudget} lasts (checked before each; the first is always
     * taken): the rest are {@link UploadOutcome.NotReached}, for the sender to deliver again.
     */
    public List<UploadOutcome> acceptAll(List<ObjectCreated> objects, java.time.Duration timeBudget) {
        long deadline = System.nanoTime() + timeBudget.toNanos();
        List<UploadOutcome> outcomes = new java.util.ArrayList<>();
        for (ObjectCreated object : objects) {
            boolean timeLeft = System.nanoTime() - deadline < 0;
            outcomes.add(outcomes.isEmpty() || timeLeft ? accept(object) : new UploadOutcome.NotReached(object.key()));
        }
        return outcomes;
    }

    public UploadOutcome accept(ObjectCreated object) {
        if (!bucket.name().equals(object.bucket())) {
            return ignored(object, "bucket '" + object.bucket() + "' is not the media bucket '" + bucket.name() + "'");
        }
        if (!object.key().startsWith(MediaKey.PREFIX)) {
            return ignored(object, "key is outside " + MediaKey.PREFIX);
        }
        Optional<BucketKey> parsed = BucketKey.parse(object.key());
        if (parsed.isEmpty()) {
            return rejected(object, "none", "key is in none of the layouts of interviews' media: " + BucketKey.LAYOUTS);
        }
        BucketKey key = parsed.get();
        KeyedInterview.Found found = keyed.find(key);
        if (found instanceof KeyedInterview.Found.None none) {
            return rejected(object, key.layout(), none.reason());
        }
        Interview interview = ((KeyedInterview.Found.One) found).interview();
        if (interview.status() == InterviewStatus.UPLOADED && !interview.ownedByIntake()) {
            return adopt(object, key, interview);
        }
        if (interview.status() != InterviewStatus.UPLOADING) {
            if (interview.awaitsStart() && interview.runId().isPresent()) {
                // The sender redelivers because the first start failed: start the recorded run again.
                LOG.infof("interview %s: object %s redelivered while run %s awaits its start; starting it again",
                        interview.id(), Printable.of(object.key()), interview.runId().get());
                return start(object, interview.id(), interview.runId().get());
            }
            return alreadyReceived(object, interview.id(), interview.status().dbValue());
        }
        if (!bucket.exists(object.key())) {
            // An event for an object that is not there (a forged or stale event, or one sent before
            // the upload finished) must leave the interview waiting for the real one.
            return rejected(object, key.layout(), "object " + object.key() + " is not in bucket " + bucket.name());
        }
        String runId = UUID.randomUUID().toString();
        if (!interviews.completeUpload(interview.id(), object.key(), runId).won()) {
            // Another delivery of the same event moved it first; that one starts the run.
            return alreadyReceived(object, interview.id(), "raced");
        }
        LOG.infof("interview %s uploaded (%s); starting run %s", interview.id(), Printable.of(object.key()), runId);
        return start(object, interview.id(), runId);
    }

    /**
     * An interview Insights' web upload left 'uploaded' for Intake: taken over, in one conditional
     * UPDATE, only while no pipeline has touched it (no 'intake' key, no trace of Insights' own); one
     * Insights' old pipeline has, or a document or voice memo, is left to Insights.
     */
    private UploadOutcome adopt(ObjectCreated object, BucketKey key, Interview interview) {
        if (!bucket.exists(object.key())) {
            return rejected(object, key.layout(), "object " + object.key() + " is not in bucket " + bucket.name());
        }
        String runId = UUID.randomUUID().toString();
        Race taken = interviews.adoptUpload(interview.id(), runId, interview.mediaKey() == null ? object.key() : null,
                java.time.Duration.ZERO, "Upload received; processing starts shortly");
        if (!taken.won()) {
            LOG.infof("object %s: interview %s is uploaded but not Intake's to take (Insights' own pipeline has it, or it"
                    + " is a document or voice memo); nothing changed", Printable.of(object.key()), interview.id());
            return new UploadOutcome.AlreadyReceived(object.key(), interview.id(), "uploaded, left to Insights");
        }
        LOG.infof("interview %s: Insights' upload %s taken over; starting run %s", interview.id(), Printable.of(object.key()), runId);
        return start(object, interview.id(), runId);
    }

    private UploadOutcome start(ObjectCreated object, UUID interviewId, String runId) {
        if (runs.start(interviewId, runId) instanceof RunStart.Deferred deferred) {
            return new UploadOutcome.StartDeferred(object.key(), interviewId, deferred.reason());
        }
        return new UploadOutcome.Started(object.key(), interviewId, runId);
    }

    private static UploadOutcome ignored(ObjectCreated object, String reason) {
        LOG.infof("ignored object %s: %s", Printable.of(object.key()), Printable.of(reason));
        return new UploadOutcome.Ignored(object.key(), reason);
    }

    private UploadOutcome rejected(ObjectCreated object, String layout, String reason) {
        LOG.warnf("rejected object %s: %s; nothing written", Printable.of(object.key()), Printable.of(reason));
        metrics.counter("intake.uploads.rejected", "layout", layout).increment();
        return new UploadOutcome.Rejected(object.key(), reason);
    }

    private static UploadOutcome alreadyReceived(ObjectCreated object, UUID interviewId, String status) {
        LOG.infof("object %s: interview %s is already %s; duplicate event, nothing changed", Printable.of(object.key()),
                interviewId, status);
        return new UploadOutcome.AlreadyReceived(object.key(), interviewId, status);
    }
}
