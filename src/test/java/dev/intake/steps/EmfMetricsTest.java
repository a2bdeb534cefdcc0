package dev.intake.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.Step;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Step metrics as CloudWatch embedded-metric log lines, each checked against the format's rules
 * (the `_aws` directive, namespace, dimension sets naming top-level string members, metrics naming
 * top-level numbers, at most 30 dimensions and 100 metrics), and kept to few dimensions.
 */
class EmfMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOW = 1_795_900_000_000L;

    private final List<String> lines = new ArrayList<>();
    private final StepMetrics metrics = new StepMetrics(new SimpleMeterRegistry(), Optional.of(new EmfMetrics(lines::add)),
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    /** The metric name → value pairs one line declares, after checking it against the EMF specification. */
    private static List<String> checked(String raw) throws Exception {
        JsonNode line = JSON.readTree(raw);
        JsonNode aws = line.get("_aws");
        assertEquals(NOW, aws.get("Timestamp").asLong(), raw);
        assertTrue(aws.get("CloudWatchMetrics").isArray() && aws.get("CloudWatchMetrics").size() == 1, raw);
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertEquals("Intake", directive.get("Namespace").asText(), raw);
        Set<String> dimensionNames = new HashSet<>();
        for (JsonNode set : directive.get("Dimensions")) {
            assertTrue(set.isArray() && set.size() <= 30, raw);
            for (JsonNode name : set) {
                assertTrue(line.get(name.asText()) != null && line.get(name.asText()).isTextual(),
                        "dimension " + name + " is a top-level string: " + raw);
                dimensionNames.add(name.asText());
            }
        }
        assertTrue(dimensionNames.size() <= 2, "few dimensions: " + raw);
        List<String> declared = new ArrayList<>();
        assertTrue(directive.get("Metrics").size() <= 100, raw);
        for (JsonNode metric : directive.get("Metrics")) {
            String name = metric.get("Name").asText();
            assertTrue(line.get(name) != null && line.get(name).isNumber(), "metric " + name + " is a top-level number: " + raw);
            assertTrue(List.of("Milliseconds", "Count").contains(metric.get("Unit").asText()), raw);
            declared.add(name + "=" + line.get(name).asLong() + dimensionNames.stream().sorted()
                    .map(d -> " " + d + ":" + line.get(d).asText()).reduce("", String::concat));
        }
        return declared;
    }

    private List<String> all() throws Exception {
        List<String> declared = new ArrayList<>();
        for (String line : lines) {
            declared.addAll(checked(line));
        }
        return declared;
    }

    @Test
    void a_completed_step_is_a_duration_by_step_and_outcome_and_a_finished_run_counts_as_ready() throws Exception {
        metrics.completed(Step.EVIDENCE, Duration.ofMillis(420));
        metrics.completed(Step.FINALIZE, Duration.ofMillis(12));
        assertEquals(List.of("StepDuration=420 outcome:completed step:evidence", "StepDuration=12 outcome:completed step:finalize",
                "InterviewsReady=1"), all());
    }

    @Test
    void a_failure_counts_by_step_and_kind_and_an_interview_ending_in_error_counts_once() throws Exception {
        metrics.failed(Step.UPLOAD, ErrorKind.TRANSIENT, true, Duration.ofMillis(30));
        metrics.failed(Step.UPLOAD, ErrorKind.TRANSIENT, false, Duration.ofMillis(31));
        assertEquals(List.of("StepDuration=30 outcome:failed step:upload", "StepFailures=1 kind:transient step:upload",
                "StepDuration=31 outcome:failed step:upload", "StepFailures=1 kind:transient step:upload",
                "InterviewsFailed=1 step:upload"), all());
    }

    @Test
    void an_interview_ending_in_error_is_also_counted_in_total_for_the_error_share_alarm() throws Exception {
        metrics.failed(Step.ANSWERS, ErrorKind.PERMANENT, false, Duration.ofMillis(3));
        JsonNode line = JSON.readTree(lines.get(lines.size() - 1));
        assertEquals("[[\"step\"],[]]", line.at("/_aws/CloudWatchMetrics/0/Dimensions").toString());
        assertEquals(1, line.get("InterviewsFailed").asInt());
    }

    @Test
    void without_the_setting_nothing_is_written() {
        StepMetrics quiet = new StepMetrics(new SimpleMeterRegistry(), Optional.empty(), Clock.systemUTC());
        quiet.completed(Step.FINALIZE, Duration.ofMillis(5));
        assertTrue(lines.isEmpty());
    }
}
