package dev.intake.providers.transcription;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who turns audio and video into a transcript. Transcripts uploaded as files need none. */
@ConfigMapping(prefix = "intake.transcription")
public interface TranscriptionConfig {

    /** {@code none}, {@code assemblyai} or {@code openai} (any OpenAI-compatible transcription endpoint). */
    @WithDefault("none")
    String provider();

    /** Whether audio and video can be turned into a transcript at all. */
    default boolean enabled() {
        return !"none".equals(provider());
    }

    AssemblyAi assemblyai();

    OpenAiTranscription openai();

    interface AssemblyAi {
        @WithDefault("https://api.assemblyai.com")
        String baseUrl();

        Optional<String> apiKey();

        /** Optional speech model ({@code speech_model}); the provider's default when unset. */
        Optional<String> speechModel();

        /**
         * How long the upload step lets go between checks of a submitted transcript; each check is
         * an invocation of its own (a wait is cut to half the sweeper's stalled-after).
         */
        @WithDefault("PT15S")
        Duration pollInterval();

        /**
         * How long a submitted transcript may take before the step fails (permanently, keeping the
         * transcript id, so a repair checks the same transcript rather than submitting again).
         */
        @WithDefault("PT3H")
        Duration maxWait();

        /** How long the presigned media URL handed to AssemblyAI stays valid. */
        @WithDefault("PT1H")
        Duration mediaUrlValidity();
    }

    interface OpenAiTranscription {
        @WithDefault("https://api.openai.com")
        String baseUrl();

        Optional<String> apiKey();

        @WithDefault("whisper-1")
        String model();
    }
}
