package dev.intake.interview;

import java.util.UUID;

/** Stored evidence. */
public record Evidence(UUID id, EvidenceKind kind, String verbatim, String speaker, Double startSec, Double endSec) {
}
