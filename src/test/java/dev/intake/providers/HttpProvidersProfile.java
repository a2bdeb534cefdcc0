package dev.intake.providers;

import java.util.Map;

import dev.intake.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * AssemblyAI for transcription and an OpenAI-compatible model for analysis, both on WireMock, with
 * retries and timeouts short enough for tests.
 */
public class HttpProvidersProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String base = WireMockResource.baseUrl();
        return Map.ofEntries(
                Map.entry("intake.transcription.provider", "assemblyai"),
                Map.entry("intake.transcription.assemblyai.base-url", base + "/assemblyai"),
                Map.entry("intake.transcription.assemblyai.api-key", "test-assemblyai-key"),
                Map.entry("intake.transcription.assemblyai.poll-interval", "PT0.05S"),
                Map.entry("intake.analysis.provider", "openai"),
                Map.entry("intake.analysis.openai.base-url", base + "/llm"),
                Map.entry("intake.analysis.openai.api-key", "test-llm-key"),
                Map.entry("intake.analysis.openai.model", "test-model"),
                Map.entry("intake.providers.attempts", "3"),
                Map.entry("intake.providers.initial-backoff", "PT0.05S"),
                Map.entry("intake.providers.max-backoff", "PT2S"),
                Map.entry("intake.providers.timeout", "PT1S"));
    }
}
