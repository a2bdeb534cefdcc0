package dev.intake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RunPlanTest {

    @Test
    void a_full_run_executes_all_seven_steps_in_order() {
        assertEquals(List.of(Step.values()), RunPlan.full().steps());
    }

    @Test
    void a_resumed_run_starts_at_its_step_and_runs_to_the_end() {
        assertEquals(List.of(Step.INSIGHTS, Step.PERSONAS, Step.ANSWERS, Step.FINALIZE),
                RunPlan.resumeFrom(Step.INSIGHTS).steps());
    }

    @Test
    void skipped_steps_are_passed_over() {
        RunPlan plan = RunPlan.of("evidence", List.of("enrich-person", "personas"));
        assertEquals(List.of(Step.EVIDENCE, Step.INSIGHTS, Step.ANSWERS, Step.FINALIZE), plan.steps());
        assertEquals(Optional.of(Step.INSIGHTS), plan.after(Step.EVIDENCE));
        assertEquals(Optional.empty(), plan.after(Step.FINALIZE));
    }

    @Test
    void resuming_invalidates_the_step_and_everything_after_it() {
        assertEquals(List.of("personas", "answers", "finalize"), RunPlan.resumeFrom(Step.PERSONAS).invalidatedStepKeys());
    }

    @Test
    void finalize_cannot_be_skipped_because_it_is_what_makes_an_interview_ready() {
        assertThrows(IllegalArgumentException.class, () -> new RunPlan(Step.UPLOAD, Set.of(Step.FINALIZE)));
    }

    @Test
    void a_run_cannot_skip_the_step_it_resumes_from() {
        assertThrows(IllegalArgumentException.class, () -> new RunPlan(Step.ANSWERS, Set.of(Step.ANSWERS)));
    }

    @Test
    void no_resume_step_means_from_the_start() {
        assertEquals(Step.UPLOAD, RunPlan.of(null, null).firstStep());
        assertEquals(Step.UPLOAD, RunPlan.of(" ", List.of()).firstStep());
    }

    @Test
    void an_unknown_step_in_a_plan_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> RunPlan.of("evidence", List.of("summarize")));
    }
}
