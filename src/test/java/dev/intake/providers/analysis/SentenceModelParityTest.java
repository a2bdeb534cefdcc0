package dev.intake.providers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The batched encoder gives the vectors langchain4j gave, text by text, so no interview reads
 * differently for it: short and long, real and odd, in one call that mixes them into batches.
 */
class SentenceModelParityTest {

    private static final EmbeddingModel LANGCHAIN4J = new AllMiniLmL6V2QuantizedEmbeddingModel();

    /** Longer than the model's 512 positions, so langchain4j splits it into windows and averages them. */
    private static final String LONG_MONOLOGUE = ("Honestly the month-end close is painful: we export the ledger, "
            + "reconcile every supplier invoice by hand in a spreadsheet, and chase approvals over email until "
            + "somebody finally signs off, which takes about three days every single month. ").repeat(14);

    @Test
    void every_text_embeds_as_langchain4j_embeds_it_one_at_a_time() {
        List<String> texts = new ArrayList<>(TuneSentences.first(300));
        texts.addAll(List.of(
                ".", "ok", "Um.", "--", "Yeah, yeah.", "?", "a",
                "Café crème à São Paulo, naïve façade, Zürich.",
                "日本語の文章も埋め込めますか。", "Привет, как дела?", "مرحبا بكم في الاجتماع",
                "We loved it 🎉🚀 but the price 💸 hurt.", "Ünïcödé ñ ß ø å œ",
                "supercalifragilisticexpialidociousantidisestablishmentarianism".repeat(6),
                LONG_MONOLOGUE,
                LONG_MONOLOGUE + LONG_MONOLOGUE + "And that is the whole story."));

        List<float[]> batched = new SentenceEmbeddings().embed(texts).orElseThrow();

        List<String> apart = new ArrayList<>();
        double lowest = 1;
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = LANGCHAIN4J.embed(texts.get(i)).content().vector();
            double cosine = cosine(expected, batched.get(i));
            lowest = Math.min(lowest, cosine);
            if (cosine < 0.9999) {
                apart.add(cosine + ": " + texts.get(i));
            }
        }
        assertTrue(apart.isEmpty(), apart.size() + " of " + texts.size() + " texts embed differently: " + apart);
        assertTrue(lowest > 0.9999, "lowest cosine " + lowest);
    }

    @Test
    void a_text_longer_than_the_window_is_split_between_words_as_langchain4j_splits_it() {
        List<String> pieces = List.of("[CLS]", "one", "##s", "two", "three", "##teen", "four", "[SEP]");

        assertEquals(List.of(List.of("one", "##s"), List.of("two"), List.of("three", "##teen"), List.of("four")),
                ModelWindows.split(pieces, 2));
    }

    @Test
    void a_blank_text_is_refused_as_langchain4j_refuses_it() {
        SentenceEmbeddings embeddings = new SentenceEmbeddings();

        assertThrows(IllegalArgumentException.class, () -> LANGCHAIN4J.embed("   "));
        assertThrows(IllegalArgumentException.class, () -> embeddings.embed(List.of("A real sentence.", "   ")));
        assertEquals(384, embeddings.embed(List.of("A real sentence.")).orElseThrow().get(0).length);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
