package dev.intake.interview;

import java.util.UUID;

/** One of the project's questions. */
public record Question(UUID id, String text) {
}
