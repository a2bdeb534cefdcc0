package dev.intake.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.intake.interview.Evidence;
import dev.intake.analysis.Statements.Statement;

/**
 * The evidence that quotes a statement: the first piece, in the order found, whose quote holds the
 * statement or lies within it, said by the statement's speaker (or by no one named). Compared only with
 * the quotes that could match, found through their words, so a long interview's statements are not
 * each compared with every quote (statements × evidence, 12,000 × 4,500 for a three-hour call).
 *
 * <p>Why the words find every match: a word of the statement with a non-letter on both sides inside it
 * (an inner word) is a whole word of any quote that holds the statement, and an inner word of a quote
 * is a whole word of any statement that holds the quote. So a quote holding the statement has the
 * statement's rarest inner word, and a quote within it is filed under one of its own inner words that
 * the statement has. A statement or quote without inner words (one or two words) is compared with all.
 */
final class Quotations {

    private final List<Evidence> evidence;
    /** Evidence by every whole word of its quote, in the order found. */
    private final Map<String, List<Integer>> byWord = new HashMap<>();
    /** Evidence by the rarest inner word of its quote. */
    private final Map<String, List<Integer>> byRarestInnerWord = new HashMap<>();
    /** Evidence whose quote has no inner word. */
    private final List<Integer> withoutInnerWord = new ArrayList<>();
    private final Map<Statement, Optional<Evidence>> found = new IdentityHashMap<>();

    private Quotations(List<Evidence> evidence) {
        this.evidence = evidence;
        List<List<String>> inner = new ArrayList<>();
        for (int i = 0; i < evidence.size(); i++) {
            for (String word : words(evidence.get(i).verbatim(), false)) {
                List<Integer> with = byWord.computeIfAbsent(word, w -> new ArrayList<>());
                if (with.isEmpty() || with.get(with.size() - 1) != i) {
                    with.add(i);
                }
            }
            inner.add(words(evidence.get(i).verbatim(), true));
        }
        for (int i = 0; i < evidence.size(); i++) {
            Optional<String> rarest = rarest(inner.get(i));
            if (rarest.isPresent()) {
                byRarestInnerWord.computeIfAbsent(rarest.get(), w -> new ArrayList<>()).add(i);
            } else {
                withoutInnerWord.add(i);
            }
        }
    }

    static Quotations of(List<Evidence> evidence) {
        return new Quotations(evidence);
    }

    /** The evidence that quotes {@code s}, if any. */
    Optional<Evidence> of(Statement s) {
        return found.computeIfAbsent(s, this::find);
    }

    private Optional<Evidence> find(Statement s) {
        String text = s.text();
        TreeSet<Integer> candidates = new TreeSet<>(withoutInnerWord);
        Optional<String> rarest = rarest(words(text, true));
        if (rarest.isPresent()) {
            candidates.addAll(byWord.getOrDefault(rarest.get(), List.of()));
        } else {
            for (int i = 0; i < evidence.size(); i++) {
                candidates.add(i);
            }
        }
        for (String word : words(text, false)) {
            candidates.addAll(byRarestInnerWord.getOrDefault(word, List.of()));
        }
        for (int i : candidates) {
            Evidence e = evidence.get(i);
            if ((e.verbatim().contains(text) || text.contains(e.verbatim()))
                    && (e.speaker() == null || e.speaker().equals(s.speaker()))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The word of these held by the fewest quotes (the first of them on ties). */
    private Optional<String> rarest(List<String> words) {
        String rarest = null;
        int fewest = Integer.MAX_VALUE;
        for (String word : words) {
            int held = byWord.getOrDefault(word, List.of()).size();
            if (held < fewest) {
                rarest = word;
                fewest = held;
            }
        }
        return Optional.ofNullable(rarest);
    }

    /** The whole words (runs of letters and digits) of {@code text}; only the inner ones when {@code inner}. */
    static List<String> words(String text, boolean inner) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (!inner || start > 0 && i < text.length()) {
                words.add(text.substring(start, i));
            }
        }
        return words;
    }
}
