package dev.intake.sweeper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.workflow.Step;

class StuckMetricsEmfTest {

    @Test
    void a_sweeps_stuck_counts_become_embedded_metric_lines_per_step_and_in_total() throws Exception {
        List<String> lines = StuckMetricsEmf.lines(Map.of(Step.EVIDENCE, 2, Step.UPLOAD, 1), 1764950400000L);
        assertEquals(Step.values().length + 1, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode evidence = json.readTree(lines.get(Step.EVIDENCE.ordinal()));
        assertEquals(1764950400000L, evidence.at("/_aws/Timestamp").asLong());
        assertEquals("Intake", evidence.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
        assertEquals("step", evidence.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asText());
        assertEquals("StuckInterviews", evidence.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText());
        assertEquals("evidence", evidence.get("step").asText());
        assertEquals(2, evidence.get("StuckInterviews").asInt());
        JsonNode total = json.readTree(lines.get(lines.size() - 1));
        assertEquals(0, total.at("/_aws/CloudWatchMetrics/0/Dimensions/0").size());
        assertEquals(3, total.get("StuckInterviews").asInt());
    }
}
