package dev.intake.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;

/**
 * Which evidence a researcher would put at the top of their notes: what the interviewee came back to
 * (its words recur in other evidence), said plainly (its words signal its kind strongly), with a figure
 * (a number, an amount, a time), and of a kind that drives a decision (pains and prices before
 * context). Chosen one at a time, each pick making its kind and its words worth less, so the top of
 * the notes covers the pain, the wish, the price and the deciding fact rather than five pains.
 */
final class Salience {

    static final int MOST = 5;

    private static final Map<EvidenceKind, Double> KIND = Map.of(
            EvidenceKind.PAIN, 0.3,
            EvidenceKind.WILLINGNESS_TO_PAY, 0.3,
            EvidenceKind.GOAL, 0.25,
            EvidenceKind.WORKAROUND, 0.1,
            EvidenceKind.CONTEXT, 0.0);
    private static final double SIGNAL = 0.3;
    private static final double RECURS = 0.4;
    private static final double FIGURE = 0.15;
    /** What each earlier pick of the same kind takes away. */
    private static final double SAME_KIND = 0.35;
    /** Two quotes sharing this share of their words say one thing. */
    private static final double SAME_THING = 0.5;
    /** The most other evidence a piece's recurrence is counted among. */
    static final int RECURRENCE_SAMPLE = 400;
    private static final Pattern A_FIGURE = Pattern.compile("(?i)\\d|\\$|\\b(hundred|thousand|million|dozen|twice|half"
            + "|percent|hours?|days?|weeks?|months?)\\b");

    private Salience() {
    }

    /** Up to {@link #MOST} pieces of evidence, the most telling first. */
    static List<Evidence> rank(List<Evidence> evidence) {
        return rank(evidence, new Comparisons());
    }

    /** As {@link #rank(List)}, counting every comparison of two pieces of evidence in {@code comparisons}. */
    static List<Evidence> rank(List<Evidence> evidence, Comparisons comparisons) {
        List<Set<String>> stems = evidence.stream().map(e -> Words.stems(e.verbatim())).toList();
        List<Double> base = new ArrayList<>();
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            double signal = EvidenceClassifier.signals(e.verbatim())[e.kind().ordinal()];
            base.add(KIND.get(e.kind()) + SIGNAL * signal + RECURS * recurrence(i, stems, comparisons)
                    + (A_FIGURE.matcher(e.verbatim()).find() ? FIGURE : 0));
        }
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < Math.min(MOST, evidence.size())) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < evidence.size(); i++) {
                Set<String> own = stems.get(i);
                if (picked.contains(i) || picked.stream().anyMatch(p -> overlap(stems.get(p), own) >= SAME_THING)) {
                    continue;
                }
                EvidenceKind kind = evidence.get(i).kind();
                double score = base.get(i) - SAME_KIND * picked.stream().filter(p -> evidence.get(p).kind() == kind).count();
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < 0) {
                break;
            }
            picked.add(best);
        }
        return picked.stream().map(evidence::get).toList();
    }

    /**
     * The share of the other evidence that shares a content word with this one, up to 1: of all the
     * others, or of an even spread of {@link #RECURRENCE_SAMPLE} of them in a long call, where comparing
     * each piece with every other would cost evidence × evidence.
     */
    private static double recurrence(int i, List<Set<String>> stems, Comparisons comparisons) {
        int others = stems.size() - 1;
        if (others < 1) {
            return 0;
        }
        int compared = Math.min(others, RECURRENCE_SAMPLE);
        long sharing = 0;
        for (int k = 0; k < compared; k++) {
            int j = (int) ((long) k * others / compared);
            j = j >= i ? j + 1 : j;
            if (sharesAWord(stems.get(j), stems.get(i))) {
                sharing++;
            }
        }
        comparisons.add(compared);
        return (double) sharing / compared;
    }

    // Plain loops: these run evidence × sample times in a long call, where a stream's set-up per pair costs more than the pair.
    private static boolean sharesAWord(Set<String> a, Set<String> b) {
        for (String word : a) {
            if (b.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long shared = 0;
        for (String word : a) {
            if (b.contains(word)) {
                shared++;
            }
        }
        return (double) shared / Math.min(a.size(), b.size());
    }
}
