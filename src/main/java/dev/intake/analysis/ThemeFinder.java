package dev.intake.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.intake.interview.Evidence;
import dev.intake.interview.ProjectTheme;
import dev.intake.interview.ThemeDraft;

/**
 * Groups evidence into themes by meaning: statements are joined, closest pair of groups first (average
 * similarity of their members), while the groups are alike enough; without the model, by the telling
 * words they share ({@link Rarity}). A group that is alike enough, by the same measure, to the quotes of
 * a theme the project already has joins that theme, so a pattern seen in a second interview gathers
 * its evidence in one place.
 *
 * <p>A theme is a pattern, so it needs more than one quote: a group of one becomes a theme only by
 * joining a project theme that already has quotes of its own; otherwise the quote stays unthemed (it is
 * still evidence of the interview). That keeps themes fewer and broader than the quotes, as a researcher
 * would group them, instead of one "theme" per stray sentence.
 *
 * <p>The cost grows linearly with the evidence: a long call is grouped a block of neighbours at a time
 * ({@link Grouping}), and a quote's link, or a group's likeness to a project theme, is measured against an
 * even spread of at most {@link #PEERS} quotes. An interview of up to {@link Grouping#BLOCK} pieces of
 * evidence is grouped and linked exactly as comparing every pair would.
 */
final class ThemeFinder {

    /** Groups whose members are on average at least this alike (centred vectors) make one theme. */
    private static final double ALIKE = 0.15;
    /** Without the model: statements sharing this much of their telling words make one theme. */
    private static final double SHARED_WORDS = 0.35;
    /** The least confidence of a link the grouping accepted: Insights' default evidence-link threshold, so its screens show it. */
    private static final double LEAST_LINK = 0.65;
    private static final double MOST_LINK = 0.99;
    /** Quotes of a project theme compared with, at most. */
    private static final int QUOTES_PER_THEME = 12;
    /** A quote's link, and a group's likeness to a project theme, are measured against at most this many quotes. */
    static final int PEERS = 200;

    private ThemeFinder() {
    }

    static List<ThemeDraft> find(List<Evidence> evidence, List<ProjectTheme> known, Embeddings embeddings) {
        return find(evidence, known, embeddings, new Comparisons());
    }

    /** As {@link #find(List, List, Embeddings)}, counting every comparison of two texts in {@code comparisons}. */
    static List<ThemeDraft> find(List<Evidence> evidence, List<ProjectTheme> known, Embeddings embeddings,
                                 Comparisons comparisons) {
        if (evidence.isEmpty()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>(evidence.stream().map(Evidence::verbatim).toList());
        List<int[]> knownSpans = new ArrayList<>();
        for (ProjectTheme theme : known) {
            List<String> quotes = theme.quotes().isEmpty()
                    ? List.of(theme.name() + (theme.statement() == null ? "" : ". " + theme.statement()))
                    : theme.quotes().stream().limit(QUOTES_PER_THEME).toList();
            knownSpans.add(new int[] {texts.size(), texts.size() + quotes.size()});
            texts.addAll(quotes);
        }
        Optional<List<float[]>> vectors = embeddings == null ? Optional.empty() : embeddings.embed(texts);
        Likeness alike = vectors.map(v -> Likeness.byMeaning(VectorMath.centred(v), comparisons))
                .orElseGet(() -> Likeness.byWords(texts, comparisons));
        boolean meaning = vectors.isPresent();
        double threshold = meaning ? ALIKE : SHARED_WORDS;
        int n = evidence.size();
        List<List<Integer>> groups = Grouping.of(alike, n, meaning, threshold);
        groups.sort(Comparator.comparingInt((List<Integer> g) -> -g.size()).thenComparingInt(g -> g.get(0)));

        List<List<Evidence>> kept = new ArrayList<>();
        List<UUID> joins = new ArrayList<>();
        List<List<ThemeDraft.Link>> links = new ArrayList<>();
        for (List<Integer> group : groups) {
            int best = -1;
            double bestAlike = threshold;
            List<Integer> compared = spread(group, PEERS);
            for (int k = 0; k < known.size(); k++) {
                double a = alike.average(compared, range(knownSpans.get(k)));
                if (a >= bestAlike) {
                    best = k;
                    bestAlike = a;
                }
            }
            if (group.size() < 2 && best < 0) {
                continue;
            }
            List<Integer> peers = best < 0 ? group : range(knownSpans.get(best));
            List<ThemeDraft.Link> groupLinks = new ArrayList<>();
            for (int member : group) {
                List<Integer> others = best < 0 ? without(group, member) : joined(peers, without(group, member));
                // A quote of a long theme is compared with an even spread of its peers, not all of them: the
                // average is the same to within what the confidence's two decimals show, at a bounded cost.
                double a = alike.average(List.of(member), spread(others, PEERS));
                groupLinks.add(new ThemeDraft.Link(evidence.get(member).id(), confidence(a, threshold),
                        rationale(meaning, others.size(), a, best < 0 ? null : known.get(best).name())));
            }
            kept.add(group.stream().map(evidence::get).toList());
            joins.add(best < 0 ? null : known.get(best).id());
            links.add(groupLinks);
        }
        List<ThemeNames.Described> described = ThemeNames.describe(kept);
        List<ThemeDraft> drafts = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            ThemeNames.Described d = described.get(i);
            drafts.add(new ThemeDraft(d.name(), d.statement(), d.inclusion(), d.exclusion(), d.synonyms(), links.get(i),
                    joins.get(i)));
        }
        return drafts;
    }

