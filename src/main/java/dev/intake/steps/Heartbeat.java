package dev.intake.steps;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.intake.store.InterviewStore;
import dev.intake.store.Lease;

/**
 * Keeps a claimed step's lease alive while it works, renewing it every third of the lease, so a long
 * step (a transcription, a large copy) is never mistaken for a stalled one. Each lease beats on a
 * timer of its own: one renewal that hangs on a slow connection delays no other step's lease.
 */
final class Heartbeat implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class);

    private final ScheduledExecutorService timer;

    Heartbeat(InterviewStore interviews, Lease lease, Duration leaseFor) {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "intake-heartbeat-" + lease.interviewId());
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, leaseFor.toMillis() / 3);
        timer.scheduleAtFixedRate(() -> beat(interviews, lease, leaseFor), every, every, TimeUnit.MILLISECONDS);
    }

    private void beat(InterviewStore interviews, Lease lease, Duration leaseFor) {
        try {
            if (!interviews.renewLease(lease, leaseFor).won()) {
                LOG.warnf("interview %s: lease %s was taken over; heartbeats stop and this step's writes will be refused",
                        lease.interviewId(), lease.owner());
                timer.shutdown();
            }
        } catch (RuntimeException e) {
            // The next beat tries again; if every beat fails the lease expires and the sweeper resumes the step.
            LOG.warnf("interview %s: heartbeat failed (%s); retried at the next beat", lease.interviewId(),
                    e.getMessage() != null ? e.getMessage() : e);
        }
    }

    @Override
    public void close() {
        // A renewal in flight finishes on its own; none starts after this.
        timer.shutdown();
    }
}
