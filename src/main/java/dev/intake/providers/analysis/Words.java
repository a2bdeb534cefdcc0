package dev.intake.providers.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The small amount of English the local analyzer needs: sentences, content words, crude stems. */
final class Words {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\"'“(\\d])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");

    private static final Set<String> STOPWORDS = Set.copyOf(java.util.Arrays.asList(
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
            "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
            "can", "could", "did", "do", "does", "doing", "down", "during", "each", "else", "even", "ever",
            "every", "few", "for", "from", "further", "get", "gets", "got", "had", "has", "have", "having", "he",
            "her", "here", "hers", "him", "his", "how", "i", "i'd", "i'm", "i've", "i'll", "if", "in", "into",
            "is", "it", "it's", "its", "itself", "just", "least", "less", "let", "like", "lot", "made", "make",
            "makes", "many", "me", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now",
            "of", "off", "often", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over",
            "own", "really", "same", "say", "says", "she", "should", "so", "some", "such", "sure", "than",
            "that", "that's", "the", "their", "them", "then", "there", "these", "they", "they'd", "they're",
            "thing", "things", "this", "those", "through", "to", "too", "under", "until", "up", "us", "use",
            "very", "was", "way", "we", "we're", "we've", "were", "what", "what's", "when", "where", "which",
            "while", "who", "whom", "why", "will", "with", "won't", "would", "yes", "yet", "you", "your",
            "yours", "actually", "always", "anything", "around", "back", "basically", "come", "day", "done",
            "don't", "doesn't", "didn't", "isn't", "wasn't", "go", "going", "good", "honestly", "kind", "know",
            "last", "look", "maybe", "mean", "mostly", "need", "new", "next", "okay", "people", "pretty",
            "right", "see", "still", "take", "takes", "tell", "think", "time", "today", "tried", "try", "want",
            "well", "whole", "work", "year", "years", "able", "already", "ask", "asks", "two", "three", "four",
            "five", "six", "eight", "ten", "first", "month", "week", "weeks", "months", "per"));

    private Words() {
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.strip())) {
            if (!s.isBlank()) {
                sentences.add(s.strip());
            }
        }
        return sentences;
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
            if (word.length() > 2 && !STOPWORDS.contains(word)) {
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
