package dev.intake.analysis;

import dev.intake.interview.EvidenceKind;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the interviewer's question says about the answer, by its words: an answer to "how much would
 * you spend?" is about paying even when it names no price, an answer to "what's the hardest part?" is a
 * pain, and an answer to "can you hear me?" is small talk. The rules-only reading of a question; with
 * the model, questions are compared by meaning instead.
 * The hints, in the order they are tried, are in {@code analysis/question-hints.rules}.
 */
final class QuestionHints {

    private record Hint(Pattern question, EvidenceKind kind) {
    }

    private static final RuleFile RULES = RuleFile.load("/analysis/question-hints.rules", Set.of("hint", "small-talk"));
    private static final List<Hint> HINTS = RULES.all("hint").stream().map(QuestionHints::hint).toList();
    private static final Pattern SMALL_TALK = RULES.pattern("small-talk");

    private QuestionHints() {
    }

    /** A {@code [hint kind]} section of the rules. */
    private static Hint hint(RuleFile.Section section) {
        if (section.arguments().size() != 1) {
            throw section.fail("needs a kind, as in [hint pain]");
        }
        return new Hint(section.pattern(), section.kind(0));
    }

    /** How strongly the question asks for each kind, indexed by {@link EvidenceKind#ordinal()}; all 0 without a question. */
    static double[] kindsAskedFor(String question) {
        double[] asked = new double[EvidenceKind.values().length];
        if (question == null) {
            return asked;
        }
        for (Hint hint : HINTS) {
            if (hint.question().matcher(question).find()) {
                asked[hint.kind().ordinal()] = 1;
                return asked;
            }
        }
        return asked;
    }

    static boolean isSmallTalk(String question) {
        return question != null && SMALL_TALK.matcher(question).find();
    }
}
