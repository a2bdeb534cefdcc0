package dev.intake.analysis;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which extracted turns Insights' pipeline keeps as evidence ({@code shouldSkipPersistedEvidenceTurn}
 * in {@code extractEvidenceCore.ts}): never the interviewer's scaffolding (a question, or a remark
 * with no facet), never a short acknowledgement, a short question or a procedural question with
 * nothing to file under a facet.
 */
final class EvidenceSelection {

    private static final List<Pattern> LOW_SIGNAL = List.of(
            Pattern.compile("^(yeah|yes|yep|yup|okay|ok|cool|nice|sure|right|got it|sounds good)\\.?$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(all good|that sounds really smart)\\.?$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(thanks|thank you|thanks so much)(?:\\b.*)?$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(of course)(?:\\b.*)?$", Pattern.CASE_INSENSITIVE));
    private static final Pattern PROCEDURAL_QUESTION = Pattern.compile(
            "^(all good|can you|could you|do you pay|how much time do you spend|what subjects|how about ai|how did that go"
                    + "|walk me through)", Pattern.CASE_INSENSITIVE);

    /** A turn as the check sees it; {@code personKey} is the model's key for the speaker ("interviewer-1"). */
    record Turn(String personKey, String chunk, String gist, String verb, int facetMentionCount, boolean isQuestion,
                boolean isInterviewerTurn) {
    }

    private EvidenceSelection() {
    }

    static boolean shouldSkip(Turn turn) {
        boolean lowSignalText = isLowSignal(turn.chunk()) || isLowSignal(turn.verb()) || isLowSignal(turn.gist());
        boolean procedural = turn.isQuestion() && isProceduralQuestion(turn.chunk());
        boolean interviewer = turn.personKey().startsWith("interviewer-") || turn.isInterviewerTurn();
        boolean scaffolding = interviewer && (turn.facetMentionCount() == 0 || turn.isQuestion() || procedural);
        boolean lowSignalAck = turn.facetMentionCount() == 0
                && ((turn.chunk().length() < 90 && lowSignalText)
                    || (turn.isQuestion() && turn.chunk().length() < 140)
                    || procedural);
        return scaffolding || lowSignalAck;
    }

    static boolean isLowSignal(String value) {
        String normalized = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\s]", " ").replaceAll("\\s+", " ").strip();
        if (normalized.isEmpty()) {
            return true;
        }
        return LOW_SIGNAL.stream().anyMatch(p -> p.matcher(value).find());
    }

    private static boolean isProceduralQuestion(String value) {
        String trimmed = value.strip();
        return !trimmed.isEmpty() && PROCEDURAL_QUESTION.matcher(trimmed).find();
    }
}
