package dev.intake.access;

import java.util.UUID;

/** The signed-in user a request comes from. */
public record Caller(UUID userId) {
}
