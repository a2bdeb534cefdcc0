package dev.intake.providers.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers a project question with the evidence that fits it best: shared content words, plus the
 * kind of evidence the question asks for ("what would they pay" wants willingness to pay).
 */
final class QuestionAnswerer {

    /**
     * A question matching {@code question} wants evidence of {@code kind} (when set), or evidence that
     * says {@code evidence} (when set).
     */
    private record Hint(Pattern question, EvidenceKind kind, Pattern evidence) {
        boolean fits(Evidence e) {
            return e.kind() == kind || (evidence != null && evidence.matcher(e.verbatim()).find());
        }
    }

    private static final List<Hint> HINTS = List.of(
            new Hint(Pattern.compile("(?i)\\b(pay|price|pricing|cost|budget|worth|spend)"), EvidenceKind.WILLINGNESS_TO_PAY, null),
            new Hint(Pattern.compile("(?i)\\b(pain|problem|frustrat|hard|difficult|struggl|slow|challeng|wrong|block)"),
                    EvidenceKind.PAIN, null),
            new Hint(Pattern.compile("(?i)\\b(want|goal|ideal|wish|hope|success|better)"), EvidenceKind.GOAL, null),
            new Hint(Pattern.compile("(?i)\\b(tried|try|currently|workaround|solve|handle)"), EvidenceKind.WORKAROUND, null),
            new Hint(Pattern.compile("(?i)\\b(who decides|decid|decision|approv|buy|sign)"), null,
                    Pattern.compile("(?i)\\b(signs? off|decid\\w*|decision|approv\\w*|budget|manager|boss|CEO|CFO|procurement)\\b")));

    private static final int KIND_SCORE = 3;
    private static final int WORD_SCORE = 2;
    private static final int MIN_SCORE = 3;
    private static final int MAX_EVIDENCE = 2;

    private QuestionAnswerer() {
    }

    static AnswerDraft answer(Question question, List<Evidence> evidence) {
        Set<String> asked = Words.stems(question.text());
        List<Hint> wanted = HINTS.stream()
                .filter(h -> h.question().matcher(question.text()).find())
                .toList();
        record Scored(Evidence evidence, int score, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            int shared = (int) Words.stems(e.verbatim()).stream().filter(asked::contains).count();
            int score = shared * WORD_SCORE + (wanted.stream().anyMatch(h -> h.fits(e)) ? KIND_SCORE : 0);
            if (score >= MIN_SCORE) {
                scored.add(new Scored(e, score, i));
            }
        }
        List<Evidence> best = scored.stream()
                .sorted(Comparator.comparingInt((Scored s) -> -s.score()).thenComparingInt(Scored::order))
                .limit(MAX_EVIDENCE)
                .map(Scored::evidence)
                .toList();
        if (best.isEmpty()) {
            return AnswerDraft.unanswered(question.id());
        }
        String answer = String.join(" ", best.stream().map(Evidence::verbatim).toList());
        return new AnswerDraft(question.id(), answer, best.stream().map(Evidence::id).toList());
    }
}
