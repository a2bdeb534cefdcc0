package dev.intake.interview;

import java.util.List;
import java.util.UUID;

/** A theme and the evidence that supports it. */
public record ThemeDraft(String name, String summary, List<UUID> evidenceIds) {
    public ThemeDraft {
        if (name == null || name.isBlank() || evidenceIds == null || evidenceIds.isEmpty()) {
            throw new IllegalArgumentException("a theme has a name and at least one piece of evidence");
        }
        evidenceIds = List.copyOf(evidenceIds);
    }
}
