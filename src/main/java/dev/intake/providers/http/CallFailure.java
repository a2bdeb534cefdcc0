package dev.intake.providers.http;

import java.util.OptionalInt;

import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.StepFailure;

/**
 * A call to the outside world failed: a provider's API, Recall.ai, or the server of a media URL.
 * Transient when a later try may succeed (a timeout, the network, 429, 409 on a request still in
 * progress, 5xx), permanent otherwise; the message names the other side and says what it answered, and
 * the HTTP status is kept when there was one. A step lets it through: the executor retries or fails
 * the step by its kind.
 */
public class CallFailure extends StepFailure {

    private final int status;

    protected CallFailure(ErrorKind kind, String message) {
        this(kind, message, 0, null);
    }

    private CallFailure(ErrorKind kind, String message, int status, Throwable cause) {
        super(kind, message, cause);
        this.status = status;
    }

    public static CallFailure permanent(String message) {
        return new CallFailure(ErrorKind.PERMANENT, message, 0, null);
    }

    public static CallFailure transientFailure(String message) {
        return new CallFailure(ErrorKind.TRANSIENT, message, 0, null);
    }

    public static CallFailure of(boolean isTransient, String message) {
        return of(isTransient, message, null);
    }

    public static CallFailure of(boolean isTransient, String message, Throwable cause) {
        return new CallFailure(isTransient ? ErrorKind.TRANSIENT : ErrorKind.PERMANENT, message, 0, cause);
    }

    /** What the other side answered with {@code status}: permanent, unless a later try may get another answer. */
    public static CallFailure answered(int status, String message) {
        return new CallFailure(retryable(status) ? ErrorKind.TRANSIENT : ErrorKind.PERMANENT, message, status, null);
    }

    /**
     * Whether asking again may get another answer: throttled (429), busy or failing (5xx), or still working
     * on an idempotent request (409).
     */
    public static boolean retryable(int status) {
        return status == 429 || status == 409 || status >= 500;
    }

    public boolean isTransient() {
        return kind() == ErrorKind.TRANSIENT;
    }

    /** The HTTP status the other side answered, when it answered at all. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }
}
