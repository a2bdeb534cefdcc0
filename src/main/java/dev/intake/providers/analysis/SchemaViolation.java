package dev.intake.providers.analysis;

import dev.intake.providers.http.CallFailure;
import dev.intake.workflow.ErrorKind;

/** The model's output is not what the schema asked for: the step fails, nothing of it is written. */
final class SchemaViolation extends CallFailure {

    SchemaViolation(String what) {
        super(ErrorKind.PERMANENT, "the analysis model returned output that does not match the schema: " + what);
    }
}
