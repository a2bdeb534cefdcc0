package dev.intake.steps;

import java.time.Duration;

import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.Step;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/** Step durations and failures, by step and kind of failure. */
@ApplicationScoped
public class StepMetrics {

    private final MeterRegistry registry;

    StepMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void completed(Step step, Duration took) {
        Timer.builder("intake.step.duration").tag("step", step.key()).tag("outcome", "completed")
                .register(registry).record(took);
    }

    /** One check of work done elsewhere that found it unfinished: timed apart, so completions stay comparable. */
    void waited(Step step, Duration took) {
        Timer.builder("intake.step.duration").tag("step", step.key()).tag("outcome", "waiting")
                .register(registry).record(took);
    }

    void failed(Step step, ErrorKind kind, boolean retrying, Duration took) {
        registry.counter("intake.step.failures", "step", step.key(), "kind", kind.dbValue(),
                "retrying", String.valueOf(retrying)).increment();
        Timer.builder("intake.step.duration").tag("step", step.key()).tag("outcome", "failed")
                .register(registry).record(took);
    }
}
