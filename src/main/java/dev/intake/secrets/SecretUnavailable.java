package dev.intake.secrets;

import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.StepFailure;

/**
 * A secret could not be read: Secrets Manager did not answer, refused (access denied, no such secret),
 * or holds something that is not the JSON expected. Passing as far as the caller can tell: a step
 * retries it, an entry point answers 503 to be called again. The message names the secret and the
 * reason, never a value.
 */
public class SecretUnavailable extends StepFailure {

    public SecretUnavailable(String secretId, String reason, Throwable cause) {
        super(ErrorKind.TRANSIENT, "could not read the secret '" + secretId + "': " + reason, cause);
    }
}
