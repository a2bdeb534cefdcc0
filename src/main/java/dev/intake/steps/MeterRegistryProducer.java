package dev.intake.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The in-process meters: a plain registry that keeps what is recorded (commands and tests read it
 * back). CloudWatch gets the same figures from embedded-metric log lines ({@link EmfMetrics}), so no
 * exporter, and no Quarkus metrics extension, whose HTTP server every Lambda would open for nothing.
 */
public class MeterRegistryProducer {

    @Produces
    @Singleton
    MeterRegistry meters() {
        return new SimpleMeterRegistry();
    }
}
