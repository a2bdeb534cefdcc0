package dev.intake.ingest;

/** Fetching a URL failed; {@code transient} when trying again later may succeed (timeouts, 429, 5xx). */
public class FetchFailure extends RuntimeException {

    private final boolean isTransient;

    public FetchFailure(String message, boolean isTransient) {
        super(message);
        this.isTransient = isTransient;
    }

    public FetchFailure(String message, boolean isTransient, Throwable cause) {
        super(message, cause);
        this.isTransient = isTransient;
    }

    public boolean isTransient() {
        return isTransient;
    }
}
