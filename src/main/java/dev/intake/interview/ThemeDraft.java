package dev.intake.interview;

import java.util.List;
import java.util.UUID;

/**
 * A theme as Insights keeps one (the columns its theme generation fills: a name stating the pattern,
 * the statement, what belongs and what does not, other names for it) and the evidence behind it, each
 * link with how strongly it belongs and why. {@code projectThemeId} names the project's existing theme
 * this one is about, when the analysis found one: its evidence is linked there instead of to a new theme.
 */
public record ThemeDraft(String name, String statement, String inclusionCriteria, String exclusionCriteria,
                         List<String> synonyms, List<Link> evidence, UUID projectThemeId) {

    /** One piece of evidence in the theme: {@code confidence} in [0, 1], as theme_evidence keeps it. */
    public record Link(UUID evidenceId, double confidence, String rationale) {
        public Link {
            if (evidenceId == null || !(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("a theme's evidence link has an evidence id and a confidence in [0, 1]");
            }
        }
    }

    public ThemeDraft {
        if (name == null || name.isBlank() || evidence == null || evidence.isEmpty()) {
            throw new IllegalArgumentException("a theme has a name and at least one piece of evidence");
        }
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        evidence = List.copyOf(evidence);
    }

    /** A theme of its own, with the evidence ids alone (confidence 1, no rationale). */
    public static ThemeDraft of(String name, String statement, List<UUID> evidenceIds) {
        return new ThemeDraft(name, statement, null, null, List.of(),
                evidenceIds.stream().map(id -> new Link(id, 1.0, null)).toList(), null);
    }

    public List<UUID> evidenceIds() {
        return evidence.stream().map(Link::evidenceId).toList();
    }

    /** The same theme, its evidence linked to the project's theme {@code id}. */
    public ThemeDraft joining(UUID id) {
        return new ThemeDraft(name, statement, inclusionCriteria, exclusionCriteria, synonyms, evidence, id);
    }
}
