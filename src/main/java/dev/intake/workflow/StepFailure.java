package dev.intake.workflow;

/**
 * Thrown by a step to say why it cannot complete, in words a user can read. Anything else a step
 * throws is treated as an unexpected (transient) fault.
 */
public class StepFailure extends RuntimeException {

    private final ErrorKind kind;

    public StepFailure(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StepFailure(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static StepFailure permanent(String message) {
        return new StepFailure(ErrorKind.PERMANENT, message);
    }

    public ErrorKind kind() {
        return kind;
    }
}
