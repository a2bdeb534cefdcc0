package dev.intake.sweeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.intake.steps.EmfMetrics;
import dev.intake.workflow.Step;

/**
 * The stuck counts of a sweep as CloudWatch embedded-metric-format log lines, written by the same
 * {@link EmfMetrics} as the steps' metrics: CloudWatch turns them into {@code Intake/StuckInterviews},
 * per step and in total, which the deployment's alarm watches.
 */
final class StuckMetricsEmf {

    static final String METRIC = "StuckInterviews";

    private StuckMetricsEmf() {
    }

    /** One line per step (dimension {@code step}) and one for the total (no dimension). */
    static List<String> lines(Map<Step, Integer> stuck, long timestampMillis) {
        List<String> lines = new ArrayList<>();
        EmfMetrics emf = new EmfMetrics(lines::add);
        int total = 0;
        for (Step step : Step.values()) {
            int n = stuck.getOrDefault(step, 0);
            total += n;
            emf.put(METRIC, n, "Count", Map.of("step", step.key()), timestampMillis);
        }
        emf.put(METRIC, total, "Count", Map.of(), timestampMillis);
        return lines;
    }
}
