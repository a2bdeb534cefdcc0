package dev.intake.engine;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long an entry function handles one event ({@code intake.event-time-budget}, a key of the root
 * prefix). On the engine floor because {@link TimeBudgets} counts it in upload-completed's budget.
 */
@ConfigMapping(prefix = "intake")
public interface EventBudgetConfig {

    /**
     * How long upload-completed goes on taking the objects of one event (a forwarded R2 batch holds up to
     * 100): checked before each, so the event is handled within this plus one object (engine/TimeBudgets).
     * The objects not reached are answered as deferred, so the sender delivers the event again, and the
     * ones already taken are then duplicates.
     */
    @WithDefault("PT60S")
    Duration eventTimeBudget();
}
