package dev.intake.store;

import java.util.UUID;

/** Proof that a step of an interview was claimed: every write of the step's output is fenced by it. */
public record Lease(UUID interviewId, String owner) {

    public Lease {
        if (interviewId == null || owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("a lease names an interview and its owner");
        }
    }

    public static Lease newOwner(UUID interviewId) {
        return new Lease(interviewId, UUID.randomUUID().toString());
    }
}
