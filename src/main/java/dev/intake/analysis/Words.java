package dev.intake.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The small amount of English the local analyzer needs: sentences, content words, crude stems. */
final class Words {

    /** A sentence ends at . ! or ? before a capital, a digit or a quote, but not after a title ("Dr. Okafor"). */
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<!\\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Jr|Sr|Mt|vs|Capt|Lt|Gen|Rev|Sgt)\\.)(?<=[.!?])\\s+(?=[\\p{Lu}\"'“(\\d])");
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

    /** Filler, and numbers: said a lot, and no theme is about them. */
    private static final Set<String> NOT_TELLING = Set.of("um", "uh", "hmm", "yeah", "yep", "nah", "okay", "gonna", "kinda",
            "sorta", "stuff", "whole", "thing", "guess", "seven", "nine", "eleven", "twelve", "twenty", "thirty", "forty",
            "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "half", "dozen", "percent",
            "honestly", "exactly", "probably", "literally", "anyway", "somebody", "someone", "everyone", "everybody",
            "nobody", "something", "everything", "nothing", "else", "lot", "bit", "couple");

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
