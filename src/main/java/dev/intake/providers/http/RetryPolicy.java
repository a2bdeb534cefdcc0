package dev.intake.providers.http;

import java.time.Duration;

/** Attempts per provider call and the exponential backoff between them. */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("a call is attempted at least once");
        }
    }

    /** The wait before attempt {@code attempt + 1}: the server's Retry-After if it gave one, else backoff; capped. */
    public Duration delayAfter(int attempt, Duration retryAfter) {
        Duration delay = retryAfter != null ? retryAfter : initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
