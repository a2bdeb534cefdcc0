package dev.intake.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.intake.testing.ConfigMappings;

/**
 * The local engine waits what a step asks before trying it again unless intake.local-engine-max-retry-delay
 * says less: users keep the steps' retry policies by default, and tests get retries in milliseconds through
 * the same setting a user could use.
 */
class LocalEngineConfigTest {

    private static LocalEngineConfig configured(Map<String, String> settings) throws IOException {
        return ConfigMappings.of("prod", settings).getConfigMapping(LocalEngineConfig.class);
    }

    @Test
    void by_default_a_retry_waits_what_the_step_asks() throws IOException {
        LocalEngineConfig defaults = configured(Map.of());

        assertEquals(Duration.ofSeconds(10), defaults.retryWait(Duration.ofSeconds(10)));
        assertEquals(Duration.ofMinutes(2), defaults.retryWait(Duration.ofMinutes(2)));
    }

    @Test
    void a_configured_maximum_shortens_longer_waits_and_leaves_shorter_ones() throws IOException {
        LocalEngineConfig capped = configured(Map.of("intake.local-engine-max-retry-delay", "PT0.05S"));

        assertEquals(Duration.ofMillis(50), capped.retryWait(Duration.ofSeconds(10)));
        assertEquals(Duration.ofMillis(20), capped.retryWait(Duration.ofMillis(20)));
    }

    @Test
    void the_tests_run_with_retries_in_milliseconds_through_that_setting() throws IOException {
        LocalEngineConfig tests = ConfigMappings.of("test", Map.of()).getConfigMapping(LocalEngineConfig.class);

        assertEquals(Duration.ofMillis(50), tests.retryWait(Duration.ofMinutes(2)));
    }
}
