package dev.intake.lambda;

import java.time.Duration;

/**
 * What a cold start of a function cost, measured through its Runtime API: the init (process start to the
 * first {@code /next}, Quarkus's start included), the first invocation, and the time from process start to
 * that first answer. Timings are reported, never asserted: they depend on the machine and its load.
 */
record ColdStart(LambdaFunction function, Duration init, InvocationResult first, Duration startToFirstAnswer) {

    static ColdStart measure(LambdaProcess process, String event) {
        Duration init = process.awaitInit();
        InvocationResult first = process.invoke(event);
        return new ColdStart(process.function(), init, first, process.sinceStart(first.answeredAt()));
    }
}
