package dev.intake.steps;

import dev.intake.providers.analysis.AnalysisContext;
import dev.intake.store.Interview;
import dev.intake.store.Lease;

/** What a step works on: the interview as claimed, and the lease that fences its writes. */
public record StepContext(Interview interview, Lease lease, String runId) {

    public AnalysisContext analysisContext() {
        return new AnalysisContext(interview.customInstructions());
    }
}
