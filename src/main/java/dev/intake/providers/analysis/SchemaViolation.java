package dev.intake.providers.analysis;

import dev.intake.providers.http.ProviderException;
import dev.intake.workflow.ErrorKind;

/** The model's output is not what the schema asked for: the step fails, nothing of it is written. */
final class SchemaViolation extends ProviderException {

    SchemaViolation(String what) {
        super(ErrorKind.PERMANENT, "the analysis model returned output that does not match the schema: " + what);
    }
}
