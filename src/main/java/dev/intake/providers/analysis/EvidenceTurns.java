package dev.intake.providers.analysis;

import static dev.intake.providers.analysis.JsonSchemas.array;
import static dev.intake.providers.analysis.JsonSchemas.bool;
import static dev.intake.providers.analysis.JsonSchemas.fields;
import static dev.intake.providers.analysis.JsonSchemas.nullableString;
import static dev.intake.providers.analysis.JsonSchemas.object;
import static dev.intake.providers.analysis.JsonSchemas.oneOf;
import static dev.intake.providers.analysis.JsonSchemas.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import dev.intake.interview.EvidenceDetail;
import dev.intake.interview.FacetMention;
import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;

/**
 * The fields of Insights' {@code EvidenceTurn} (baml_src/extract_evidence.baml) a model is asked for
 * beside each quote, and how its answer is read: the chunk must hold the quote; the facet kinds are
 * Insights' own; and the quote's start is found in the transcript, as Insights finds it, before the
 * model's own times are believed.
 */
final class EvidenceTurns {

    /** The facet kinds Insights' extraction may name. */
    static final List<String> FACET_KINDS = List.of("goal", "pain", "behavior", "tool", "value", "requirements",
            "preference", "demographic", "context", "artifact", "emotion", "workflow", "feature");

    private EvidenceTurns() {
    }

    static Map<String, JsonNode> schemaFields() {
        return fields(
                "chunk", string(),
                "gist", string(),
                "topic", nullableString(),
                "why_it_matters", nullableString(),
                "confidence", oneOf(List.copyOf(EvidenceDetail.CONFIDENCES.stream().sorted().toList())),
                "is_question", bool(),
                "facet_mentions", array(object(fields("kind_slug", oneOf(FACET_KINDS), "value", string(),
                        "quote", nullableString()))));
    }

    static String instructions() {
        return " For each piece of evidence also give: chunk, two to five sentences of the speaker's words around the"
                + " quote, copied exactly; gist, a headline of at most 12 words; topic, a short label of the part of"
                + " the conversation it comes from; why_it_matters, at most 10 words; confidence, low, medium or high"
                + " (a direct quote is stronger than a concrete behavior, which is stronger than an inferred belief);"
                + " is_question; and facet_mentions, one per distinct signal, each a kind (" + String.join(", ", FACET_KINDS)
                + "), a concrete value of at most 12 words, and an optional supporting quote of at most 15 words.";
    }

    static EvidenceDetail read(JsonNode item, String verbatim, String normalizedVerbatim) {
        String chunk = ModelOutput.text(item, "chunk");
        if (!normalize(chunk).contains(normalizedVerbatim)) {
            throw new SchemaViolation("the chunk \"" + chunk + "\" does not hold its quote \"" + verbatim + "\"");
        }
        String confidence = ModelOutput.text(item, "confidence");
        if (!EvidenceDetail.CONFIDENCES.contains(confidence)) {
            throw new SchemaViolation("confidence '" + confidence + "' is not one of " + EvidenceDetail.CONFIDENCES);
        }
        JsonNode question = item.get("is_question");
        if (question == null || !question.isBoolean()) {
            throw new SchemaViolation("'is_question' is not true or false");
        }
        List<FacetMention> facets = new ArrayList<>();
        for (JsonNode mention : ModelOutput.array(item, "facet_mentions")) {
            String kind = ModelOutput.text(mention, "kind_slug");
            if (!FACET_KINDS.contains(kind)) {
                throw new SchemaViolation("facet kind '" + kind + "' is not one of " + FACET_KINDS);
            }
            facets.add(new FacetMention(kind, ModelOutput.text(mention, "value"), ModelOutput.nullableText(mention, "quote")));
        }
        return new EvidenceDetail(chunk, ModelOutput.text(item, "gist"), ModelOutput.nullableText(item, "topic"),
                ModelOutput.nullableText(item, "why_it_matters"), confidence, question.booleanValue(), facets);
    }

    /** Where the transcript says the quote starts; null when its turns carry no times or none holds it. */
    static Double start(Transcript transcript, String verbatim) {
        List<TimestampMapping.Segment> segments = transcript.utterances().stream()
                .filter(u -> u.startSec() != null)
                .map(u -> new TimestampMapping.Segment(u.text(), u.startSec()))
                .toList();
        String text = transcript.utterances().stream().map(Utterance::text).collect(Collectors.joining(" "));
        return TimestampMapping.findStartSeconds(verbatim, List.of(), segments, text,
                segments.isEmpty() ? null : transcript.durationSec());
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s\"“”]+", " ").strip();
    }
}
