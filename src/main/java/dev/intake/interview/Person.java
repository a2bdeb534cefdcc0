package dev.intake.interview;

import java.util.UUID;

/** A stored person as seen from one interview. */
public record Person(UUID id, String name, PersonRole role, String description) {
}
