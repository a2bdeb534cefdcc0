package dev.intake.providers.analysis;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the interviewer's question says about the answer: an answer to "what would you pay for?" is
 * about paying even when it names no price, an answer to "what's the hardest part?" is a pain.
 */
final class QuestionHints {

    private record Hint(Pattern question, EvidenceKind kind) {
    }

    private static final List<Hint> HINTS = List.of(
            new Hint(Pattern.compile("(?i)\\b(pay|price|pricing|budget|worth|cost you)\\b"), EvidenceKind.WILLINGNESS_TO_PAY),
            new Hint(Pattern.compile("(?i)\\b(hardest|hard|problem|challeng\\w*|frustrat\\w*|worst|pain\\w*|difficult|worr\\w*|go badly|went wrong)\\b"),
                    EvidenceKind.PAIN),
            new Hint(Pattern.compile("(?i)\\b(make you switch|magic wand|look like|ideal|wish|want|need|success)\\b"), EvidenceKind.GOAL),
            new Hint(Pattern.compile("(?i)\\b(tried|try|currently|today|walk me through|how do you)\\b"), EvidenceKind.WORKAROUND));

    private QuestionHints() {
    }

    static Optional<EvidenceKind> kindFor(String question) {
        if (question == null) {
            return Optional.empty();
        }
        return HINTS.stream().filter(h -> h.question().matcher(question).find()).map(Hint::kind).findFirst();
    }
}
