package dev.intake.sweeper;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one sweep did, interview by interview, and what it could not do ({@code notDone}: an
 * interview whose handling failed, left as it was for the next sweep; {@code uploadsAdopted}: uploads
 * Insights left 'uploaded' that no pipeline had started, taken over when adoption is on; {@code outOfTime}: the sweep's
 * time budget ran out, and the next sweep takes what is left).
 */
@RegisterForReflection
public record SweepReport(List<Entry> resumed, List<Entry> failed, List<Entry> uploadsCompleted, List<Entry> uploadsFailed,
                          List<Entry> notDone, List<Entry> uploadsAdopted, boolean outOfTime) {

    /** One interview: where it was and what was done. */
    @RegisterForReflection
    public record Entry(String interviewId, String step, long stalledSeconds, String detail) {
    }

    public int total() {
        return resumed.size() + failed.size() + uploadsCompleted.size() + uploadsFailed.size() + notDone.size()
                + uploadsAdopted.size();
    }
}
