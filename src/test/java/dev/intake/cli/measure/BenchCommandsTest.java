package dev.intake.cli.measure;

import dev.intake.cli.ArgumentCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.intake.testing.Cli;
import dev.intake.testing.LocalMode;
import dev.intake.testing.StalledInterviews;
import dev.intake.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** The commands bench/run measures with: they run what they say and print the figures it reads. */
@QuarkusTest
@TestProfile(LocalMode.class)
class BenchCommandsTest {

    @Inject
    CommandLine.IFactory factory;
    @Inject
    StalledInterviews stalled;
    @Inject
    TestData data;

    @Test
    void throughput_runs_every_interview_to_ready_and_counts_seven_transitions_for_each() {
        Cli.Run run = Cli.run(factory, "throughput", "--interviews", "3");

        assertEquals(0, run.exit(), run.err());
        Matcher figures = Pattern.compile("interviews=3 ready=3 error=0 threads=\\d+ seconds=([0-9.]+)"
                + " interviews_per_s=([0-9.]+) step_transitions_per_s=([0-9.]+) steps_per_interview=7").matcher(run.out());
        assertTrue(figures.find(), run.out());
        double seconds = Double.parseDouble(figures.group(1));
        assertEquals(3 / seconds, Double.parseDouble(figures.group(2)), 0.2);
        assertEquals(21 / seconds, Double.parseDouble(figures.group(3)), 1.0);
    }

    @Test
    void wrong_values_are_refused_as_the_command_line_is_read_before_any_server_starts() {
        assertEquals(java.util.Optional.of("intake throughput: --interviews must be at least 1, not 0 (see intake throughput --help)"),
                ArgumentCheck.problem("throughput", "--interviews", "0"));
        assertTrue(ArgumentCheck.problem("throughput", "--file", "no/such/file.vtt").orElseThrow()
                .contains("cannot read no/such/file.vtt"));
        assertTrue(ArgumentCheck.problem("sweep-scan", "--runs", "0").orElseThrow().contains("--runs must be at least 1"));
        assertEquals(2, Cli.run(factory, "throughput", "--interviews", "0").exit());
    }

    @Test
    void sweep_scan_times_the_stalled_scan_shows_its_plan_and_changes_nothing() {
        java.util.UUID waiting = stalled.uploadedThenAbandoned();
        Cli.Run run = Cli.run(factory, "sweep-scan", "--runs", "5");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("plan: "), run.out());
        assertTrue(Pattern.compile("sweep_scan_runs=5 found_stalled=true median_ms=[0-9.]+ p95_ms=[0-9.]+").matcher(run.out()).find(),
                run.out());
        dev.intake.store.Interview after = data.interview(waiting);
        assertEquals(0, after.resumeCount(), "the scan left the stalled interview as it was");
        assertEquals(dev.intake.workflow.InterviewStatus.UPLOADED, after.status());
    }
}
