package dev.intake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StepErrorTest {

    @Test
    void a_step_failure_keeps_its_kind_and_message() {
        StepError error = StepError.from(Step.UPLOAD, StepFailure.permanent("no transcript"), 1);
        assertEquals(new StepError("upload", "no transcript", ErrorKind.PERMANENT, 1), error);
        assertEquals("Failed at upload: no transcript", error.detail());
    }

    @Test
    void an_unexpected_exception_without_a_message_is_transient_and_named_only_to_operators() {
        StepError error = StepError.from(Step.EVIDENCE, new NullPointerException(), 2);
        assertEquals(ErrorKind.TRANSIENT, error.kind());
        assertEquals("an internal error stopped finding evidence and the people in the conversation; operators can see which",
                error.message());
        assertEquals("java.lang.NullPointerException", error.operatorDetail());
    }

    @Test
    void an_error_without_step_message_kind_or_attempt_cannot_be_made() {
        assertThrows(IllegalArgumentException.class, () -> new StepError(" ", "m", ErrorKind.PERMANENT, 1));
        assertThrows(IllegalArgumentException.class, () -> new StepError("upload", "", ErrorKind.PERMANENT, 1));
        assertThrows(IllegalArgumentException.class, () -> new StepError("upload", "m", null, 1));
        assertThrows(IllegalArgumentException.class, () -> new StepError("upload", "m", ErrorKind.PERMANENT, 0));
    }
}
