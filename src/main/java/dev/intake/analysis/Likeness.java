package dev.intake.analysis;

import java.util.List;
import java.util.Set;

/**
 * How alike two texts are, computed when asked instead of for every pair up front: by their centred
 * sentence vectors (cosine) or, without the model, by the telling words they share ({@link Rarity}).
 * Every comparison is counted ({@link Comparisons}).
 */
final class Likeness {

    /** Without the model, two groups are as alike as the most alike of this many of each one's texts, evenly spread. */
    private static final int SAMPLED = 4;

    private final List<float[]> vectors;
    private final Rarity rarity;
    private final List<Set<String>> stems;
    private final Comparisons comparisons;

    private Likeness(List<float[]> vectors, Rarity rarity, List<Set<String>> stems, Comparisons comparisons) {
        this.vectors = vectors;
        this.rarity = rarity;
        this.stems = stems;
        this.comparisons = comparisons;
    }

    /** By meaning: {@code centred} are unit vectors ({@link VectorMath#centred}). */
    static Likeness byMeaning(List<float[]> centred, Comparisons comparisons) {
        return new Likeness(centred, null, null, comparisons);
    }

    /** By the telling words the texts share, how telling a word is judged among these texts. */
    static Likeness byWords(List<String> texts, Comparisons comparisons) {
        return new Likeness(null, Rarity.ofTexts(texts), texts.stream().map(Words::stems).toList(), comparisons);
    }

    boolean byMeaning() {
        return vectors != null;
    }

    /** How alike texts {@code i} and {@code j} are; the same whichever is named first. */
    double of(int i, int j) {
        comparisons.add(1);
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        return vectors != null ? VectorMath.similarity(vectors.get(a), vectors.get(b))
                : rarity.overlap(stems.get(a), stems.get(b));
    }

    /** The average likeness of every text of {@code a} to every text of {@code b}; 0 when either is empty. */
    double average(List<Integer> a, List<Integer> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (int i : a) {
            for (int j : b) {
                sum += of(i, j);
            }
        }
        return sum / (a.size() * b.size());
    }

    /** Texts taken together: their indexes, in order, and (by meaning) the sum of their vectors. */
    record Group(List<Integer> members, double[] sum) {
        int first() {
            return members.get(0);
        }
    }

    Group group(List<Integer> members) {
        if (vectors == null) {
            return new Group(members, null);
        }
        double[] sum = new double[vectors.get(members.get(0)).length];
        for (int m : members) {
            float[] v = vectors.get(m);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += v[d];
            }
        }
        return new Group(members, sum);
    }

    /** The groups as one: their members in order, their vectors' sums added. */
    Group joined(List<Group> parts) {
        List<Integer> members = new java.util.ArrayList<>();
        parts.forEach(part -> members.addAll(part.members()));
        members.sort(Integer::compare);
        if (vectors == null) {
            return new Group(members, null);
        }
        double[] sum = new double[parts.get(0).sum().length];
        for (Group part : parts) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += part.sum()[d];
            }
        }
        return new Group(members, sum);
    }

    /**
     * How alike two groups are as the grouping links them: by meaning, the average likeness of every
     * text of one to every text of the other, which for unit vectors is the dot product of their sums
     * over the product of their sizes (one comparison, whatever the sizes); by words, the most alike
     * pair among an even spread of a few texts of each.
     */
    double between(Group a, Group b) {
        if (a.members().size() == 1 && b.members().size() == 1) {
            return of(a.first(), b.first());
        }
        if (vectors != null) {
            comparisons.add(1);
            double dot = 0;
            for (int d = 0; d < a.sum().length; d++) {
                dot += a.sum()[d] * b.sum()[d];
            }
            return dot / ((double) a.members().size() * b.members().size());
        }
        double most = Double.NEGATIVE_INFINITY;
        for (int i : ThemeFinder.spread(a.members(), SAMPLED)) {
            for (int j : ThemeFinder.spread(b.members(), SAMPLED)) {
                most = Math.max(most, of(i, j));
            }
        }
        return most;
    }
}
