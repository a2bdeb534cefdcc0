package dev.intake.interview;

/** Evidence found by an analyzer, before it has an id: a verbatim quote of the interviewee, and what it tells. */
public record EvidenceDraft(EvidenceKind kind, String verbatim, String speaker, Double startSec, Double endSec,
                            EvidenceDetail detail) {
    public EvidenceDraft {
        if (kind == null || verbatim == null || verbatim.isBlank()) {
            throw new IllegalArgumentException("evidence has a kind and a verbatim quote");
        }
        detail = detail == null ? EvidenceDetail.none() : detail;
    }

    public EvidenceDraft(EvidenceKind kind, String verbatim, String speaker, Double startSec, Double endSec) {
        this(kind, verbatim, speaker, startSec, endSec, EvidenceDetail.none());
    }
}
