package dev.intake.interview;

import java.util.List;
import java.util.Set;

/**
 * What Insights' extraction says of a piece of evidence beside its quote (BAML {@code EvidenceTurn} and
 * its {@code Scene}): the speaker's fuller thought ({@code chunk}), a headline ({@code gist}), the topic
 * of the part of the conversation it comes from, why it matters, how sure it is (low, medium, high),
 * whether it asks something, and the facets it carries. Null fields are filled from the quote when
 * stored, as Insights fills them.
 */
public record EvidenceDetail(String chunk, String gist, String topic, String whyItMatters, String confidence,
                             boolean isQuestion, List<FacetMention> facets) {

    public static final Set<String> CONFIDENCES = Set.of("low", "medium", "high");

    public EvidenceDetail {
        if (confidence != null && !CONFIDENCES.contains(confidence)) {
            throw new IllegalArgumentException("confidence is low, medium or high, not " + confidence);
        }
        facets = facets == null ? List.of() : List.copyOf(facets);
    }

    /** Nothing beyond the quote: the store derives the rest from it. */
    public static EvidenceDetail none() {
        return new EvidenceDetail(null, null, null, null, null, false, List.of());
    }
}
