package dev.intake.sweeper;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.workflow.Step;

/**
 * The stuck counts of a sweep as one CloudWatch embedded-metric-format log line: CloudWatch turns it
 * into the metric {@code Intake/StuckInterviews}, per step and in total, which the deployment's alarm
 * watches.
 */
final class StuckMetricsEmf {

    static final String NAMESPACE = "Intake";
    static final String METRIC = "StuckInterviews";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StuckMetricsEmf() {
    }

    /** One line per step (dimension {@code step}) and one for the total (no dimension). */
    static java.util.List<String> lines(Map<Step, Integer> stuck, long timestampMillis) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        int total = 0;
        for (Step step : Step.values()) {
            int n = stuck.getOrDefault(step, 0);
            total += n;
            ObjectNode line = envelope(timestampMillis, true);
            line.put("step", step.key()).put(METRIC, n);
            lines.add(line.toString());
        }
        ObjectNode sum = envelope(timestampMillis, false);
        sum.put(METRIC, total);
        lines.add(sum.toString());
        return lines;
    }

    private static ObjectNode envelope(long timestampMillis, boolean byStep) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode aws = line.putObject("_aws").put("Timestamp", timestampMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject().put("Namespace", NAMESPACE);
        var dimensions = directive.putArray("Dimensions").addArray();
        if (byStep) {
            dimensions.add("step");
        }
        directive.putArray("Metrics").addObject().put("Name", METRIC).put("Unit", "Count");
        return line;
    }
}
