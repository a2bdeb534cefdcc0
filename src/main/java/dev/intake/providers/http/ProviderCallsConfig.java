package dev.intake.providers.http;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How calls to providers are retried: 429, 5xx and timeouts are; other 4xx are not. */
@ConfigMapping(prefix = "intake.providers")
public interface ProviderCallsConfig {

    /**
     * Attempts per call, the first included. Three at the response timeout, with backoff, is what fits
     * an analysis step in its 15-minute Lambda (engine/TimeBudgets).
     */
    @WithDefault("3")
    int attempts();

    @WithDefault("PT1S")
    Duration initialBackoff();

    /** Longest wait between attempts, Retry-After included. */
    @WithDefault("PT30S")
    Duration maxBackoff();

    /** Longest wait for one response. */
    @WithDefault("PT120S")
    Duration timeout();
}
