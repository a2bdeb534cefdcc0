package dev.intake.providers.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void backoff_doubles_from_the_initial_delay() {
        assertEquals(Duration.ofSeconds(1), policy.delayAfter(1, null));
        assertEquals(Duration.ofSeconds(2), policy.delayAfter(2, null));
        assertEquals(Duration.ofSeconds(4), policy.delayAfter(3, null));
    }

    @Test
    void retry_after_replaces_the_backoff_but_never_exceeds_the_cap() {
        assertEquals(Duration.ofSeconds(7), policy.delayAfter(1, Duration.ofSeconds(7)));
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(1, Duration.ofMinutes(10)));
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(40, null));
    }

    @Test
    void a_call_is_attempted_at_least_once() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
    }
}
