package dev.intake.workflow;

import java.time.Duration;
import java.util.Optional;

/** What the sweeper does with an interview that stopped moving: resume it from its step, or give up. */
public sealed interface StallDecision {

    record Resume(Step step) implements StallDecision {
    }

    record GiveUp(StepError error) implements StallDecision {
    }

    /**
     * Resume from the current step while resumes remain; past the bound, or at a step that is not one
     * of the workflow's (a legacy row), fail with where it was stuck and for how long.
     */
    static StallDecision decide(String currentStep, int resumeCount, int maxResumes, Duration stalledFor) {
        Optional<Step> step = currentStep == null ? Optional.empty() : Step.byKey(currentStep);
        String where = currentStep == null ? "an unknown step" : currentStep;
        String how = "stuck in " + where + " for " + Durations.readable(stalledFor);
        if (step.isEmpty()) {
            return new GiveUp(new StepError(currentStep == null ? "unknown" : currentStep,
                    how + "; the step is not one Intake can resume", ErrorKind.PERMANENT, 1));
        }
        if (resumeCount >= maxResumes) {
            return new GiveUp(new StepError(step.get().key(), how + " after " + resumeCount
                    + (resumeCount == 1 ? " resume" : " resumes") + "; giving up", ErrorKind.PERMANENT, Math.max(1, resumeCount)));
        }
        return new Resume(step.get());
    }

    static StallDecision decide(String currentStep, int resumeCount, int maxResumes, long stalledSeconds) {
        return decide(currentStep, resumeCount, maxResumes, Duration.ofSeconds(stalledSeconds));
    }
}
