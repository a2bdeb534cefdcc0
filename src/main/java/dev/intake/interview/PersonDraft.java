package dev.intake.interview;

import dev.intake.interview.PersonRole;

/** A person found in a transcript; {@code relation} says how a mentioned person relates (e.g. "manager"). */
public record PersonDraft(String name, PersonRole role, String relation) {
    public PersonDraft {
        if (name == null || name.isBlank() || role == null) {
            throw new IllegalArgumentException("a person has a name and a role");
        }
    }
}
