package dev.intake.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small amount of English the local analyzer needs: sentences, content words, crude stems. The word
 * lists are in {@code analysis/words.rules}.
 */
final class Words {

    private static final RuleFile RULES = RuleFile.load("/analysis/words.rules",
            Set.of("sentence-end", "stopwords", "not-telling"));

    /** A sentence ends at . ! or ? before a capital, a digit or a quote, but not after a title ("Dr. Okafor"). */
    private static final Pattern SENTENCE_END = RULES.pattern("sentence-end");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");

    private static final Set<String> STOPWORDS = RULES.words("stopwords");

    /** Filler, and numbers: said a lot, and no theme is about them. */
    private static final Set<String> NOT_TELLING = RULES.words("not-telling");

    private Words() {
    }

    /** A word that can tell what a statement is about: not a stop word, filler or number, and longer than two letters. */
    static boolean isContent(String lowerCaseWord) {
        return lowerCaseWord.length() > 2 && !STOPWORDS.contains(lowerCaseWord) && !NOT_TELLING.contains(lowerCaseWord)
                && !lowerCaseWord.contains("-") || lowerCaseWord.contains("-") && isContentCompound(lowerCaseWord);
    }

    private static boolean isContentCompound(String word) {
        for (String part : word.split("-")) {
            if (NOT_TELLING.contains(part) || STOPWORDS.contains(part)) {
                return false;
            }
        }
        return word.length() > 3;
    }

    static List<String> sentences(String text) {
        return spans(text).stream().map(span -> text.substring(span[0], span[1])).toList();
    }

    /** Where each sentence of {@code text} starts and ends (exclusive), without the space around it. */
    static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (true) {
            boolean found = end.find();
            int stop = found ? end.start() : text.length();
            addTrimmed(text, start, stop, spans);
            if (!found) {
                return spans;
            }
            start = end.end();
        }
    }

    private static void addTrimmed(String text, int start, int stop, List<int[]> spans) {
        while (start < stop && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (stop > start && Character.isWhitespace(text.charAt(stop - 1))) {
            stop--;
        }
        if (stop > start) {
            spans.add(new int[] {start, stop});
        }
    }

    static int count(String text) {
        int n = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Content words of {@code text}, stemmed, in order of first appearance. */
    static Set<String> stems(String text) {
        Set<String> stems = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            String word = m.group();
            if (isContent(word)) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    /** Content words of {@code text} as written (lower-cased), keyed by stem: the first spelling wins. */
    static String surface(String text, String stem) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (stem(m.group()).equals(stem)) {
                return m.group();
            }
        }
        return stem;
    }

    static String stem(String word) {
        String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        for (String suffix : new String[] {"ing", "ies", "es", "ed", "s"}) {
            if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
                String base = w.substring(0, w.length() - suffix.length());
                return suffix.equals("ies") ? base + "y" : base;
            }
        }
        return w;
    }

    static String capitalize(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
