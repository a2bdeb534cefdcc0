package dev.intake.store;

import java.util.Collection;
import java.util.stream.Collectors;

import dev.intake.workflow.InterviewStatus;

/**
 * Statuses written into SQL text, from the rules in workflow/StatusTransitions: for statements whose
 * plan needs them spelled out (a partial index matches only literals) or that set a fixed status.
 * Everything else binds the statuses as parameters.
 */
final class StatusSql {

    private StatusSql() {
    }

    static String literal(InterviewStatus status) {
        return "'" + status.dbValue() + "'";
    }

    /** The statuses as a parameter binds them (an interview_status[]), sorted so equal sets bind alike. */
    static String[] values(Collection<InterviewStatus> statuses) {
        return statuses.stream().map(InterviewStatus::dbValue).sorted().toArray(String[]::new);
    }

    /** {@code 'a', 'b', …} in the enum's order. */
    static String list(Collection<InterviewStatus> statuses) {
        return statuses.stream().sorted().map(StatusSql::literal).collect(Collectors.joining(", "));
    }
}
