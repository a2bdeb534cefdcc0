package dev.intake.interview;

/**
 * One signal a piece of evidence carries, as Insights' extraction names it (BAML {@code FacetMention}):
 * a facet kind of Insights' catalog ({@code facet_kind_global.slug}: pain, goal, behavior, ...), a short
 * readable value that becomes the facet's label, and optionally the words that show it.
 */
public record FacetMention(String kindSlug, String value, String quote) {
    public FacetMention {
        if (kindSlug == null || kindSlug.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("a facet mention has a kind and a value");
        }
        kindSlug = kindSlug.strip().toLowerCase(java.util.Locale.ROOT);
        value = value.strip();
        quote = quote == null || quote.isBlank() ? null : quote.strip();
    }
}
