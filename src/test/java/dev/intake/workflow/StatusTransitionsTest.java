package dev.intake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StatusTransitionsTest {

    /** The table, row by row: from, then every status it may go to ('-' for none). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "draft,        scheduled uploading archived error",
            "scheduled,    uploading archived error",
            "uploading,    uploaded error",
            "uploaded,     transcribing processing error",
            "transcribing, transcribing transcribed error",
            "transcribed,  transcribing processing error",
            "processing,   transcribing processing ready error",
            "ready,        transcribing processing tagged archived",
            "tagged,       transcribing processing archived",
            "error,        transcribing processing archived",
            "archived,     -",
    })
    void each_status_may_move_exactly_to_the_listed_ones(String from, String targets) {
        InterviewStatus status = InterviewStatus.fromDb(from);
        Set<InterviewStatus> expected = EnumSet.noneOf(InterviewStatus.class);
        if (!targets.equals("-")) {
            for (String t : targets.split(" ")) {
                expected.add(InterviewStatus.fromDb(t));
            }
        }
        for (InterviewStatus to : InterviewStatus.values()) {
            assertEquals(expected.contains(to), StatusTransitions.isAllowed(status, to), from + " -> " + to.dbValue());
        }
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void a_step_is_never_claimed_from_a_settled_interview(Step step) {
        for (InterviewStatus from : StatusTransitions.claimableFrom(step)) {
            assertFalse(from.isSettled(), step.key() + " claimable from " + from.dbValue());
        }
    }

    @ParameterizedTest
    @EnumSource(value = InterviewStatus.class, names = {"READY", "TAGGED", "ARCHIVED", "ERROR"})
    void a_settled_interview_never_becomes_uploaded_again(InterviewStatus settled) {
        assertFalse(StatusTransitions.isAllowed(settled, InterviewStatus.UPLOADED));
    }

    @ParameterizedTest
    @EnumSource(InterviewStatus.class)
    void an_illegal_change_is_refused_with_both_statuses_named(InterviewStatus from) {
        if (!StatusTransitions.isAllowed(from, InterviewStatus.UPLOADING)) {
            var e = assertThrows(StatusTransitions.IllegalTransitionException.class,
                    () -> StatusTransitions.check(from, InterviewStatus.UPLOADING));
            assertEquals("an interview cannot go from " + from.dbValue() + " to uploading", e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(InterviewStatus.class)
    void predecessors_are_the_inverse_of_the_table(InterviewStatus to) {
        for (InterviewStatus from : InterviewStatus.values()) {
            assertEquals(StatusTransitions.isAllowed(from, to), StatusTransitions.predecessorsOf(to).contains(from));
        }
    }

    @org.junit.jupiter.api.Test
    void in_flight_and_settled_never_overlap_and_every_step_runs_in_flight() {
        for (InterviewStatus status : StatusTransitions.inFlight()) {
            org.junit.jupiter.api.Assertions.assertFalse(StatusTransitions.settled().contains(status), status.dbValue());
        }
        for (Step step : Step.values()) {
            org.junit.jupiter.api.Assertions.assertTrue(step.runningStatus().isInFlight(), step.key() + " runs in flight");
            org.junit.jupiter.api.Assertions.assertTrue(StatusTransitions.isAllowed(step.runningStatus(), step.doneStatus()),
                    step.key() + " may end as the table allows");
        }
    }
}
