package dev.intake.workflow;

import java.time.Duration;

/**
 * How a step is tried again after a transient failure: at most {@code attempts} tries in all, waiting
 * {@code initialDelay}, then that times {@code backoffFactor} for each further try, never more than
 * {@code maxDelay}. Permanent failures are never retried. The same numbers drive the local engine and
 * the Step Functions state machine's Retry.
 */
public record StepRetryPolicy(int attempts, Duration initialDelay, double backoffFactor, Duration maxDelay) {

    public StepRetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("a step is attempted at least once");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= initial <= max");
        }
        if (backoffFactor < 1.0) {
            throw new IllegalArgumentException("the backoff factor is at least 1");
        }
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
}
