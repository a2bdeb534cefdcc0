package dev.intake.steps;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.Step;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Step durations and failures, by step and kind of failure, and interviews reaching ready or error:
 * as Micrometer meters (read in-process and by tests) and, when {@code intake.metrics-emf} is on (in
 * Lambda), as CloudWatch embedded-metric log lines ({@link EmfMetrics}).
 */
@ApplicationScoped
public class StepMetrics {

    private final MeterRegistry registry;
    private final Optional<EmfMetrics> emf;
    private final Clock clock;

    @Inject
    StepMetrics(MeterRegistry registry, StepsConfig config, Clock clock) {
        this(registry, config.metricsEmf() ? Optional.of(new EmfMetrics(System.out::println)) : Optional.empty(), clock);
    }

    StepMetrics(MeterRegistry registry, Optional<EmfMetrics> emf, Clock clock) {
        this.registry = registry;
        this.emf = emf;
        this.clock = clock;
    }

    void completed(Step step, Duration took) {
        Timer.builder("intake.step.duration").tag("step", step.key()).tag("outcome", "completed")
                .register(registry).record(took);
        duration(step, "completed", took);
        if (step == Step.FINALIZE) {
            registry.counter("intake.interviews.ready").increment();
            emf.ifPresent(e -> e.put("InterviewsReady", 1, "Count", Map.of(), clock.millis()));
        }
    }

    /** One check of work done elsewhere that found it unfinished: timed apart, so completions stay comparable. */
    void waited(Step step, Duration took) {
        Timer.builder("intake.step.duration").tag("step", step.key()).tag("outcome", "waiting")
                .register(registry).record(took);
        duration(step, "waiting", took);
    }

    void failed(Step step, ErrorKind kind, boolean retrying, Duration took) {
        registry.counter("intake.step.failures", "step", step.key(), "kind", kind.dbValue(),
                "retrying", String.valueOf(retrying)).increment();
        Timer.builder("intake.step.duration").tag("step", step.key()).tag("outcome", "failed")
                .register(registry).record(took);
        duration(step, "failed", took);
        emf.ifPresent(e -> e.put("StepFailures", 1, "Count", EmfMetrics.dimensions("step", step.key(), "kind", kind.dbValue()),
                clock.millis()));
        if (!retrying) {
            registry.counter("intake.interviews.failed", "step", step.key()).increment();
            emf.ifPresent(e -> e.putWithTotal("InterviewsFailed", 1, "Count", EmfMetrics.dimensions("step", step.key()),
                    clock.millis()));
        }
    }

    private void duration(Step step, String outcome, Duration took) {
        emf.ifPresent(e -> e.put("StepDuration", took.toMillis(), "Milliseconds",
                EmfMetrics.dimensions("step", step.key(), "outcome", outcome), clock.millis()));
    }
}
