package dev.intake.providers.http;

import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.StepFailure;

/** A provider refused or failed; the message names the provider and says what it answered. */
public class ProviderException extends StepFailure {

    public ProviderException(ErrorKind kind, String message) {
        super(kind, message);
    }

    public static ProviderException permanent(String message) {
        return new ProviderException(ErrorKind.PERMANENT, message);
    }

    public static ProviderException transientFailure(String message) {
        return new ProviderException(ErrorKind.TRANSIENT, message);
    }
}
