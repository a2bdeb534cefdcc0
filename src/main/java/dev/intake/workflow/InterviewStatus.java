package dev.intake.workflow;

import java.util.Arrays;

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

    /** A run owns the interview (see {@link StatusTransitions#inFlight()}). */
    public boolean isInFlight() {
        return StatusTransitions.inFlight().contains(this);
    }

    /** Terminal for the pipeline (see {@link StatusTransitions#settled()}). */
    public boolean isSettled() {
        return StatusTransitions.settled().contains(this);
    }
}
