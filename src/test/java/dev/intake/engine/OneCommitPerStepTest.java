package dev.intake.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.media.MediaKey;
import dev.intake.steps.StepOutcome;
import dev.intake.store.DbTraffic;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * What a run asks of the database, counted on the thread that runs it (the local engine's
 * {@link LocalEngine#run}): each step commits once, in the transaction that records it done and claims
 * the next step; the analysis steps read their inputs in one more; nothing else.
 */
@QuarkusTest
class OneCommitPerStepTest {

    /** The steps that read what earlier steps wrote (people, evidence, themes, questions) before they work. */
    private static final int STEPS_THAT_READ = 5;

    @Inject
    LocalEngine engine;
    @Inject
    InterviewStore interviews;
    @Inject
    DbTraffic traffic;
    @Inject
    TestData data;

    @Test
    void a_run_commits_once_per_step_and_reads_each_analysis_steps_inputs_in_one_transaction() {
        MediaKey key = data.uploadingInterview(data.project("What problems do they have today?"), "call.vtt");
        data.putObject(key, TestData.sample("onboarding-interview.vtt"));
        String runId = UUID.randomUUID().toString();
        assertTrue(interviews.completeUpload(key.interviewId(), key.key(), runId).won());

        DbTraffic.Snapshot before = traffic.snapshotOfThisThread();
        StepOutcome outcome = engine.run(key.interviewId(), runId);
        DbTraffic.Snapshot spent = traffic.snapshotOfThisThread().since(before);

        assertInstanceOf(StepOutcome.Finished.class, outcome);
        Interview done = interviews.find(key.interviewId()).orElseThrow();
        assertEquals(InterviewStatus.READY, done.status());
        assertEquals(Arrays.stream(Step.values()).map(Step::key).toList(), done.completedSteps());
        // Where the run is (one read), the first step's claim, one transaction ending each step (its
        // writes, its completion, the next step's claim), one reading each analysis step's inputs.
        long steps = Step.values().length;
        assertEquals(1 + 1 + steps + STEPS_THAT_READ, spent.transactions(),
                "transactions of a run of " + steps + " steps; round trips: " + spent.flights());
    }
}
