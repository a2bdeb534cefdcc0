package dev.intake.analysis;

import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;
import java.util.Arrays;
import java.util.EnumMap;
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
 * Describes themes by their content, as a researcher would: a name that states the pattern (what the
 * quotes are about, framed by what they mostly are: "Trouble with supplier invoices", "Workarounds for
 * phone tag", "Seasonal bakers today"), a statement of how much stands behind it, what belongs in it and
 * what does not, and the other words its quotes use for the same thing. What a theme is about is the
 * word, or pair of words said together, that most of its quotes say and the other themes do not, as the
 * quotes spell it.
 * The words it goes by are in {@code analysis/theme-names.rules}.
 */
final class ThemeNames {

    private static final RuleFile RULES = RuleFile.load("/analysis/theme-names.rules", Set.of("title-before", "money"));
    private static final Pattern TITLE = RULES.pattern("title-before");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    /** A pair of words said together names the theme when it scores at least this share of the best word. */
    private static final double SECOND = 0.6;
    /** A pair of words said together counts a little more than either word alone. */
    private static final double PAIR = 1.3;
    private static final int SYNONYMS = 4;
    /** Other themes' topics named in a theme's exclusion, at most. */
    private static final int EXCLUDED = 12;
    private static final Set<String> MONEY = RULES.words("money");

    /** What {@link #describe} says of one theme, in the columns Insights' themes have. */
    record Described(String name, String statement, String inclusion, String exclusion, List<String> synonyms) {
    }

    private ThemeNames() {
    }

    static List<Described> describe(List<List<Evidence>> themes) {
        List<Map<String, Term>> terms = themes.stream().map(ThemeNames::terms).toList();
        Map<String, Integer> themesWith = new HashMap<>();
        terms.forEach(t -> t.keySet().forEach(key -> themesWith.merge(key, 1, Integer::sum)));
        List<List<Term>> ranked = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            List<Term> r = rank(terms.get(i), themesWith, themes.size(), themes.get(i).size());
            ranked.add(r);
            topics.add(topic(r));
        }
        List<String> distinctTopics = topics.stream().distinct().toList();
        List<Described> described = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < themes.size(); i++) {
            List<Evidence> theme = themes.get(i);
            EvidenceKind kind = dominant(theme);
            String topic = topics.get(i);
            String name = name(kind, topic);
            if (!used.add(name.toLowerCase(Locale.ROOT))) {
                name = name + " (" + (i + 1) + ")";
                used.add(name.toLowerCase(Locale.ROOT));
            }
            List<String> synonyms = synonyms(ranked.get(i), topic);
            described.add(new Described(name, statement(theme, kind, topic), inclusion(theme, kind, topic, synonyms),
                    exclusion(topic, others(distinctTopics, topic)), synonyms));
        }
        return described;
    }

    /** Pains first, then workarounds, goals, prices and context: the kind most of the quotes are, ties to the earlier. */
    private static EvidenceKind dominant(List<Evidence> theme) {
        Map<EvidenceKind, Integer> counts = new EnumMap<>(EvidenceKind.class);
        theme.forEach(e -> counts.merge(e.kind(), 1, Integer::sum));
        EvidenceKind best = null;
        for (EvidenceKind kind : List.of(EvidenceKind.PAIN, EvidenceKind.WORKAROUND, EvidenceKind.GOAL,
                EvidenceKind.WILLINGNESS_TO_PAY, EvidenceKind.CONTEXT)) {
            if (counts.getOrDefault(kind, 0) > (best == null ? 0 : counts.get(best))) {
                best = kind;
            }
        }
        return best == null ? EvidenceKind.CONTEXT : best;
    }

    private static String name(EvidenceKind kind, String topic) {
        boolean money = Arrays.stream(topic.toLowerCase(Locale.ROOT).split(" ")).map(Words::stem).anyMatch(MONEY::contains);
        return switch (kind) {
            case PAIN -> "Trouble with " + topic;
            case WORKAROUND -> "Workarounds for " + topic;
            case GOAL -> "Wanting better " + topic;
            case WILLINGNESS_TO_PAY -> money ? "Willingness to pay" : "Willingness to pay for " + topic;
            case CONTEXT -> Words.capitalize(topic) + " today";
        };
    }

    private static String statement(List<Evidence> theme, EvidenceKind kind, String topic) {
        List<String> speakers = theme.stream().map(Evidence::speaker).filter(s -> s != null && !s.isBlank()).distinct().toList();
        String who = speakers.isEmpty() ? "The interviewees" : join(speakers, "and");
        String quotes = "\"" + theme.get(0).verbatim() + "\"" + (theme.size() > 1 ? " and \"" + theme.get(1).verbatim() + "\"" : "");
        return who + " said " + theme.size() + (theme.size() == 1 ? " thing" : " things") + " about " + topic + ", mostly " + kindWords(kind) + ": " + quotes;
    }

    private static String inclusion(List<Evidence> theme, EvidenceKind kind, String topic, List<String> synonyms) {
        String also = synonyms.isEmpty() ? "" : " (also said as " + join(synonyms.stream().map(s -> "\"" + s + "\"").toList(), "or") + ")";
        return "Quotes about " + topic + also + " that are " + kindWords(kind) + ", such as \""
                + theme.stream().map(Evidence::verbatim).min(java.util.Comparator.comparingInt(String::length)).orElseThrow()
                + "\"";
    }

    /**
     * The other themes' topics, in order, up to {@link #EXCLUDED}: a long call's hundreds of themes would
     * otherwise make each theme's exclusion name every other (themes × themes words).
     */
    private static List<String> others(List<String> distinctTopics, String topic) {
        List<String> others = new ArrayList<>();
        for (String other : distinctTopics) {
            if (others.size() == EXCLUDED) {
                break;
            }
            if (!other.equalsIgnoreCase(topic)) {
                others.add(other);
            }
        }
        return others;
    }

    private static String exclusion(String topic, List<String> others) {
        if (others.isEmpty()) {
            return "Quotes that do not speak of " + topic + ".";
        }
        return "Quotes mainly about " + join(others, "or") + ", which are themes of their own; passing mentions of "
                + topic + " in them.";
    }

    private static String kindWords(EvidenceKind kind) {
        return switch (kind) {
            case PAIN -> "pains";
            case GOAL -> "goals";
            case WILLINGNESS_TO_PAY -> "about paying";
            case WORKAROUND -> "workarounds";
            case CONTEXT -> "context";
        };
    }

    private static String join(List<String> items, String conjunction) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " " + items.get(items.size() - 1);
    }

    /** The best pair of words said together when it is nearly as good as the best word, else the best word. */
    private static String topic(List<Term> ranked) {
        if (ranked.isEmpty()) {
            return "what was said";
        }
        Term first = ranked.get(0);
        if (!first.pair()) {
            for (Term t : ranked) {
                if (t.pair() && Arrays.asList(t.key().split(" ")).contains(first.key())) {
                    return t.surface();
                }
            }
        }
        return first.surface();
    }

    /** The theme's other telling words, not part of its topic. */
    private static List<String> synonyms(List<Term> ranked, String topic) {
        Set<String> inTopic = Words.stems(topic);
        List<String> synonyms = new ArrayList<>();
        for (Term t : ranked) {
            if (synonyms.size() < SYNONYMS && Arrays.stream(t.key().split(" ")).noneMatch(inTopic::contains)
                    && synonyms.stream().noneMatch(s -> s.equalsIgnoreCase(t.surface()))) {
                synonyms.add(t.surface());
            }
        }
        return synonyms;
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
