package dev.intake.providers.analysis;

import static dev.intake.providers.analysis.JsonSchemas.array;
import static dev.intake.providers.analysis.JsonSchemas.fields;
import static dev.intake.providers.analysis.JsonSchemas.integer;
import static dev.intake.providers.analysis.JsonSchemas.nullableNumber;
import static dev.intake.providers.analysis.JsonSchemas.nullableString;
import static dev.intake.providers.analysis.JsonSchemas.object;
import static dev.intake.providers.analysis.JsonSchemas.oneOf;
import static dev.intake.providers.analysis.JsonSchemas.string;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.interview.ConversationOverview;
import dev.intake.interview.ConversationOverview.AskedQuestion;
import dev.intake.interview.ConversationOverview.ParticipantGoal;
import dev.intake.interview.ConversationOverview.Priority;
import dev.intake.interview.ConversationOverview.Recommendation;
import dev.intake.interview.ConversationOverview.Takeaway;
import dev.intake.interview.Evidence;

/**
 * The conversation overview asked of a chat model: the fields of Insights' ConversationAnalysis
 * (baml_src/conversation_analysis.baml) under a strict schema, each takeaway also citing the numbered
 * evidence behind it, and a 2-5 word title (its GenerateTitleFromContent). A takeaway that cites no
 * number gets the evidence its snippets quote, as Insights' finalize links them.
 */
final class OverviewPrompt {

    static final String TASK = "Analyse the conversation for the team: a concise overview paragraph; the explicit"
            + " questions asked, who asked them and why; each participant's goals; the key takeaways, each with short"
            + " exact quotes (under 200 characters) and the numbers of the evidence behind it; open questions that"
            + " should be resolved next; recommended next steps; and a title of 2 to 5 words in title case, not a"
            + " generic one such as Interview or Conversation. Confidence is between 0 and 1. Never invent"
            + " participants; leave a speaker or intent null when it cannot be told.";

    private static final List<String> PRIORITIES = Arrays.stream(Priority.values()).map(Priority::key).toList();

    private OverviewPrompt() {
    }

    static ObjectNode schema() {
        return object(fields(
                "overview", string(),
                "duration_estimate", nullableString(),
                "questions", array(object(fields("question", string(), "asked_by", nullableString(),
                        "intent", nullableString(), "evidence_snippet", nullableString(), "confidence", nullableNumber()))),
                "participant_goals", array(object(fields("speaker", nullableString(), "goal", string(),
                        "evidence_snippet", nullableString(), "confidence", nullableNumber()))),
                "key_takeaways", array(object(fields("priority", oneOf(PRIORITIES), "summary", string(),
                        "evidence_snippets", array(string()), "evidence", array(integer())))),
                "open_questions", array(string()),
                "recommended_next_steps", array(object(fields("focus_area", string(), "action", string(),
                        "rationale", string()))),
                "title", nullableString()));
    }

    static ConversationOverview ask(ChatCompletions chat, String system, String transcript, String numberedEvidence,
                                    List<Evidence> evidence) {
        JsonNode answer = chat.ask("conversation_overview", schema(), system,
                "Transcript:\n" + transcript + "\nEvidence:\n" + numberedEvidence);
        return read(answer, evidence);
    }

    static ConversationOverview read(JsonNode answer, List<Evidence> evidence) {
        List<AskedQuestion> questions = new ArrayList<>();
        for (JsonNode q : ModelOutput.array(answer, "questions")) {
            questions.add(new AskedQuestion(ModelOutput.text(q, "question"), ModelOutput.nullableText(q, "asked_by"),
                    ModelOutput.nullableText(q, "intent"), ModelOutput.nullableText(q, "evidence_snippet"),
                    confidence(q)));
        }
        List<ParticipantGoal> goals = new ArrayList<>();
        for (JsonNode g : ModelOutput.array(answer, "participant_goals")) {
            goals.add(new ParticipantGoal(ModelOutput.nullableText(g, "speaker"), ModelOutput.text(g, "goal"),
                    ModelOutput.nullableText(g, "evidence_snippet"), confidence(g)));
        }
        List<Takeaway> takeaways = new ArrayList<>();
        for (JsonNode t : ModelOutput.array(answer, "key_takeaways")) {
            String priority = ModelOutput.text(t, "priority");
            if (!PRIORITIES.contains(priority)) {
                throw new SchemaViolation("takeaway priority '" + priority + "' is not one of " + PRIORITIES);
            }
            List<String> snippets = ModelOutput.texts(t, "evidence_snippets");
            List<UUID> ids = new ArrayList<>();
            for (JsonNode index : ModelOutput.array(t, "evidence")) {
                UUID id = evidence.get(ModelOutput.index(index, evidence.size(), "evidence number")).id();
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            if (ids.isEmpty()) {
                ids.addAll(quoted(snippets, evidence));
            }
            takeaways.add(new Takeaway(Priority.valueOf(priority.toUpperCase(Locale.ROOT)), ModelOutput.text(t, "summary"),
                    snippets, ids));
        }
        List<Recommendation> nextSteps = new ArrayList<>();
        for (JsonNode r : ModelOutput.array(answer, "recommended_next_steps")) {
            nextSteps.add(new Recommendation(ModelOutput.text(r, "focus_area"), ModelOutput.text(r, "action"),
                    ModelOutput.text(r, "rationale")));
        }
        return new ConversationOverview(ModelOutput.text(answer, "overview"),
                ModelOutput.nullableText(answer, "duration_estimate"), questions, goals, takeaways,
                ModelOutput.texts(answer, "open_questions"), nextSteps, ModelOutput.nullableText(answer, "title"));
    }

    /** Confidence clamped to [0, 1] with two decimals, as Insights normalises it; null stays null. */
    private static Double confidence(JsonNode node) {
        JsonNode value = node.get("confidence");
        if (value == null) {
            throw new SchemaViolation("'confidence' is missing");
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new SchemaViolation("'confidence' is not a number or null");
        }
        return Math.round(Math.min(1, Math.max(0, value.asDouble())) * 100) / 100.0;
    }

    /**
     * The evidence each snippet best quotes, in snippet order (Insights' pickBestEvidenceIdForSnippet): the
     * longest match of the snippet inside a verbatim, or of a verbatim over 20 characters inside the snippet.
     */
    static List<UUID> quoted(List<String> snippets, List<Evidence> evidence) {
        List<UUID> ids = new ArrayList<>();
        for (String snippet : snippets) {
            String s = snippet.toLowerCase(Locale.ROOT).strip();
            UUID best = null;
            int bestScore = 0;
            for (Evidence e : evidence) {
                String verbatim = e.verbatim() == null ? "" : e.verbatim().toLowerCase(Locale.ROOT);
                int score = s.isEmpty() ? 0 : verbatim.contains(s) ? s.length()
                        : s.contains(verbatim) && verbatim.length() > 20 ? verbatim.length() : 0;
                if (score > bestScore) {
                    bestScore = score;
                    best = e.id();
                }
            }
            if (best != null && !ids.contains(best)) {
                ids.add(best);
            }
        }
        return ids;
    }
}
