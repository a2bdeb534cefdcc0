package dev.intake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class StepTest {

    @Test
    void the_seven_steps_run_in_the_order_and_with_the_names_the_ui_reads() {
        assertEquals(List.of("upload", "evidence", "enrich-person", "insights", "personas", "answers", "finalize"),
                Arrays.stream(Step.values()).map(Step::key).toList());
    }

    @Test
    void progress_follows_the_published_percentages() {
        assertEquals(List.of(10, 40, 60, 65, 80, 85, 95),
                Arrays.stream(Step.values()).map(Step::startProgress).toList());
        assertEquals(List.of(30, 55, 65, 75, 80, 90, 100),
                Arrays.stream(Step.values()).map(Step::endProgress).toList());
    }

    @Test
    void progress_never_goes_backwards_from_one_step_to_the_next() {
        Step[] steps = Step.values();
        for (int i = 1; i < steps.length; i++) {
            assertTrue(steps[i].startProgress() >= steps[i - 1].endProgress(), steps[i].key());
            assertTrue(steps[i].endProgress() >= steps[i].startProgress(), steps[i].key());
        }
    }

    @Test
    void upload_transcribes_then_analysis_processes_and_finalize_makes_ready() {
        assertEquals(InterviewStatus.TRANSCRIBING, Step.UPLOAD.runningStatus());
        assertEquals(InterviewStatus.TRANSCRIBED, Step.UPLOAD.doneStatus());
        assertEquals(InterviewStatus.PROCESSING, Step.INSIGHTS.runningStatus());
        assertEquals(InterviewStatus.READY, Step.FINALIZE.doneStatus());
    }

    @Test
    void each_step_moves_the_interview_only_along_legal_transitions() {
        for (Step step : Step.values()) {
            assertTrue(StatusTransitions.isAllowed(step.runningStatus(), step.doneStatus()), step.key());
            step.following().ifPresent(next ->
                    assertTrue(StatusTransitions.isAllowed(step.doneStatus(), next.runningStatus()), next.key()));
        }
    }

    @Test
    void an_unknown_step_name_is_refused_with_the_list_of_steps() {
        var e = assertThrows(IllegalArgumentException.class, () -> Step.requireKey("transcribe"));
        assertTrue(e.getMessage().contains("enrich-person"), e.getMessage());
    }
}
