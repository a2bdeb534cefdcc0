package dev.intake.steps;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.intake.store.StepLeases;
import dev.intake.store.Lease;

/**
 * Keeps a claimed step's lease alive while it works, renewing it every third of the lease, so a long
 * step (a transcription, a large copy) is never mistaken for a stalled one. Each lease beats on a
 * timer of its own: one renewal that hangs on a slow connection delays no other step's lease. That
 * timer's thread starts when the first beat is due, so the many steps done sooner start none.
 */
final class Heartbeat implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class);

    private final StepLeases leases;
    private final Lease lease;
    private final Duration leaseFor;
    private final long every;
    private final ScheduledFuture<?> firstBeat;
    private ScheduledExecutorService timer;
    private boolean closed;

    /** Beats from {@code every} on; {@code starter} only starts the lease's own timer, and never waits on the database. */
    Heartbeat(ScheduledExecutorService starter, StepLeases leases, Lease lease, Duration leaseFor) {
        this.leases = leases;
        this.lease = lease;
        this.leaseFor = leaseFor;
        this.every = Math.max(1, leaseFor.toMillis() / 3);
        this.firstBeat = starter.schedule(this::startBeating, every, TimeUnit.MILLISECONDS);
    }

    private synchronized void startBeating() {
        if (closed) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "intake-heartbeat-" + lease.interviewId());
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::beat, 0, every, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            if (!leases.renew(lease, leaseFor).won()) {
                LOG.warnf("interview %s: lease %s was taken over; heartbeats stop and this step's writes will be refused",
                        lease.interviewId(), lease.owner());
                close();
            }
        } catch (RuntimeException e) {
            // The next beat tries again; if every beat fails the lease expires and the sweeper resumes the step.
            LOG.warnf("interview %s: heartbeat failed (%s); retried at the next beat", lease.interviewId(),
                    e.getMessage() != null ? e.getMessage() : e);
        }
    }

    @Override
    public synchronized void close() {
        // A renewal in flight finishes on its own; none starts after this.
        closed = true;
        firstBeat.cancel(false);
        if (timer != null) {
            timer.shutdown();
        }
    }
}
