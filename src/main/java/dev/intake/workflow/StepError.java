package dev.intake.workflow;

/**
 * What Intake records of a failure (conversation_analysis.intake.error; Insights' readers get the
 * message as last_error and the detail in processing_metadata.error): where the interview failed, why, whether a
 * retry could help, and after how many attempts. {@code at} is set by the database. {@code message} is
 * for the interview's user; {@code operatorDetail}, when set, is what it hides (a driver's text), kept
 * in the run's state for operators and never in what Insights shows.
 */
public record StepError(String step, String message, ErrorKind kind, int attempts, String operatorDetail) {

    /** An error whose message says all there is: nothing is kept from its user. */
    public StepError(String step, String message, ErrorKind kind, int attempts) {
        this(step, message, kind, attempts, null);
    }

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
        UserFacingError.Said said = UserFacingError.of(step, failure);
        return new StepError(step.key(), said.message(), kind, attempts, said.detail().orElse(null));
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
