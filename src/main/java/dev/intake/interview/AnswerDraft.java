package dev.intake.interview;

import java.util.List;
import java.util.UUID;

/**
 * A question's answer from one interview, as Insights' research analysis writes one: the answer, how
 * confident it is (0..1), why the evidence answers the question ({@code rationale}), what to ask next
 * when something is left open, and the evidence that supports it, each link with its own confidence and
 * reason. Unanswered when nothing said is about the question.
 */
public record AnswerDraft(UUID questionId, String answer, double confidence, String rationale, String nextSteps,
                          List<Support> evidence) {

    /** How one piece of evidence bears on the answer: "supports", "refutes" or "neutral", as Insights says. */
    public record Support(UUID evidenceId, String relationship, double confidence, String rationale) {
        public Support {
            if (evidenceId == null || !List.of("supports", "refutes", "neutral").contains(relationship)
                    || !(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("evidence supports, refutes or is neutral to an answer, with a confidence in [0, 1]");
            }
        }
    }

    public AnswerDraft {
        evidence = List.copyOf(evidence);
        if ((answer == null) != evidence.isEmpty()) {
            throw new IllegalArgumentException("an answer is backed by evidence; an unanswered question has neither");
        }
        if (answer != null && (!(confidence >= 0 && confidence <= 1) || rationale == null || rationale.isBlank())) {
            throw new IllegalArgumentException("an answer has a confidence in [0, 1] and a rationale");
        }
    }

    public static AnswerDraft unanswered(UUID questionId) {
        return new AnswerDraft(questionId, null, 0, null, null, List.of());
    }

    public boolean answered() {
        return answer != null;
    }

    public List<UUID> evidenceIds() {
        return evidence.stream().map(Support::evidenceId).toList();
    }
}
