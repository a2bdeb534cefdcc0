package dev.intake.entry;

import java.util.UUID;

/** What upload completion did with one object. */
public sealed interface UploadOutcome {

    String key();

    /** The interview moved {@code uploading -> uploaded} and its run was started. */
    record Started(String key, UUID interviewId, String runId) implements UploadOutcome {
    }

    /** The interview was past {@code uploading} already: a duplicate or late event, nothing changed. */
    record AlreadyReceived(String key, UUID interviewId, String status) implements UploadOutcome {
    }

    /** Not an interview's media (another prefix or bucket): nothing to do. */
    record Ignored(String key, String reason) implements UploadOutcome {
    }

    /** Shaped like an interview's media, but no such interview exists under that account and project. */
    record Rejected(String key, String reason) implements UploadOutcome {
    }

    /**
     * The interview was updated but the engine did not take its run: it stays in flight, and the
     * sender should deliver the event again (the sweeper starts the run otherwise).
     */
    record StartDeferred(String key, UUID interviewId, String reason) implements UploadOutcome {
    }

    /** Not looked at: the event's time budget was spent on the objects before it; the sender delivers it again. */
    record NotReached(String key) implements UploadOutcome {
    }
}
