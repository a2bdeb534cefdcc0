package dev.intake.engine;

import java.util.UUID;

/**
 * Drives a started run through its steps. The run's plan is already in the interview row (see
 * {@code InterviewStore.startRun}); the engine only has to call the steps in turn.
 */
public interface WorkflowEngine {

    /** Starts run {@code runId} of the interview; returns once it is handed off, not when it is done. */
    void start(UUID interviewId, String runId);

    /**
     * What a waiting step of the run waits for has happened (a provider finished a transcript): check
     * now rather than when the wait runs out. An engine that cannot cut a wait short leaves it to the
     * next check, which comes anyway.
     */
    default void wake(UUID interviewId, String runId) {
    }

    /**
     * Whether run {@code runId} is held in this process, waiting for a thread or on one: its silence
     * is a queue or a connection awaited, not a stall, and the sweeper leaves it alone. Only an in-process engine can
     * know; the state machine queues its own work and is never asked.
     */
    default boolean queues(UUID interviewId, String runId) {
        return false;
    }
}
