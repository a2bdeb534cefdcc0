package dev.intake.providers.recall;

/** Recall.ai's API refused or failed; {@code transient} when a later try may succeed (429, 5xx, network). */
public class RecallApiException extends RuntimeException {

    private final boolean isTransient;

    public RecallApiException(String message, boolean isTransient) {
        super(message);
        this.isTransient = isTransient;
    }

    public boolean isTransient() {
        return isTransient;
    }
}
