package dev.intake.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which steps a run executes: from {@code resumeFrom} to the end, leaving out {@code skipSteps}.
 * {@code finalize} always runs, since it is what makes an interview {@code ready}.
 */
public record RunPlan(Step resumeFrom, Set<Step> skipSteps) {

    public RunPlan {
        if (resumeFrom == null) {
            throw new IllegalArgumentException("a run needs a step to start from");
        }
        skipSteps = skipSteps == null || skipSteps.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skipSteps));
        if (skipSteps.contains(Step.FINALIZE)) {
            throw new IllegalArgumentException("finalize cannot be skipped: it is what makes an interview ready");
        }
        if (skipSteps.contains(resumeFrom)) {
            throw new IllegalArgumentException("cannot resume from " + resumeFrom.key() + " and skip it");
        }
    }

    public static RunPlan full() {
        return new RunPlan(Step.first(), Set.of());
    }

    public static RunPlan resumeFrom(Step step) {
        return new RunPlan(step, Set.of());
    }

    public static RunPlan of(String resumeFrom, Collection<String> skipSteps) {
        Step from = resumeFrom == null || resumeFrom.isBlank() ? Step.first() : Step.requireKey(resumeFrom);
        Set<Step> skip = EnumSet.noneOf(Step.class);
        if (skipSteps != null) {
            skipSteps.forEach(key -> skip.add(Step.requireKey(key)));
        }
        return new RunPlan(from, skip);
    }

    public Step firstStep() {
        return resumeFrom;
    }

    /** The step to run after {@code step}, or empty when {@code step} was the last. */
    public Optional<Step> after(Step step) {
        Optional<Step> next = step.following();
        while (next.isPresent() && skipSteps.contains(next.get())) {
            next = next.get().following();
        }
        return next;
    }

    /** The steps this run executes, in order. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (Optional<Step> s = Optional.of(resumeFrom); s.isPresent(); s = after(s.get())) {
            steps.add(s.get());
        }
        return steps;
    }

    /**
     * Steps whose earlier completion no longer counts: everything from {@code resumeFrom} on. Their
     * output is replaced when they run again.
     */
    public List<String> invalidatedStepKeys() {
        return EnumSet.range(resumeFrom, Step.FINALIZE).stream().map(Step::key).toList();
    }

    public List<String> skipStepKeys() {
        return skipSteps.stream().sorted().map(Step::key).toList();
    }

    /** Status the interview takes when the run starts: the first step's, before it is claimed. */
    public InterviewStatus startStatus() {
        return resumeFrom.runningStatus();
    }
}