    /** {@code sorted} but {@code item}, read in place: a theme of thousands of quotes is not copied for each of them. */
    private static List<Integer> without(List<Integer> sorted, int item) {
        int at = java.util.Collections.binarySearch(sorted, item);
        if (at < 0) {
            return sorted;
        }
        return new java.util.AbstractList<>() {
            @Override
            public Integer get(int k) {
                return sorted.get(k < at ? k : k + 1);
            }

            @Override
            public int size() {
                return sorted.size() - 1;
            }
        };
    }

    /** {@code a} then {@code b}, read in place. */
    private static List<Integer> joined(List<Integer> a, List<Integer> b) {
        return new java.util.AbstractList<>() {
            @Override
            public Integer get(int k) {
                return k < a.size() ? a.get(k) : b.get(k - a.size());
            }

            @Override
            public int size() {
                return a.size() + b.size();
            }
        };
    }

    /** At most {@code most} of {@code items}, evenly spread over them and in their order; all of them when they are as few. */
    static List<Integer> spread(List<Integer> items, int most) {
        if (items.size() <= most) {
            return items;
        }
        List<Integer> spread = new ArrayList<>(most);
        for (int i = 0; i < most; i++) {
            spread.add(items.get((int) ((long) i * items.size() / most)));
        }
        return spread;
    }

