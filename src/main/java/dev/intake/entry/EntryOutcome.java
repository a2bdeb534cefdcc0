package dev.intake.entry;

import java.util.UUID;

/** What an entry point did: created an interview (and started it), found the one a redelivery names, or left it. */
public sealed interface EntryOutcome {

    /** A new interview, uploaded, its first run started. */
    record Created(UUID interviewId) implements EntryOutcome {
    }

    /**
     * A new interview recorded in error from the start: the event itself reports a failure (a desktop
     * upload that never completed), so the user sees it failed rather than nothing.
     */
    record CreatedFailed(UUID interviewId, String reason) implements EntryOutcome {
    }

    /** The event was seen before: the interview it created, unchanged. */
    record Existing(UUID interviewId, String status) implements EntryOutcome {
    }

    /**
     * The interview is recorded but the engine did not take its run: the sender should deliver again
     * (a redelivery starts the recorded run; the sweeper does otherwise).
     */
    record Deferred(UUID interviewId, String reason) implements EntryOutcome {
    }

    /** An event Intake does not act on, acknowledged so the sender stops retrying. */
    record Ignored(String reason) implements EntryOutcome {
    }
}
