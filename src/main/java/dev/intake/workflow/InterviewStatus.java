package dev.intake.workflow;

import java.util.Arrays;
import java.util.List;

/** The statuses of the {@code interview_status} enum, in the database's spelling. */
public enum InterviewStatus {
    DRAFT, SCHEDULED, UPLOADING, UPLOADED, TRANSCRIBING, TRANSCRIBED, PROCESSING, READY, TAGGED, ARCHIVED, ERROR;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static InterviewStatus fromDb(String value) {
        return Arrays.stream(values())
                .filter(s -> s.dbValue().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown interview status '" + value + "'"));
    }

    /** A run owns the interview: the sweeper watches these for a stalled lease. */
    public boolean isInFlight() {
        return this == UPLOADED || this == TRANSCRIBING || this == TRANSCRIBED || this == PROCESSING;
    }

    /** Every status in which a run is under way, for queries that look only at live interviews. */
    public static List<InterviewStatus> inFlight() {
        return Arrays.stream(values()).filter(InterviewStatus::isInFlight).toList();
    }

    /** Terminal for the pipeline: nothing is running and nothing will run unless a person asks. */
    public boolean isSettled() {
        return this == READY || this == TAGGED || this == ARCHIVED || this == ERROR;
    }
}
