package dev.intake.local;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.intake.steps.StepsConfig;
import dev.intake.steps.SweeperConfig;
import dev.intake.sweeper.Sweeper;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The sweeps of `intake serve`: in AWS a schedule invokes sweep-stuck every minute; a long-running
 * local server sweeps itself every {@code intake.sweeper.every} (30 s), first as it starts, so
 * what a crash, a kill -9 or an outage left stalled is resumed or failed without anyone typing
 * `intake sweep`.
 */
@ApplicationScoped
public class SweepSchedule {

    private static final Logger LOG = Logger.getLogger(SweepSchedule.class);

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Sweeper sweeper;
    private final Duration every;
    private final Duration recoveredWithin;
    private ScheduledExecutorService timer;

    SweepSchedule(Sweeper sweeper, SweeperConfig config, StepsConfig steps) {
        this.sweeper = sweeper;
        this.every = config.every();
        this.recoveredWithin = dev.intake.workflow.Recovery.within(steps.lease(), config.stalledAfter(), every,
                config.jitter());
    }

    public Duration every() {
        return every;
    }

    /** How soon after a run stops this schedule has resumed or failed its interview. */
    public Duration recoveredWithin() {
        return recoveredWithin;
    }

    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "intake-sweep-schedule");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweepOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepOnce() {
        try {
            sweeper.sweep();
        } catch (RuntimeException e) {
            // A failure would cancel the schedule; the next sweep is the retry, and it sees all this one missed.
            LOG.warnf("sweeper: the sweep failed (%s); the next one, in %s, tries again", e, every);
        }
    }

    /** Stops sweeping; a sweep in progress is let finish. */
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        // Cut between marking an interview resumed and handing its run to the engine, a sweep would leave
        // the interview waiting for the next sweep, one resume spent: let it finish first.
        timer.shutdown();
        try {
            if (!timer.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warnf("sweeper: a sweep still running after %s is stopped; the next sweep finishes its work", STOP_WAIT);
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timer.shutdownNow();
        }
        timer = null;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }
}
