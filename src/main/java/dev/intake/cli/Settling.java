package dev.intake.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;

/** Waits, for a command that ran an interview in this process, until it is ready or failed. */
final class Settling {

    private static final Duration POLL = Duration.ofMillis(50);

    private Settling() {
    }

    /** The interview once settled, or as it is when {@code timeout} runs out. */
    static Interview await(InterviewStore interviews, UUID id, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Interview interview = interviews.find(id).orElseThrow();
            if (interview.status().isSettled() || Instant.now().isAfter(deadline)) {
                return interview;
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
