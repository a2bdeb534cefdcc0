package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.store.Interview;
import dev.intake.testing.Cli;
import dev.intake.testing.StalledInterviews;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * `intake sweep` is a short-lived process: what it resumes either goes to an engine that outlives it,
 * or runs here and is waited for, never cut off as the command exits.
 */
@QuarkusTest
class SweepCommandTest {

    @Inject
    CommandLine.IFactory factory;
    @Inject
    StalledInterviews stalled;
    @Inject
    TestData data;

    @Test
    void sweep_waits_for_the_runs_it_resumed_in_this_process_and_reports_how_each_ended() {
        UUID abandoned = stalled.uploadedThenAbandoned();

        Cli.Run sweep = Cli.run(factory, "sweep", "--engine", "local");

        assertEquals(0, sweep.exit(), sweep.out() + sweep.err());
        Interview after = data.interview(abandoned);
        assertEquals(InterviewStatus.READY, after.status(), "ended when the command returned, not cut off after");
        assertEquals(1, after.resumeCount());
        assertTrue(sweep.out().contains("resumed          " + abandoned + " at upload"), sweep.out());
        assertTrue(sweep.out().contains("ended            " + abandoned + ": ready"), sweep.out());
    }

    @Test
    void sweep_on_a_configured_database_refuses_to_run_the_steps_in_this_process_unless_told() {
        UUID abandoned = stalled.uploadedThenAbandoned();
        Interview before = data.interview(abandoned);

        Cli.Run sweep = Cli.run(factory, "sweep");

        assertEquals(2, sweep.exit(), sweep.out() + sweep.err());
        assertTrue(sweep.err().contains("this is a configured database, not local data, so sweep starts executions of the"
                + " deployed state machine"), sweep.err());
        assertTrue(sweep.err().contains("INTAKE_ENGINE_STATE_MACHINE_ARN"), sweep.err());
        assertTrue(sweep.err().contains("or pass --engine local to run them here"), sweep.err());
        assertEquals(before.updatedAt(), data.interview(abandoned).updatedAt(), "nothing was swept");
    }
}
