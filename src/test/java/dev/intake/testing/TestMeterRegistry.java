package dev.intake.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** A registry that keeps what is recorded, so tests can read the metrics back. */
public class TestMeterRegistry {

    @Produces
    @Singleton
    MeterRegistry simple() {
        return new SimpleMeterRegistry();
    }
}
