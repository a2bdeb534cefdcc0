package dev.intake.interview;

import java.util.List;
import java.util.UUID;

/**
 * What the interview detail page shows above the transcript: an overview paragraph, key takeaways tied
 * to evidence, open questions and recommended next steps, with the questions asked and what each
 * participant wanted. The fields of Insights' {@code ConversationAnalysis} (baml_src/conversation_analysis.baml),
 * which its finalize stores as the conversation-overview lens. {@code title} is a short name for the
 * conversation (Insights' GenerateTitleFromContent), used only where the interview's title is a placeholder;
 * null when nothing fits.
 */
public record ConversationOverview(String overview, String durationEstimate, List<AskedQuestion> questions,
                                   List<ParticipantGoal> participantGoals, List<Takeaway> keyTakeaways,
                                   List<String> openQuestions, List<Recommendation> recommendedNextSteps,
                                   String title) {

    public ConversationOverview {
        if (overview == null || overview.isBlank()) {
            throw new IllegalArgumentException("an overview has a paragraph");
        }
        questions = List.copyOf(questions);
        participantGoals = List.copyOf(participantGoals);
        keyTakeaways = List.copyOf(keyTakeaways);
        openQuestions = List.copyOf(openQuestions);
        recommendedNextSteps = List.copyOf(recommendedNextSteps);
    }

    /** Insights analyses only a transcript this long; a shorter one is its own overview. */
    public static final int MIN_TRANSCRIPT = 200;

    /** Insights' overview of a transcript under {@link #MIN_TRANSCRIPT} characters: the text itself, nothing else. */
    public static ConversationOverview ofShort(String transcript) {
        String text = transcript == null || transcript.isBlank()
                ? "Transcript too short for meaningful analysis." : transcript.strip();
        return new ConversationOverview(text, null, List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    public enum Priority {
        HIGH, MEDIUM, LOW;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A takeaway with the quotes behind it and the evidence those quotes are. */
    public record Takeaway(Priority priority, String summary, List<String> evidenceSnippets,
                           List<UUID> supportingEvidenceIds) {
        public Takeaway {
            if (priority == null || summary == null || summary.isBlank()) {
                throw new IllegalArgumentException("a takeaway has a priority and a summary");
            }
            evidenceSnippets = List.copyOf(evidenceSnippets);
            supportingEvidenceIds = List.copyOf(supportingEvidenceIds);
        }
    }

    public record Recommendation(String focusArea, String action, String rationale) {
    }

    /** A question asked in the conversation; {@code confidence} in [0, 1] or null. */
    public record AskedQuestion(String question, String askedBy, String intent, String evidenceSnippet,
                                Double confidence) {
    }

    public record ParticipantGoal(String speaker, String goal, String evidenceSnippet, Double confidence) {
    }
}
