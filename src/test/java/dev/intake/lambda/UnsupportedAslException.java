package dev.intake.lambda;

/**
 * The state machine uses something the local interpreter does not implement. Raised when the definition
 * is loaded, so a change to the state machine that the test cannot run fails it loudly, naming the state
 * and the field, instead of being run wrongly.
 */
final class UnsupportedAslException extends RuntimeException {
    UnsupportedAslException(String message) {
        super(message + " (not implemented by the local Step Functions; extend dev.intake.lambda.StateMachine)");
    }
}
