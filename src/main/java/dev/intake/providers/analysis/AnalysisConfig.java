package dev.intake.providers.analysis;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who finds evidence, people, themes, personas and answers. */
@ConfigMapping(prefix = "intake.analysis")
public interface AnalysisConfig {

    /** {@code local} (the built-in deterministic analyzer) or {@code openai} (any OpenAI-compatible chat endpoint). */
    @WithDefault("local")
    String provider();

    OpenAiAnalysis openai();

    interface OpenAiAnalysis {
        @WithDefault("https://api.openai.com")
        String baseUrl();

        Optional<String> apiKey();

        @WithDefault("gpt-4o-mini")
        String model();
    }
}
