package dev.intake.functions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.jboss.logging.Logger;

import dev.intake.entry.InvalidEventException;
import dev.intake.sweeper.SweepReport;
import dev.intake.sweeper.Sweeper;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The EventBridge schedule's tick: one sweep. */
public class SweepStuckFunction {

    private static final Logger LOG = Logger.getLogger(SweepStuckFunction.class);

    private final Sweeper sweeper;

    public SweepStuckFunction(Sweeper sweeper) {
        this.sweeper = sweeper;
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScheduledEvent(@JsonProperty("detail-type") String detailType, String source, String time) {
    }

    @Funq("sweep-stuck")
    public SweepReport sweepStuck(ScheduledEvent event) {
        if (event == null || !"Scheduled Event".equals(event.detailType())) {
            String reason = "not an EventBridge Scheduled Event (detail-type " + (event == null ? "missing" : event.detailType()) + ")";
            LOG.warnf("sweep-stuck rejected an event: %s; nothing swept", reason);
            throw new InvalidEventException(reason);
        }
        return sweeper.sweep();
    }
}
