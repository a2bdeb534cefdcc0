package dev.intake.steps;

import java.time.Duration;
import java.util.UUID;

import dev.intake.workflow.Step;

/** Fired as steps start and end, for whoever shows progress (the {@code process} command). */
public record StepEvent(UUID interviewId, Step step, Phase phase, Duration took, String message) {

    public enum Phase {
        STARTED, COMPLETED, WAITING, FAILED
    }
}
