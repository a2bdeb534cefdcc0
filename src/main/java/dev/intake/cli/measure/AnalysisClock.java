package dev.intake.cli.measure;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.intake.steps.StepEvent;
import dev.intake.workflow.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * How long the analysis of each interview took, as the steps after the upload timed themselves
 * (analysis and the writes of its results), for {@code intake eval} to report. Counts only while a
 * command has started it, and forgets each interview once read, so a long-running process keeps nothing.
 */
@ApplicationScoped
public class AnalysisClock {

    private final Map<UUID, Duration> spent = new ConcurrentHashMap<>();
    private volatile boolean counting;

    void start() {
        counting = true;
    }

    void onStep(@Observes StepEvent event) {
        if (counting && event.phase() == StepEvent.Phase.COMPLETED && event.step() != Step.UPLOAD && event.took() != null) {
            spent.merge(event.interviewId(), event.took(), Duration::plus);
        }
    }

    /** The interview's analysis time, and forgets it. */
    Duration take(UUID interviewId) {
        Duration took = spent.remove(interviewId);
        return took == null ? Duration.ZERO : took;
    }
}
