package dev.intake.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.intake.store.DatabaseUnavailable;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;

/** Waits, for a command that ran an interview in this process, until it is ready or failed. */
public final class Settling {

    private static final Duration POLL = Duration.ofMillis(50);

    private Settling() {
    }

    /**
     * The interview once settled, or as it is when {@code timeout} runs out. A look that finds the
     * database busy (a long step's transaction and its heartbeat holding the pool) is tried again at the
     * next poll: the wait is for the run, not for one look at it.
     */
    public static Interview await(InterviewStore interviews, UUID id, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                Interview interview = interviews.find(id).orElseThrow();
                if (interview.status().isSettled() || Instant.now().isAfter(deadline)) {
                    return interview;
                }
            } catch (DatabaseUnavailable busy) {
                if (Instant.now().isAfter(deadline)) {
                    throw busy;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
