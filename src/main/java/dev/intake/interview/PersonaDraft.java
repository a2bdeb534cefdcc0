package dev.intake.interview;

import java.util.List;

/**
 * A persona drawn from an interviewee and the themes of the conversation; {@code drawnFrom} names the
 * interviewee it is assigned to (null: every interviewee of the interview).
 */
public record PersonaDraft(String name, String description, List<String> goals, List<String> pains, String drawnFrom) {
    public PersonaDraft {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a persona has a name");
        }
        goals = List.copyOf(goals);
        pains = List.copyOf(pains);
    }
}
