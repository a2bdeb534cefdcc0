package dev.intake.workflow;

import java.time.Duration;
import java.util.Optional;

/**
 * Progress, not activity: whether an interview in flight has run too long to be let go on, however
 * alive it looks. A run past its deadline (the configured one plus the media's own length, when
 * known) or that completed no step for too long is failed with what it last met.
 */
public final class Overdue {

    private Overdue() {
    }

    /** How long a run may be in flight: the deadline, longer by the media's own duration when it is known. */
    public static Duration deadline(Duration base, long mediaSeconds) {
        return base.plusSeconds(Math.max(0, mediaSeconds));
    }

    /**
     * The error to fail the interview with, or empty while it may go on. The deadline is judged first:
     * it is the promise to the user, whatever the steps did meanwhile.
     */
    public static Optional<StepError> judge(String step, Duration inFlight, Duration deadline, Duration sinceProgress,
                                            Duration noProgressAfter, String lastError) {
        String where = step == null ? "an unknown step" : step;
        String last = lastError == null || lastError.isBlank() ? "" : "; last error: " + lastError;
        if (inFlight.compareTo(deadline) >= 0) {
            return Optional.of(new StepError(step == null ? "unknown" : step, "in flight for " + Durations.readable(inFlight)
                    + ", past its deadline of " + Durations.readable(deadline) + " (at " + where + ")" + last,
                    ErrorKind.PERMANENT, 1));
        }
        if (sinceProgress.compareTo(noProgressAfter) >= 0) {
            return Optional.of(new StepError(step == null ? "unknown" : step, "no step completed for "
                    + Durations.readable(sinceProgress) + " (at " + where + ", still being tried)" + last,
                    ErrorKind.PERMANENT, 1));
        }
        return Optional.empty();
    }
}
