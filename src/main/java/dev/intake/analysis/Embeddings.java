package dev.intake.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Texts as vectors of their meaning: what lets the analyzer compare statements by meaning rather than by
 * keyword. The analyzer holds only this; the model that computes the vectors lives with the providers.
 */
public interface Embeddings {

    /** Unit-length vectors, one per text, in order; empty when no model is available here. */
    Optional<List<float[]>> embed(List<String> texts);
}
