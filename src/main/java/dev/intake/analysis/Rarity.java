package dev.intake.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.intake.analysis.Statements.Statement;

/**
 * How telling each word is in one interview: a word said in few statements ("whiteboard") tells more
 * about what a statement is about than one said throughout ("payroll" in a payroll interview).
 */
final class Rarity {

    private static final double MAX_SHARED = 3;

    private final Map<String, Integer> statementsWith;
    private final int statements;

    private Rarity(Map<String, Integer> statementsWith, int statements) {
        this.statementsWith = statementsWith;
        this.statements = statements;
    }

    static Rarity of(List<Statement> statements) {
        return ofTexts(statements.stream().map(Statement::text).toList());
    }

    static Rarity ofTexts(List<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            for (String stem : Words.stems(text)) {
                counts.merge(stem, 1, Integer::sum);
            }
        }
        return new Rarity(counts, texts.size());
    }

    /** How much of the telling words of the shorter of two texts the other also says, from 0 to 1. */
    double overlap(String a, String b) {
        return overlap(Words.stems(a), Words.stems(b));
    }

    /** As {@link #overlap(String, String)}, for texts' stems found once ({@link Words#stems}), as every pair of many is compared. */
    double overlap(Set<String> wordsA, Set<String> wordsB) {
        double shared = 0;
        double totalA = 0;
        double totalB = 0;
        for (String stem : wordsA) {
            totalA += weight(stem);
            shared += wordsB.contains(stem) ? weight(stem) : 0;
        }
        for (String stem : wordsB) {
            totalB += weight(stem);
        }
        double smaller = Math.min(totalA, totalB);
        return smaller == 0 ? 0 : shared / smaller;
    }

    /** From 1 for a word said once to near 0 for a word said everywhere. */
    double weight(String stem) {
        int n = statementsWith.getOrDefault(stem, 0);
        if (statements < 2) {
            return 1;
        }
        return Math.max(0, Math.min(1, Math.log((statements + 1.0) / (n + 0.5)) / Math.log(statements + 1.0)));
    }

    /** The words of {@code text} among {@code words}, each counted by how telling it is (at most 3). */
    double shared(Set<String> words, String text) {
        if (text == null) {
            return 0;
        }
        double sum = 0;
        for (String stem : Words.stems(text)) {
            if (words.contains(stem)) {
                sum += weight(stem);
            }
        }
        return Math.min(MAX_SHARED, sum);
    }
}
