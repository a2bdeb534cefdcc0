package dev.intake.providers.analysis;

import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.ThemeDraft;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups evidence into themes by meaning: statements are joined, closest pair of groups first (average
 * similarity of their members), while the groups are alike enough. Without the model, statements are
 * grouped by the words they share instead ({@link #byWords}). Every piece of evidence is in exactly one
 * theme, and each theme is named by the words that set it apart from the others ({@link ThemeNames}).
 */
final class ThemeFinder {

    /** Groups whose members are on average at least this alike (centred vectors) make one theme. */
    private static final double ALIKE = 0.15;
    /** Without the model: statements sharing this much of their telling words make one theme. */
    private static final double SHARED_WORDS = 0.35;

    private ThemeFinder() {
    }

    static List<ThemeDraft> find(List<Evidence> evidence, SentenceEmbeddings embeddings) {
        if (evidence.isEmpty()) {
            return List.of();
        }
        Optional<List<float[]>> vectors = embeddings == null ? Optional.empty()
                : embeddings.embed(evidence.stream().map(Evidence::verbatim).toList());
        List<List<Integer>> groups = vectors.map(v -> byMeaning(VectorMath.centred(v))).orElseGet(() -> byWords(evidence));
        groups.sort(Comparator.comparingInt((List<Integer> g) -> -g.size()).thenComparingInt(g -> g.get(0)));
        List<List<Evidence>> themes = groups.stream().map(g -> g.stream().map(evidence::get).toList()).toList();
        List<String> names = ThemeNames.name(themes);
        List<ThemeDraft> drafts = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            drafts.add(new ThemeDraft(names.get(i), summary(themes.get(i)),
                    themes.get(i).stream().map(Evidence::id).toList()));
        }
        return drafts;
    }

    /** Average-link clustering of the statements' vectors. */
    private static List<List<Integer>> byMeaning(List<float[]> vectors) {
        int n = vectors.size();
        double[][] alike = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                alike[i][j] = SentenceEmbeddings.similarity(vectors.get(i), vectors.get(j));
                alike[j][i] = alike[i][j];
            }
        }
        return cluster(alike, true, ALIKE);
    }

    /** Single-link clustering by how much of their telling words two statements share. */
    private static List<List<Integer>> byWords(List<Evidence> evidence) {
        List<String> texts = evidence.stream().map(Evidence::verbatim).toList();
        Rarity rarity = Rarity.ofTexts(texts);
        int n = texts.size();
        double[][] alike = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                alike[i][j] = rarity.overlap(texts.get(i), texts.get(j));
                alike[j][i] = alike[i][j];
            }
        }
        return cluster(alike, false, SHARED_WORDS);
    }

    /**
     * Agglomerative clustering: the two most alike groups are joined while they are at least
     * {@code threshold} alike; a joined group's likeness to the others is the average of its members'
     * ({@code average}) or the greatest (single link). O(n^3) for n pieces of evidence; ties go to the
     * earlier groups, so the result depends on nothing but the input.
     */
    private static List<List<Integer>> cluster(double[][] alike, boolean average, double threshold) {
        int n = alike.length;
        double[][] link = new double[n][];
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            link[i] = alike[i].clone();
            groups.add(new ArrayList<>(List.of(i)));
        }
        boolean[] gone = new boolean[n];
        while (true) {
            int bestA = -1;
            int bestB = -1;
            double best = threshold;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n && !gone[a]; b++) {
                    if (!gone[b] && link[a][b] >= best && (bestA < 0 || link[a][b] > best)) {
                        best = link[a][b];
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0) {
                break;
            }
            int sizeA = groups.get(bestA).size();
            int sizeB = groups.get(bestB).size();
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
            gone[bestB] = true;
        }
        List<List<Integer>> remaining = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!gone[i]) {
                remaining.add(groups.get(i));
            }
        }
        return remaining;
    }

    /** "3 statements (2 pains, 1 workaround), e.g. "…"": how much stands behind the theme, and an example. */
    private static String summary(List<Evidence> theme) {
        Map<EvidenceKind, Integer> kinds = new EnumMap<>(EvidenceKind.class);
        theme.forEach(e -> kinds.merge(e.kind(), 1, Integer::sum));
        Map<String, Integer> said = new LinkedHashMap<>();
        kinds.forEach((kind, count) -> said.put(count + " " + kindWord(kind, count), count));
        return theme.size() + (theme.size() == 1 ? " statement" : " statements") + " (" + String.join(", ", said.keySet())
                + "), e.g. \"" + theme.get(0).verbatim() + "\"";
    }

    private static String kindWord(EvidenceKind kind, int count) {
        String word = switch (kind) {
            case PAIN -> "pain";
            case GOAL -> "goal";
            case WILLINGNESS_TO_PAY -> "on paying";
            case WORKAROUND -> "workaround";
            case CONTEXT -> "on context";
        };
        return count == 1 || kind == EvidenceKind.WILLINGNESS_TO_PAY || kind == EvidenceKind.CONTEXT ? word : word + "s";
    }
}
