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

/** The tests' database is a configured one, as production's is: `repair` never runs steps in-process unasked. */
@QuarkusTest
class RepairCommandTest {

    @Inject
    CommandLine.IFactory factory;
    @Inject
    StalledInterviews stalled;
    @Inject
    TestData data;

    @Test
    void repair_on_a_configured_database_refuses_to_run_the_steps_in_this_process_unless_told() {
        UUID abandoned = stalled.uploadedThenAbandoned();
        Interview before = data.interview(abandoned);

        Cli.Run repair = Cli.run(factory, "repair", abandoned.toString());

        assertEquals(2, repair.exit(), repair.out() + repair.err());
        assertTrue(repair.err().contains("this is a configured database, not local data, so repair starts executions of the"
                + " deployed state machine rather than run steps in this process, and the aws engine needs the state"
                + " machine: set INTAKE_ENGINE_STATE_MACHINE_ARN"), repair.err());
        assertTrue(repair.err().contains("or pass --engine local to run them here"), repair.err());
        Interview after = data.interview(abandoned);
        assertEquals(before.updatedAt(), after.updatedAt(), "no run was started");
        assertEquals(before.runId(), after.runId());
    }

    @Test
    void told_with_engine_local_repair_runs_the_steps_here_to_the_end() {
        UUID abandoned = stalled.uploadedThenAbandoned();

        Cli.Run repair = Cli.run(factory, "repair", abandoned.toString(), "--engine", "local");

        assertEquals(0, repair.exit(), repair.out() + repair.err());
        assertTrue(repair.out().contains(abandoned + ": ready"), repair.out());
        assertEquals(InterviewStatus.READY, data.interview(abandoned).status());
    }

    @Test
    void the_aws_engine_without_a_state_machine_is_refused_before_anything_changes() {
        UUID abandoned = stalled.uploadedThenAbandoned();
        Interview before = data.interview(abandoned);

        Cli.Run repair = Cli.run(factory, "repair", abandoned.toString(), "--engine", "aws");

        assertEquals(2, repair.exit());
        assertTrue(repair.err().contains("the aws engine needs the state machine"), repair.err());
        assertEquals(before.updatedAt(), data.interview(abandoned).updatedAt());
    }

    @Test
    void dry_run_with_a_named_interview_is_refused_and_changes_nothing() {
        UUID abandoned = stalled.uploadedThenAbandoned();
        Interview before = data.interview(abandoned);

        Cli.Run repair = Cli.run(factory, "repair", abandoned.toString(), "--dry-run", "--engine", "local");

        assertEquals(2, repair.exit(), repair.out() + repair.err());
        assertTrue(repair.err().contains("--dry-run goes with --stuck"), repair.err());
        assertEquals(before.updatedAt(), data.interview(abandoned).updatedAt(), "nothing was repaired");
        assertEquals(before.status(), data.interview(abandoned).status());
    }
}
