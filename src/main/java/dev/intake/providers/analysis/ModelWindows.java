package dev.intake.providers.analysis;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

/**
 * A text as the sentence model reads it: the token ids of each window of at most 510 word pieces (512
 * with [CLS] and [SEP]), and how many pieces each window holds. This follows langchain4j's
 * {@code OnnxBertBiEncoder} step by step (tokenize, split between words, rebuild each window's text and
 * encode it again), so the batched encoder feeds the model exactly the ids langchain4j fed it and the
 * vectors stay the ones every interview so far was analysed with.
 */
final class ModelWindows {

    /** The model reads 512 positions, two of which are [CLS] and [SEP]. */
    static final int MAX_PIECES = 510;

    private final HuggingFaceTokenizer tokenizer;

    ModelWindows(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** One window's model input and its weight (word pieces) in the text's average. */
    record Window(long[] ids, int pieces) {
    }

    /**
     * The windows of a text, in order.
     *
     * @throws IllegalArgumentException when the text has no word piece (blank), as langchain4j refuses it
     */
    List<Window> of(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        List<List<String>> parts = split(tokens, MAX_PIECES);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("the sentence model cannot embed an empty or whitespace-only text");
        }
        List<Window> windows = new ArrayList<>(parts.size());
        for (List<String> part : parts) {
            windows.add(new Window(tokenizer.encode(textOf(part), true, false).getIds(), part.size()));
        }
        return windows;
    }

    /**
     * The word pieces between [CLS] and [SEP] in windows of at most {@code size}, never cutting a word
     * (a window ends before a "##" continuation), as langchain4j splits them.
     */
    static List<List<String>> split(List<String> tokens, int size) {
        List<List<String>> parts = new ArrayList<>();
        int from = 1;
        while (from < tokens.size() - 1) {
            int to = from + size;
            if (to >= tokens.size() - 1) {
                to = tokens.size() - 1;
            } else {
                while (tokens.get(to).startsWith("##")) {
                    to--;
                }
            }
            parts.add(tokens.subList(from, to));
            from = to;
        }
        return parts;
    }

    /**
     * The text a window is encoded from: the tokenizer's own sentence when it reads back as the same
     * pieces, else the pieces joined, which is langchain4j's choice and so the ids it ran the model on.
     */
    private String textOf(List<String> pieces) {
        String text = tokenizer.buildSentence(pieces);
        List<String> again = new LinkedList<>(tokenizer.tokenize(text));
        again.remove(0);
        again.remove(again.size() - 1);
        return again.equals(pieces) ? text : String.join("", pieces);
    }
}
