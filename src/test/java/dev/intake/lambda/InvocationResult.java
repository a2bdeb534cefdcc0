package dev.intake.lambda;

import java.time.Duration;

/** What became of one invocation: the function's response, or the error it (or its runtime) reported. */
sealed interface InvocationResult {

    String requestId();

    /** {@code System.nanoTime()} when the runtime took the event from {@code /next} and when it answered. */
    long deliveredAt();

    long answeredAt();

    /** From the runtime taking the event to its answer: the invocation's duration as Lambda bills it. */
    default Duration latency() {
        return Duration.ofNanos(answeredAt() - deliveredAt());
    }

    /** {@code POST /runtime/invocation/{id}/response}. */
    record Response(String requestId, String body, long deliveredAt, long answeredAt) implements InvocationResult {
        @Override
        public String toString() {
            return "response " + body;
        }
    }

    /**
     * {@code POST /runtime/invocation/{id}/error}, or an error Lambda itself reports for the invocation (the
     * runtime exited or failed its init: {@code Runtime.ExitError}, {@code Runtime.InitError}).
     */
    record FunctionError(String requestId, String errorType, String errorMessage, String payload, long deliveredAt,
                         long answeredAt) implements InvocationResult {
        @Override
        public String toString() {
            return "error " + errorType + ": " + errorMessage;
        }
    }
}
