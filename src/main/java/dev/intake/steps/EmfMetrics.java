package dev.intake.steps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Metrics as CloudWatch's embedded metric format: one JSON log line per observation, which CloudWatch
 * Logs turns into metrics of the {@code Intake} namespace with no API call from the function. Few
 * dimensions on purpose (step, outcome, kind): each combination is a metric that costs money.
 */
public final class EmfMetrics {

    public static final String NAMESPACE = "Intake";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> log;

    /** {@code log} receives each line; in Lambda, standard output (CloudWatch reads EMF from the raw line). */
    public EmfMetrics(Consumer<String> log) {
        this.log = log;
    }

    /** One metric {@code name} of {@code value} {@code unit}, under the given dimensions (name to value). */
    public void put(String name, double value, String unit, Map<String, String> dimensions, long timestampMillis) {
        put(name, value, unit, dimensions, false, timestampMillis);
    }

    /** The same, and also as a total without dimensions (what a ratio of totals, such as an alarm's, reads). */
    public void putWithTotal(String name, double value, String unit, Map<String, String> dimensions, long timestampMillis) {
        put(name, value, unit, dimensions, true, timestampMillis);
    }

    private void put(String name, double value, String unit, Map<String, String> dimensions, boolean total,
                     long timestampMillis) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode directive = line.putObject("_aws").put("Timestamp", timestampMillis)
                .putArray("CloudWatchMetrics").addObject().put("Namespace", NAMESPACE);
        ArrayNode sets = directive.putArray("Dimensions");
        ArrayNode set = sets.addArray();
        dimensions.keySet().forEach(set::add);
        if (total && !dimensions.isEmpty()) {
            sets.addArray();
        }
        directive.putArray("Metrics").addObject().put("Name", name).put("Unit", unit);
        dimensions.forEach(line::put);
        line.put(name, value);
        log.accept(line.toString());
    }

    static Map<String, String> dimensions(String... pairs) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            dimensions.put(pairs[i], pairs[i + 1]);
        }
        return dimensions;
    }
}
