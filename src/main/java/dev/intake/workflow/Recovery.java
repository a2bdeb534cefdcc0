package dev.intake.workflow;

import java.time.Duration;

/**
 * How soon after a run stops (a crash, a killed process, a lost connection) the sweeper has resumed
 * or failed its interview, from the clocks that decide it: the row shows its last sign of life when the
 * run stops; it counts as stalled once both the stall threshold and the lease have run out; the next
 * sweep, at most a period and its jitter away, takes it.
 */
public final class Recovery {

    private Recovery() {
    }

    public static Duration within(Duration lease, Duration stalledAfter, Duration sweepEvery, Duration jitter) {
        Duration seen = lease.compareTo(stalledAfter) > 0 ? lease : stalledAfter;
        return seen.plus(sweepEvery).plus(jitter);
    }
}
