package dev.intake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The cases of Insights' own pipeline state tests (src/trigger/interview/v2/state.test.ts), as facts
 * about Intake's equivalents: {@code shouldExecuteStep(step, resumeFrom)} is whether a run of
 * {@link RunPlan} executes the step, and {@code errorMessage} is {@link StepError#describe}.
 *
 * <p>Not ported, because Intake differs on purpose: "skips already completed steps" without a resume
 * point (a run in Intake always has a first step; a full run redoes every step, and a step already done
 * is skipped only within the same run, by the executor, see LocalEngineTest); and errorMessage of
 * strings, numbers, null, undefined and plain objects (in Java only a Throwable fails a step).
 */
class InsightsStateCasesTest {

    private static boolean shouldExecute(Step step, Step resumeFrom) {
        return RunPlan.resumeFrom(resumeFrom).steps().contains(step);
    }

    @Test
    void executes_step_when_no_resume_point_and_step_not_completed() {
        assertTrue(RunPlan.full().steps().containsAll(List.of(Step.UPLOAD, Step.EVIDENCE, Step.FINALIZE)));
    }

    @Test
    void skips_steps_before_the_resume_point() {
        assertEquals(false, shouldExecute(Step.UPLOAD, Step.EVIDENCE));
        assertEquals(true, shouldExecute(Step.EVIDENCE, Step.EVIDENCE));
        assertEquals(true, shouldExecute(Step.INSIGHTS, Step.EVIDENCE));
    }

    @Test
    void re_executes_a_completed_step_when_the_resume_point_targets_it() {
        // Completed before, and invalidated by the run that resumes from it, so it runs again.
        assertTrue(RunPlan.resumeFrom(Step.EVIDENCE).invalidatedStepKeys().contains("evidence"));
        assertTrue(shouldExecute(Step.EVIDENCE, Step.EVIDENCE));
    }

    @Test
    void respects_full_step_order() {
        List<Step> order = List.of(Step.UPLOAD, Step.EVIDENCE, Step.ENRICH_PERSON, Step.INSIGHTS, Step.PERSONAS,
                Step.ANSWERS, Step.FINALIZE);
        assertEquals(order, List.of(Step.values()), "the same seven steps in the same order as Insights'");
        for (Step step : order) {
            assertEquals(order.indexOf(step) >= order.indexOf(Step.INSIGHTS), shouldExecute(step, Step.INSIGHTS),
                    step.key());
        }
    }

    @Test
    void handles_resume_from_the_first_step() {
        assertTrue(shouldExecute(Step.UPLOAD, Step.UPLOAD));
        assertTrue(shouldExecute(Step.EVIDENCE, Step.UPLOAD));
    }

    @Test
    void handles_resume_from_the_last_step() {
        assertEquals(false, shouldExecute(Step.UPLOAD, Step.FINALIZE));
        assertEquals(false, shouldExecute(Step.ANSWERS, Step.FINALIZE));
        assertEquals(true, shouldExecute(Step.FINALIZE, Step.FINALIZE));
    }

    @Test
    void extracts_the_message_of_a_failure() {
        assertEquals("test error", StepError.describe(new IllegalStateException("test error")));
    }

    @Test
    void a_failure_without_a_message_is_described_by_its_type() {
        assertEquals("NullPointerException", StepError.describe(new NullPointerException()));
    }
}
