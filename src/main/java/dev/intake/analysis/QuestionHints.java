package dev.intake.analysis;

import dev.intake.interview.EvidenceKind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the interviewer's question says about the answer, by its words: an answer to "how much would
 * you spend?" is about paying even when it names no price, an answer to "what's the hardest part?" is a
 * pain, and an answer to "can you hear me?" is small talk. The rules-only reading of a question; with
 * the model, questions are compared by meaning instead.
 */
final class QuestionHints {

    private record Hint(Pattern question, EvidenceKind kind) {
    }

    private static final List<Hint> HINTS = List.of(
            new Hint(Pattern.compile("(?i)\\b(pay|price|pricing|budget|worth|spend|reasonable|fair|afford)\\b"),
                    EvidenceKind.WILLINGNESS_TO_PAY),
            new Hint(Pattern.compile("(?i)\\b(ideal\\w*|perfect\\w*|magic|wand|wish|dream|redesign|if you could|make \\w+ (easier|better)"
                    + "|look like for you|what would it do|make (you|them) (switch|buy|change|move))\\b"), EvidenceKind.GOAL),
            new Hint(Pattern.compile("(?i)\\b(hardest|hard|problems?|issues?|challeng\\w*|frustrat\\w*|worst|hurts?|pain\\w*"
                    + "|difficult\\w*|worr\\w*|struggl\\w*|go(es)? (badly|wrong)|went wrong|what happens when|how often|cost you"
                    + "|break\\w*)\\b"), EvidenceKind.PAIN),
            new Hint(Pattern.compile("(?i)\\b(handle|deal with|cope|work around|workaround|capture|keep track|what do you do|have you tried"
                    + "|tried|how do you)\\b"), EvidenceKind.WORKAROUND),
            new Hint(Pattern.compile("(?i)\\b(your role|about (the|your) (company|team|practice|business|organi[sz]ation)|how many|how big"
                    + "|what (tools?|systems?|software)|who (decides|signs|approves|else))\\b"), EvidenceKind.CONTEXT));

    private static final Pattern SMALL_TALK = Pattern.compile("(?i)\\b(hear me|see me|see us|how(?:'s| is| are| has| have) (?:you|your|things|everything|it going)"
            + "|good time|thanks (so much|for)|thank you)\\b");

    private QuestionHints() {
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
