package dev.intake.workflow;

/**
 * What Intake records of a failure (conversation_analysis.intake.error; Insights' readers get the
 * message as last_error and the detail in processing_metadata.error): where the interview failed, why, whether a
 * retry could help, and after how many attempts. {@code at} is set by the database.
 */
public record StepError(String step, String message, ErrorKind kind, int attempts) {

    public StepError {
        if (step == null || step.isBlank()) {
            throw new IllegalArgumentException("an error must say at which step it happened");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("an error must say what went wrong");
        }
        if (kind == null) {
            throw new IllegalArgumentException("an error must say whether it is transient or permanent");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("an error happens on an attempt; attempts must be at least 1");
        }
    }

    public static StepError from(Step step, Throwable failure, int attempts) {
        ErrorKind kind = failure instanceof StepFailure f ? f.kind() : ErrorKind.TRANSIENT;
        return new StepError(step.key(), describe(failure), kind, attempts);
    }

    /** What a failure says about itself, or its type when it says nothing. */
    public static String describe(Throwable failure) {
        return failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName()
                : failure.getMessage();
    }

    /** The sentence shown to a user in {@code status_detail}. */
    public String detail() {
        return "Failed at " + step + ": " + message;
    }
}
