package dev.intake.workflow;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.intake.workflow.InterviewStatus.*;

/**
 * The status rules, in one place: the table of legal status changes, which statuses are in flight (a
 * run owns the interview: the sweeper watches them) and which are settled (nothing runs unless a person
 * asks). The store turns them into the WHERE clauses of each transition and into its queries' status
 * lists (store/StatusSql), so the database refuses an illegal change even when two invocations race;
 * the sweeper, the claims and the engines ask here too.
 */
public final class StatusTransitions {

    private static final Map<InterviewStatus, Set<InterviewStatus>> ALLOWED = table();
    private static final Set<InterviewStatus> IN_FLIGHT = Collections.unmodifiableSet(
            EnumSet.of(UPLOADED, TRANSCRIBING, TRANSCRIBED, PROCESSING));
    private static final Set<InterviewStatus> SETTLED = Collections.unmodifiableSet(EnumSet.of(READY, TAGGED, ARCHIVED, ERROR));

    private static Map<InterviewStatus, Set<InterviewStatus>> table() {
        Map<InterviewStatus, Set<InterviewStatus>> table = new EnumMap<>(InterviewStatus.class);
        allow(table, DRAFT, SCHEDULED, UPLOADING, ARCHIVED, ERROR);
        allow(table, SCHEDULED, UPLOADING, ARCHIVED, ERROR);
        allow(table, UPLOADING, UPLOADED, ERROR);
        allow(table, UPLOADED, TRANSCRIBING, PROCESSING, ERROR);
        allow(table, TRANSCRIBING, TRANSCRIBING, TRANSCRIBED, ERROR);
        allow(table, TRANSCRIBED, TRANSCRIBING, PROCESSING, ERROR);
        allow(table, PROCESSING, TRANSCRIBING, PROCESSING, READY, ERROR);
        // A run may be restarted from an earlier step while in flight, and a finished or failed
        // interview may be run again (repair, resume from a step).
        allow(table, READY, TRANSCRIBING, PROCESSING, TAGGED, ARCHIVED);
        allow(table, TAGGED, TRANSCRIBING, PROCESSING, ARCHIVED);
        allow(table, ERROR, TRANSCRIBING, PROCESSING, ARCHIVED);
        allow(table, ARCHIVED);
        return Map.copyOf(table);
    }

    private StatusTransitions() {
    }

    private static void allow(Map<InterviewStatus, Set<InterviewStatus>> table, InterviewStatus from,
                              InterviewStatus... to) {
        table.put(from, Set.of(to));
    }

    /** The statuses in which a run owns the interview, in the enum's order. */
    public static Set<InterviewStatus> inFlight() {
        return IN_FLIGHT;
    }

    /** The statuses in which nothing is running and nothing will run unless a person asks. */
    public static Set<InterviewStatus> settled() {
        return SETTLED;
    }

    public static boolean isAllowed(InterviewStatus from, InterviewStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public static void check(InterviewStatus from, InterviewStatus to) {
        if (!isAllowed(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
    }

    /**
     * The statuses from which a step of a live run may be claimed: the step's running status must be
     * reachable, and the interview must be in flight, so a late duplicate invocation cannot bring a
     * failed or finished interview back to life.
     */
    public static Set<InterviewStatus> claimableFrom(Step step) {
        Set<InterviewStatus> from = EnumSet.noneOf(InterviewStatus.class);
        for (InterviewStatus status : predecessorsOf(step.runningStatus())) {
            if (IN_FLIGHT.contains(status)) {
                from.add(status);
            }
        }
        return from;
    }

    /** Every status from which {@code to} may be entered. */
    public static Set<InterviewStatus> predecessorsOf(InterviewStatus to) {
        Set<InterviewStatus> from = EnumSet.noneOf(InterviewStatus.class);
        ALLOWED.forEach((status, targets) -> {
            if (targets.contains(to)) {
                from.add(status);
            }
        });
        return from;
    }

    public static final class IllegalTransitionException extends IllegalStateException {
        public IllegalTransitionException(InterviewStatus from, InterviewStatus to) {
            super("an interview cannot go from " + from.dbValue() + " to " + to.dbValue());
        }
    }
}
