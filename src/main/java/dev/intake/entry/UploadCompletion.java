package dev.intake.entry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.intake.engine.RunStart;
import dev.intake.engine.RunStarter;
import dev.intake.entry.ObjectCreated;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.workflow.InterviewStatus;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An object arrived in the media bucket: find its interview, move it {@code uploading -> uploaded} and
 * start its run. The move is one conditional UPDATE, so of any number of deliveries of the same event
 * exactly one starts a run.
 */
@ApplicationScoped
public class UploadCompletion {

    private static final Logger LOG = Logger.getLogger(UploadCompletion.class);

    private final InterviewStore interviews;
    private final RunStarter runs;
    private final MediaBucket bucket;

    public UploadCompletion(InterviewStore interviews, RunStarter runs, MediaBucket bucket) {
        this.interviews = interviews;
        this.runs = runs;
        this.bucket = bucket;
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
        Optional<MediaKey> parsed = MediaKey.parse(object.key());
        if (parsed.isEmpty()) {
            return rejected(object, "key is not interviews/{accountId}/{projectId}/{interviewId}/{file}");
        }
        MediaKey key = parsed.get();
        Optional<Interview> found = interviews.find(key.interviewId());
        if (found.isEmpty()) {
            return rejected(object, "no interview " + key.interviewId());
        }
        Interview interview = found.get();
        if (!interview.accountId().equals(key.accountId()) || !interview.projectId().equals(key.projectId())) {
            return rejected(object, "interview " + key.interviewId() + " belongs to another account or project");
        }
        if (interview.status() != InterviewStatus.UPLOADING) {
            if (interview.awaitsStart() && interview.runId().isPresent()) {
                // The sender redelivers because the first start failed: start the recorded run again.
                LOG.infof("interview %s: object %s redelivered while run %s awaits its start; starting it again",
                        interview.id(), object.key(), interview.runId().get());
                return start(object, interview.id(), interview.runId().get());
            }
            return alreadyReceived(object, interview.id(), interview.status().dbValue());
        }
        if (!bucket.exists(object.key())) {
            // An event for an object that is not there (a forged or stale event, or one sent before
            // the upload finished) must leave the interview waiting for the real one.
            return rejected(object, "object " + object.key() + " is not in bucket " + bucket.name());
        }
        String runId = UUID.randomUUID().toString();
        if (!interviews.completeUpload(interview.id(), object.key(), runId).won()) {
            // Another delivery of the same event moved it first; that one starts the run.
            return alreadyReceived(object, interview.id(), "raced");
        }
        LOG.infof("interview %s uploaded (%s); starting run %s", interview.id(), object.key(), runId);
        return start(object, interview.id(), runId);
    }

    private UploadOutcome start(ObjectCreated object, UUID interviewId, String runId) {
        if (runs.start(interviewId, runId) instanceof RunStart.Deferred deferred) {
            return new UploadOutcome.StartDeferred(object.key(), interviewId, deferred.reason());
        }
        return new UploadOutcome.Started(object.key(), interviewId, runId);
    }

    private static UploadOutcome ignored(ObjectCreated object, String reason) {
        LOG.infof("ignored object %s: %s", object.key(), reason);
        return new UploadOutcome.Ignored(object.key(), reason);
    }

    private static UploadOutcome rejected(ObjectCreated object, String reason) {
        LOG.warnf("rejected object %s: %s; nothing written", object.key(), reason);
        return new UploadOutcome.Rejected(object.key(), reason);
    }

    private static UploadOutcome alreadyReceived(ObjectCreated object, UUID interviewId, String status) {
        LOG.infof("object %s: interview %s is already %s; duplicate event, nothing changed", object.key(),
                interviewId, status);
        return new UploadOutcome.AlreadyReceived(object.key(), interviewId, status);
    }
}
