package dev.intake.sweeper;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What one sweep did, interview by interview. */
@RegisterForReflection
public record SweepReport(List<Entry> resumed, List<Entry> failed, List<Entry> uploadsCompleted, List<Entry> uploadsFailed) {

    /** One interview: where it was and what was done. */
    @RegisterForReflection
    public record Entry(String interviewId, String step, long stalledSeconds, String detail) {
    }

    public int total() {
        return resumed.size() + failed.size() + uploadsCompleted.size() + uploadsFailed.size();
    }
}
