package dev.intake.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.ProjectTheme;
import dev.intake.interview.ThemeDraft;

/**
 * A long interview costs at most linearly more: four times the evidence makes about four times the
 * comparisons of two texts, not sixteen (as comparing every pair would). Counted, never timed.
 */
class LinearCostTest {

    /** Four times the evidence may cost this many times the comparisons: linear with some slack, far below 16. */
    private static final double AT_MOST = 5.0;
    private static final int N = 600;

    private static final String[] TOPICS = {"invoice", "supplier", "calendar", "meeting", "bakers", "payroll",
        "refunds", "warehouse", "inspection", "budget", "contracts", "tickets", "fleet", "training", "audit"};
    private static final String[] SAYING = {"The %s takes forever every week.", "Nobody trusts the %s numbers.",
        "We keep the %s and the %s in a spreadsheet.", "I'd pay for help with the %s.",
        "Our %s breaks whenever someone is away.", "Honestly the %s and %s are a mess."};

    /** Evidence about a few topics, as a long call repeats them: deterministic for a seed. */
    private static List<Evidence> evidence(int n, long seed) {
        Random random = new Random(seed);
        List<Evidence> evidence = new ArrayList<>();
        EvidenceKind[] kinds = EvidenceKind.values();
        for (int i = 0; i < n; i++) {
            String saying = SAYING[random.nextInt(SAYING.length)];
            String text = String.format(saying, TOPICS[random.nextInt(TOPICS.length)], TOPICS[random.nextInt(TOPICS.length)])
                    + " Case " + i + ".";
            evidence.add(new Evidence(new UUID(1, i), kinds[random.nextInt(kinds.length)], text, "Kim Alvarsson", null, null));
        }
        return evidence;
    }

    private static long themeComparisons(int n) {
        Comparisons comparisons = new Comparisons();
        ProjectTheme known = new ProjectTheme(new UUID(7, 1), "Invoice rejections", "Suppliers reject invoices.",
                List.of("Our supplier rejects a third of our invoices.", "Every week invoices come back from the supplier."));
        List<ThemeDraft> themes = ThemeFinder.find(evidence(n, 3), List.of(known), null, comparisons);
        assertTrue(!themes.isEmpty(), "the evidence falls into themes");
        return comparisons.count();
    }

    @Test
    void themes_of_four_times_the_evidence_take_about_four_times_the_comparisons() {
        assertAboutLinear(LinearCostTest::themeComparisons);
    }

    /** Random unit vectors around a few directions, as centred sentence vectors of a few topics are. */
    private static List<float[]> vectors(int n, long seed) {
        Random random = new Random(seed);
        int dimensions = 32;
        List<float[]> topics = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            float[] v = new float[dimensions];
            for (int d = 0; d < dimensions; d++) {
                v[d] = (float) random.nextGaussian();
            }
            topics.add(VectorMath.unit(v));
        }
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] topic = topics.get(random.nextInt(topics.size()));
            float[] v = new float[dimensions];
            for (int d = 0; d < dimensions; d++) {
                v[d] = topic[d] + (float) (0.25 * random.nextGaussian());
            }
            vectors.add(VectorMath.unit(v));
        }
        return vectors;
    }

    private static long groupingComparisons(int n) {
        Comparisons comparisons = new Comparisons();
        List<List<Integer>> groups = Grouping.of(Likeness.byMeaning(vectors(n, 5), comparisons), n, true, 0.15);
        assertEquals(n, groups.stream().mapToInt(List::size).sum(), "every piece of evidence is in one group");
        assertTrue(groups.size() < n / 2, "alike evidence is grouped");
        return comparisons.count();
    }

    @Test
    void grouping_by_meaning_four_times_the_evidence_takes_about_four_times_the_comparisons() {
        assertAboutLinear(LinearCostTest::groupingComparisons);
    }

    @Test
    void up_to_a_block_of_evidence_is_grouped_exactly_as_comparing_every_pair() {
        int n = Grouping.BLOCK;
        List<float[]> vectors = vectors(n, 11);
        double[][] alike = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                alike[i][j] = VectorMath.similarity(vectors.get(i), vectors.get(j));
                alike[j][i] = alike[i][j];
            }
        }
        Comparisons comparisons = new Comparisons();
        assertEquals(ThemeFinder.cluster(alike, n, true, 0.15),
                Grouping.of(Likeness.byMeaning(vectors, comparisons), n, true, 0.15));
        assertEquals((long) n * (n - 1) / 2, comparisons.count());
    }

    private static long salienceComparisons(int n) {
        Comparisons comparisons = new Comparisons();
        assertEquals(Salience.MOST, Salience.rank(evidence(n, 9), comparisons).size());
        return comparisons.count();
    }

    @Test
    void the_takeaways_of_four_times_the_evidence_take_about_four_times_the_comparisons() {
        assertAboutLinear(LinearCostTest::salienceComparisons);
    }

    /** Four times the evidence takes at most {@link #AT_MOST} times the comparisons (comparing every pair would take 16×). */
    private static void assertAboutLinear(java.util.function.IntToLongFunction comparisonsAt) {
        long small = comparisonsAt.applyAsLong(N);
        long large = comparisonsAt.applyAsLong(4 * N);
        assertTrue(large <= AT_MOST * small, "4× the evidence took " + large + " comparisons against " + small
                + " (" + (double) large / small + "×)");
    }
}
