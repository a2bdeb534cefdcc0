package dev.intake.providers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which way an analyzer runs, and the reason an operator reads when it is the weaker one. */
class AnalysisModeTest {

    @Test
    void a_missing_native_library_is_named_with_the_platform_it_is_missing_for() {
        String why = SentenceEmbeddings.whyUnavailable(
                new UnsatisfiedLinkError("no onnxruntime in java.library.path"), "linux-aarch64");
        assertTrue(why.startsWith("the sentence model's native library is not available for linux-aarch64 ("), why);
    }

    @Test
    void the_built_in_analyzer_without_its_model_says_it_runs_on_rules_only() {
        AnalysisMode mode = LocalAnalyzer.rulesOnly().mode();
        assertEquals(AnalysisMode.RULES_ONLY, mode.mode());
        assertTrue(mode.degraded());
    }

    @Test
    void where_the_model_loads_the_built_in_analyzer_says_it_uses_it() {
        AnalysisMode mode = new LocalAnalyzer(new SentenceEmbeddings()).mode();
        assertEquals(AnalysisMode.SENTENCE_MODEL, mode.mode(), mode.detail());
    }
}
