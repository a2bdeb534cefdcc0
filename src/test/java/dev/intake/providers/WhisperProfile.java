package dev.intake.providers;

import java.util.Map;

import dev.intake.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/** An OpenAI-compatible transcription endpoint on WireMock; the local analyzer. */
public class WhisperProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "intake.transcription.provider", "openai",
                "intake.transcription.openai.base-url", WireMockResource.baseUrl() + "/whisper",
                "intake.transcription.openai.api-key", "test-whisper-key",
                "intake.providers.attempts", "2",
                "intake.providers.initial-backoff", "PT0.05S",
                "intake.providers.timeout", "PT2S");
    }
}
