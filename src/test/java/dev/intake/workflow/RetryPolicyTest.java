package dev.intake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** One retry policy for steps and provider calls. */
class RetryPolicyTest {

    private final RetryPolicy calls = RetryPolicy.doubling(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void a_provider_calls_backoff_doubles_from_the_initial_delay() {
        assertEquals(Duration.ofSeconds(1), calls.delayAfter(1, null));
        assertEquals(Duration.ofSeconds(2), calls.delayAfter(2, null));
        assertEquals(Duration.ofSeconds(4), calls.delayAfter(3, null));
    }

    @Test
    void retry_after_replaces_the_backoff_but_never_exceeds_the_cap() {
        assertEquals(Duration.ofSeconds(7), calls.delayAfter(1, Duration.ofSeconds(7)));
        assertEquals(Duration.ofSeconds(30), calls.delayAfter(1, Duration.ofMinutes(10)));
        assertEquals(Duration.ofSeconds(30), calls.delayAfter(40, null));
    }

    @Test
    void a_steps_backoff_grows_by_its_factor_up_to_the_cap_and_stops_after_the_last_attempt() {
        RetryPolicy step = new RetryPolicy(4, Duration.ofSeconds(10), 3.0, Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(10), step.delayAfter(1));
        assertEquals(Duration.ofSeconds(30), step.delayAfter(2));
        assertEquals(Duration.ofSeconds(60), step.delayAfter(3));
        assertTrue(step.retries(3));
        assertFalse(step.retries(4));
    }

    @Test
    void nonsense_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.doubling(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(2, Duration.ofSeconds(5), 2.0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(2, Duration.ZERO, 0.5, Duration.ZERO));
    }
}
