package dev.intake.providers.recall;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Recall.ai: the API the upload step reads recordings from, and the webhook's signing secret. */
@ConfigMapping(prefix = "intake.recall")
public interface RecallConfig {

    /** Region base URL: https://{us-east-1|us-west-2|eu-central-1|ap-northeast-1}.recall.ai */
    @WithDefault("https://us-east-1.recall.ai")
    String baseUrl();

    /** Read through secrets/Secrets, which may take it from the app secret instead; declared here as a known key. */
    Optional<String> apiKey();

    /**
     * The Svix signing secret of the webhook endpoint ({@code whsec_...}); read through secrets/Secrets
     * as the API key is.
     */
    Optional<String> webhookSecret();

    /** How far a webhook's timestamp may be from now. */
    @WithDefault("PT5M")
    Duration signatureTolerance();

    /**
     * The provider Recall.ai transcribes a recording with when the recording has no transcript: the
     * {@code provider} object of Create Async Transcript, as JSON.
     */
    @WithDefault("{\"recallai_async\": {\"language_code\": \"en\"}}")
    String transcriptProvider();

    /**
     * How long the upload step lets go between checks of a transcript Recall.ai is making; its
     * {@code transcript.done} webhook cuts the wait short where the engine can (the local one).
     */
    @WithDefault("PT1M")
    Duration transcriptCheckEvery();

    /** How long a transcript Recall.ai is making may take before the step fails (keeping its id, as AssemblyAI's). */
    @WithDefault("PT3H")
    Duration transcriptMaxWait();
}
