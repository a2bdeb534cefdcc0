package dev.intake.providers.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Groups evidence by the content words it shares: each theme is a word that at least two pieces of
 * evidence use, most used first, skipping words whose evidence an earlier theme already covers.
 * Pains, goals and the like that share no word still form a theme per kind, so no evidence is left
 * without one.
 */
final class ThemeFinder {

    private static final int MAX_WORD_THEMES = 5;
    private static final int MIN_SUPPORT = 2;

    private ThemeFinder() {
    }

    static List<ThemeDraft> find(List<Evidence> evidence) {
        Map<String, List<Evidence>> byStem = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            for (String stem : Words.stems(e.verbatim())) {
                byStem.computeIfAbsent(stem, s -> new ArrayList<>()).add(e);
            }
        }
        Map<String, Integer> firstSeen = new HashMap<>();
        byStem.keySet().forEach(stem -> firstSeen.put(stem, firstSeen.size()));
        List<String> candidates = byStem.keySet().stream()
                .filter(stem -> byStem.get(stem).size() >= MIN_SUPPORT)
                .sorted(Comparator.comparing((String stem) -> -byStem.get(stem).size()).thenComparing(firstSeen::get))
                .toList();

        List<ThemeDraft> themes = new ArrayList<>();
        Set<UUID> covered = new HashSet<>();
        for (String stem : candidates) {
            if (themes.size() == MAX_WORD_THEMES) {
                break;
            }
            List<Evidence> support = byStem.get(stem);
            if (support.stream().allMatch(e -> covered.contains(e.id()))) {
                continue;
            }
            String word = Words.surface(support.get(0).verbatim(), stem);
            themes.add(theme(Words.capitalize(word), support));
            support.forEach(e -> covered.add(e.id()));
        }
        for (EvidenceKind kind : EvidenceKind.values()) {
            List<Evidence> uncovered = evidence.stream()
                    .filter(e -> e.kind() == kind && !covered.contains(e.id()))
                    .toList();
            if (!uncovered.isEmpty()) {
                themes.add(theme(kindTitle(kind), uncovered));
            }
        }
        return themes;
    }

    private static ThemeDraft theme(String name, List<Evidence> support) {
        String summary = support.size() + (support.size() == 1 ? " statement" : " statements")
                + ", e.g. \"" + support.get(0).verbatim() + "\"";
        return new ThemeDraft(name, summary, support.stream().map(Evidence::id).toList());
    }

    private static String kindTitle(EvidenceKind kind) {
        return switch (kind) {
            case PAIN -> "Other pains";
            case GOAL -> "Other goals";
            case WILLINGNESS_TO_PAY -> "Willingness to pay";
            case WORKAROUND -> "Current workarounds";
            case CONTEXT -> "Context";
        };
    }
}