    private static List<Integer> range(int[] span) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = span[0]; i < span[1]; i++) {
            indexes.add(i);
        }
        return indexes;
    }

    /** A link the grouping accepted starts at Insights' link threshold and rises with how alike the quote is to its peers. */
    private static double confidence(double alike, double threshold) {
        double above = Math.max(0, Math.min(1, (alike - threshold) / (1 - threshold)));
        return Math.round((LEAST_LINK + (MOST_LINK - LEAST_LINK) * above) * 100) / 100.0;
    }

    private static String rationale(boolean meaning, int peers, double alike, String joined) {
        String measure = meaning ? "Alike in meaning" : "Shares telling words";
        String with = joined == null ? " with the theme's " + peers + (peers == 1 ? " other quote" : " other quotes")
                : " with the quotes of the project's theme \"" + joined + "\"";
        return measure + with + String.format(Locale.ROOT, " (%.2f)", alike);
    }

    /**
     * Agglomerative clustering of the first {@code n} texts: the two most alike groups are joined while
     * they are at least {@code threshold} alike; a joined group's likeness to the others is the average of
     * its members' ({@code average}) or the greatest (single link). Ties go to the earlier groups, so the
     * result depends on nothing but the input. Each group keeps its most alike later group ({@link Nearest}),
     * so finding the pair to join reads n entries instead of every pair: O(n^2) for n pieces of evidence
     * where scanning every pair at every join was O(n^3).
     */
    static List<List<Integer>> cluster(double[][] alike, int n, boolean average, double threshold) {
        int[] weights = new int[n];
        java.util.Arrays.fill(weights, 1);
        return cluster(alike, weights, average, threshold);
    }

    /**
     * As {@link #cluster(double[][], int, boolean, double)}, for items that each stand for {@code weights[i]}
     * texts (groups already joined, {@code alike} their average likeness): the average link weighs each
     * group by the texts it holds, so joining groups gives what joining their texts one by one would.
     */
    static List<List<Integer>> cluster(double[][] alike, int[] weights, boolean average, double threshold) {
        int n = weights.length;
        double[][] link = new double[n][];
        List<List<Integer>> groups = new ArrayList<>();
        int[] size = weights.clone();
        for (int i = 0; i < n; i++) {
            link[i] = java.util.Arrays.copyOf(alike[i], n);
            groups.add(new ArrayList<>(List.of(i)));
        }
        boolean[] gone = new boolean[n];
        Nearest nearest = new Nearest(link, gone);
        while (true) {
            int bestA = nearest.bestRow();
            if (bestA < 0 || !(nearest.value(bestA) >= threshold)) {
                break;
            }
            int bestB = nearest.of(bestA);
            int sizeA = size[bestA];
            int sizeB = size[bestB];
            for (int k = 0; k < n; k++) {
                if (!gone[k] && k != bestA && k != bestB) {
                    double joined = average ? (sizeA * link[bestA][k] + sizeB * link[bestB][k]) / (sizeA + sizeB)
                            : Math.max(link[bestA][k], link[bestB][k]);
                    link[bestA][k] = joined;
                    link[k][bestA] = joined;
                }
            }
            groups.get(bestA).addAll(groups.get(bestB));
            groups.get(bestA).sort(Integer::compare);
            size[bestA] += sizeB;
            gone[bestB] = true;
            nearest.joined(bestA, bestB);
        }
        List<List<Integer>> remaining = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!gone[i]) {
                remaining.add(groups.get(i));
            }
        }
        return remaining;
    }

    /**
     * For each group a, the later group b (b > a) it is most alike, the earliest on ties: the pair to
     * join is the row with the greatest entry, the earliest on ties, exactly as a scan of every pair in
     * order would find it. After a join only the rows that pointed at either group are read again.
     */
    private static final class Nearest {
        private final double[][] link;
        private final boolean[] gone;
        private final int[] index;
        private final double[] value;

        Nearest(double[][] link, boolean[] gone) {
            this.link = link;
            this.gone = gone;
            this.index = new int[link.length];
            this.value = new double[link.length];
            for (int a = 0; a < link.length; a++) {
                recompute(a);
            }
        }

        int of(int a) {
            return index[a];
        }

        double value(int a) {
            return value[a];
        }

        /** The live row whose nearest is the most alike, the earliest on ties; -1 when none has one (NaN is never anyone's nearest). */
        int bestRow() {
            int best = -1;
            for (int a = 0; a < link.length; a++) {
                if (!gone[a] && index[a] >= 0 && (best < 0 || value[a] > value[best])) {
                    best = a;
                }
            }
            return best;
        }

        /** Group {@code b} joined {@code a} (a < b): row a changed throughout, column a changed in the rows before it. */
        void joined(int a, int b) {
            recompute(a);
            for (int k = 0; k < a; k++) {
                if (gone[k]) {
                    continue;
                }
                if (index[k] == a || index[k] == b) {
                    recompute(k);
                } else if (link[k][a] > value[k] || link[k][a] == value[k] && a < index[k]) {
                    index[k] = a;
                    value[k] = link[k][a];
                }
            }
            for (int k = a + 1; k < b; k++) {
                if (!gone[k] && index[k] == b) {
                    recompute(k);
                }
            }
        }

        private void recompute(int a) {
            index[a] = -1;
            value[a] = Double.NEGATIVE_INFINITY;
            for (int b = a + 1; b < link.length; b++) {
                if (!gone[b] && link[a][b] > value[a]) {
                    index[a] = b;
                    value[a] = link[a][b];
                }
            }
        }
    }
}
