package dev.intake.workflow;

import java.time.Duration;

/**
 * How a failed attempt is tried again, for a step and for a call to a provider alike: at most
 * {@code attempts} tries in all, waiting {@code initialDelay}, then that times {@code backoffFactor} for
 * each further try, never more than {@code maxDelay}. A step's numbers drive the local engine and the
 * Step Functions state machine's Retry; a provider call's are the configured ones, and a server's
 * Retry-After replaces the backoff (still capped).
 */
public record RetryPolicy(int attempts, Duration initialDelay, double backoffFactor, Duration maxDelay) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("a step or a call is attempted at least once");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= initial <= max");
        }
        if (backoffFactor < 1.0) {
            throw new IllegalArgumentException("the backoff factor is at least 1");
        }
    }

    /** Doubling from {@code initialDelay}: how provider calls back off. */
    public static RetryPolicy doubling(int attempts, Duration initialDelay, Duration maxDelay) {
        return new RetryPolicy(attempts, initialDelay, 2.0, maxDelay);
    }

    /** The longest a call can take: every attempt at {@code perAttempt}, and the longest waits between them. */
    public Duration longestCall(Duration perAttempt) {
        return perAttempt.multipliedBy(attempts).plus(maxDelay.multipliedBy(attempts - 1L));
    }

    /** Whether a transient failure of attempt {@code attempt} (1-based) is tried again. */
    public boolean retries(int attempt) {
        return attempt < attempts;
    }

    /** The wait after failed attempt {@code attempt} (1-based) before the next one. */
    public Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(backoffFactor, Math.max(0, attempt - 1));
        long capped = (long) Math.min(millis, maxDelay.toMillis());
        return Duration.ofMillis(capped);
    }

    /** As {@link #delayAfter(int)}, or the server's {@code retryAfter} when it gave one; capped either way. */
    public Duration delayAfter(int attempt, Duration retryAfter) {
        if (retryAfter == null) {
            return delayAfter(attempt);
        }
        return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
}
