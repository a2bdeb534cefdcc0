package dev.intake.providers.analysis;

import dev.intake.interview.Evidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names themes by their content: the words (or pairs of words said together, "phone tag") that most of
 * a theme's statements say and the other themes do not, as the statements spell them: "Whiteboard and
 * hygienists", "Phone tag".
 */
final class ThemeNames {

    private static final Pattern TITLE = Pattern.compile("\\b(Dr|Mr|Mrs|Ms|Mx|Prof)\\.$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    /** A second term joins the name when it scores at least this share of the first. */
    private static final double SECOND = 0.6;
    /** A pair of words said together counts a little more than either word alone. */
    private static final double PAIR = 1.3;

    private ThemeNames() {
    }

    static List<String> name(List<List<Evidence>> themes) {
        List<Map<String, Term>> terms = themes.stream().map(ThemeNames::terms).toList();
        Map<String, Integer> themesWith = new HashMap<>();
        terms.forEach(t -> t.keySet().forEach(key -> themesWith.merge(key, 1, Integer::sum)));
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < themes.size(); i++) {
            List<Term> ranked = rank(terms.get(i), themesWith, themes.size(), themes.get(i).size());
            String name = name(ranked, used);
            used.add(name.toLowerCase(Locale.ROOT));
            names.add(name);
        }
        return names;
    }

    private record Term(String key, String surface, int order, int statements, boolean pair) {
    }

    private static List<Term> rank(Map<String, Term> terms, Map<String, Integer> themesWith, int themes, int size) {
        List<Term> ranked = new ArrayList<>(terms.values());
        Map<Term, Double> score = new HashMap<>();
        for (Term t : ranked) {
            double spread = (double) t.statements() / size;
            double apart = Math.log(1.0 + (double) themes / themesWith.get(t.key()));
            score.put(t, spread * apart * (t.pair() ? PAIR : 1));
        }
        ranked.sort((a, b) -> {
            int byScore = Double.compare(score.get(b), score.get(a));
            return byScore != 0 ? byScore : Integer.compare(a.order(), b.order());
        });
        List<Term> withScores = new ArrayList<>();
        for (Term t : ranked) {
            if (withScores.isEmpty() || score.get(t) >= SECOND * score.get(ranked.get(0))) {
                withScores.add(t);
            }
        }
        return withScores.isEmpty() ? ranked : withScores;
    }

    /** The best term, with the next one that is not part of it when that is nearly as good; never a name taken. */
    private static String name(List<Term> ranked, Set<String> used) {
        if (ranked.isEmpty()) {
            return "Statements";
        }
        Term first = ranked.get(0);
        String alone = Words.capitalize(first.surface());
        for (Term next : ranked.subList(1, ranked.size())) {
            Set<String> firstWords = Set.of(first.key().split(" "));
            if (Set.of(next.key().split(" ")).stream().noneMatch(firstWords::contains)) {
                String joined = alone + " and " + next.surface();
                if (!used.contains(joined.toLowerCase(Locale.ROOT))) {
                    return joined;
                }
            }
        }
        return alone;
    }

    /** The content words and adjacent pairs of content words of a theme, with how many statements say each. */
    private static Map<String, Term> terms(List<Evidence> theme) {
        Map<String, Term> terms = new LinkedHashMap<>();
        for (Evidence e : theme) {
            Set<String> seen = new HashSet<>();
            String previousStem = null;
            String previousWord = null;
            int previousEnd = -1;
            String text = e.verbatim().replace('’', '\'');
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                String word = m.group().toLowerCase(Locale.ROOT);
                if (previousEnd >= 0 && !text.substring(previousEnd, m.start()).isBlank()) {
                    previousStem = null;
                }
                previousEnd = m.end();
                if (!Words.isContent(word) || word.contains("'")) {
                    previousStem = null;
                    continue;
                }
                String stem = Words.stem(word);
                String spelled = properNoun(text, m) ? m.group() : word;
                count(terms, seen, stem, spelled, false);
                if (previousStem != null && !previousStem.equals(stem)) {
                    count(terms, seen, previousStem + " " + stem, previousWord + " " + spelled, true);
                }
                previousStem = stem;
                previousWord = spelled;
            }
        }
        return terms;
    }

    /** A word capitalised where a sentence does not start, as a name is ("Dentrix", "Excel"). */
    private static boolean properNoun(String text, Matcher word) {
        if (!Character.isUpperCase(word.group().charAt(0))) {
            return false;
        }
        String before = text.substring(0, word.start()).stripTrailing();
        return !before.isEmpty() && (".!?-\"“".indexOf(before.charAt(before.length() - 1)) < 0
                || TITLE.matcher(before).find());
    }

    private static void count(Map<String, Term> terms, Set<String> seen, String key, String surface, boolean pair) {
        if (seen.add(key)) {
            Term known = terms.get(key);
            terms.put(key, known == null ? new Term(key, surface, terms.size(), 1, pair)
                    : new Term(key, known.surface(), known.order(), known.statements() + 1, pair));
        }
    }
}
