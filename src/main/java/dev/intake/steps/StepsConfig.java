package dev.intake.steps;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a step is held and measured ({@code intake.lease}, {@code intake.metrics-emf}: keys of the root prefix). */
@ConfigMapping(prefix = "intake")
public interface StepsConfig {

    /**
     * How long a claimed step is held before another invocation may take it over; its heartbeat renews
     * it every third of this. 54 s: a renewal that hangs for the statement timeout and its 5 s of grace
     * (35 s) still ends before the lease it renews runs out (two thirds of it, 36 s), and a process that
     * died lets go of its step within a minute, so the sweeper can resume it within two.
     */
    @WithDefault("PT54S")
    Duration lease();

    /**
     * Whether step metrics are also written as CloudWatch embedded-metric log lines (the deployment
     * turns it on in Lambda; locally the lines would only clutter the output).
     */
    @WithDefault("false")
    boolean metricsEmf();
}
