package dev.intake.providers.analysis;

import dev.intake.analysis.VectorMath;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The packaged model runs here, compares by meaning, and gives the same vectors for the same text. */
class SentenceEmbeddingsTest {

    private final SentenceEmbeddings embeddings = new SentenceEmbeddings();

    @Test
    void statements_that_mean_the_same_are_nearer_than_statements_that_share_words() {
        List<float[]> v = embeddings.embed(List.of(
                "Our invoices keep failing at the start of every month.",
                "Billing breaks down on the first of the month and payments do not go through.",
                "At the start of every month I plan my team's holidays.")).orElseThrow();

        assertTrue(embeddings.available(), embeddings.describe());
        assertEquals(384, v.get(0).length);
        double same = VectorMath.similarity(v.get(0), v.get(1));
        double wordsOnly = VectorMath.similarity(v.get(0), v.get(2));
        assertTrue(same > wordsOnly, same + " vs " + wordsOnly);
        assertEquals(1.0, VectorMath.similarity(v.get(0), v.get(0)), 1e-5);
    }

    @Test
    void the_same_text_gives_the_same_vector() {
        float[] first = embeddings.embed(List.of("We copy the onboarding spreadsheet for every hire.")).orElseThrow().get(0);
        float[] again = embeddings.embed(List.of("We copy the onboarding spreadsheet for every hire.")).orElseThrow().get(0);

        assertArrayEquals(first, again);
    }
}
