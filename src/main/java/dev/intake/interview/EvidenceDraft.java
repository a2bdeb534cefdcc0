package dev.intake.interview;

import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;

/** Evidence found by an analyzer, before it has an id: a verbatim quote of the interviewee. */
public record EvidenceDraft(EvidenceKind kind, String verbatim, String speaker, Double startSec, Double endSec) {
    public EvidenceDraft {
        if (kind == null || verbatim == null || verbatim.isBlank()) {
            throw new IllegalArgumentException("evidence has a kind and a verbatim quote");
        }
    }
}
