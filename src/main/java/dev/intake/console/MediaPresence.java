package dev.intake.console;

import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Interview;
import dev.intake.workflow.InterviewStatus;

/** Whether an interview's media object is in the bucket, said for a person on call. */
public final class MediaPresence {

    private MediaPresence() {
    }

    public static String describe(MediaBucket bucket, Interview interview) {
        try {
            if (interview.mediaKey() != null) {
                return (bucket.exists(interview.mediaKey()) ? "present at " : "MISSING from ") + "s3://" + bucket.name()
                        + "/" + interview.mediaKey();
            }
            if (interview.status() == InterviewStatus.UPLOADING) {
                String prefix = MediaKey.folderOf(interview.accountId(), interview.projectId(), interview.id());
                return bucket.objectsUnder(prefix, 1).stream().findFirst()
                        .map(key -> "present at s3://" + bucket.name() + "/" + key)
                        .orElse("not uploaded yet (nothing under " + prefix + ")");
            }
            return "none recorded" + (interview.source().sourceUrl() != null ? " (source " + dev.intake.workflow.RedactedUrl.of(interview.source().sourceUrl()) + ")" : "");
        } catch (RuntimeException e) {
            // Said, not thrown: the rest of a diagnosis is worth reading while the bucket is unreachable.
            return "unknown: the bucket could not be read (" + e.getMessage() + ")";
        }
    }
}
