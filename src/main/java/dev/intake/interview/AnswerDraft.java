package dev.intake.interview;

import java.util.List;
import java.util.UUID;

/** A question's answer from one interview, with the evidence behind it; unanswered when nothing fits. */
public record AnswerDraft(UUID questionId, String answer, List<UUID> evidenceIds) {

    public AnswerDraft {
        evidenceIds = List.copyOf(evidenceIds);
        if ((answer == null) != evidenceIds.isEmpty()) {
            throw new IllegalArgumentException("an answer is backed by evidence; an unanswered question has neither");
        }
    }

    public static AnswerDraft unanswered(UUID questionId) {
        return new AnswerDraft(questionId, null, List.of());
    }

    public boolean answered() {
        return answer != null;
    }
}
