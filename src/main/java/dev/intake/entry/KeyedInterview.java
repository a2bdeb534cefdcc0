package dev.intake.entry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.intake.media.BucketKey;
import dev.intake.media.MediaBucket;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;

/**
 * The interview an object key names, checked the way its layout allows: Intake's key against the
 * row's account and project, a desktop key against its account, a web-upload key against its project,
 * and a key naming only its project by the one interview of that project whose media_url is the key.
 * An Insights key must also be the media Insights recorded for the interview, when it recorded one.
 */
final class KeyedInterview {

    private final InterviewStore interviews;
    private final MediaBucket bucket;

    KeyedInterview(InterviewStore interviews, MediaBucket bucket) {
        this.interviews = interviews;
        this.bucket = bucket;
    }

    /** The interview a key names, or why none. */
    sealed interface Found {
        record One(Interview interview) implements Found {
        }

        record None(String reason) implements Found {
        }
    }

    Found find(BucketKey key) {
        if (key.interviewId().isEmpty()) {
            UUID project = ((BucketKey.ProjectFile) key).project();
            List<Interview> named = interviews.findByMediaKey(project, key.key()).stream()
                    .filter(i -> bucket.keyOf(i.mediaKey()).filter(key.key()::equals).isPresent())
                    .toList();
            if (named.isEmpty()) {
                return new Found.None("no interview of project " + project + " has this key as its media_url");
            }
            if (named.size() > 1) {
                return new Found.None("interviews " + named.get(0).id() + " and " + named.get(1).id()
                        + " both have this key as their media_url");
            }
            return new Found.One(named.get(0));
        }
        UUID id = key.interviewId().get();
        Optional<Interview> found = interviews.find(id);
        if (found.isEmpty()) {
            return new Found.None("no interview " + id);
        }
        Interview interview = found.get();
        Optional<String> mismatch = key.mismatch(interview.accountId(), interview.projectId());
        if (mismatch.isPresent()) {
            return new Found.None("interview " + id + " belongs to " + mismatch.get());
        }
        if (!(key instanceof BucketKey.Intake) && interview.mediaKey() != null
                && bucket.keyOf(interview.mediaKey()).filter(key.key()::equals).isEmpty()) {
            // Insights records the key it handed out; another object under the interview's name is not its media.
            return new Found.None("interview " + id + "'s media_url is " + interview.mediaKey() + ", not this object");
        }
        return new Found.One(interview);
    }
}
