package dev.intake.steps;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import dev.intake.store.StepLeases;
import dev.intake.store.Lease;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** Starts the heartbeat of each step that runs: one thread of this process times every lease's first beat. */
@ApplicationScoped
class Heartbeats {

    private final StepLeases leases;
    private final ScheduledThreadPoolExecutor starter;

    Heartbeats(StepLeases leases) {
        this.leases = leases;
        this.starter = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "intake-heartbeat-start");
            t.setDaemon(true);
            return t;
        });
        // Nearly every step ends before its first beat: its cancelled timing is dropped, not kept until due.
        starter.setRemoveOnCancelPolicy(true);
    }

    Heartbeat start(Lease lease, Duration leaseFor) {
        return new Heartbeat(starter, leases, lease, leaseFor);
    }

    @PreDestroy
    void stop() {
        starter.shutdownNow();
    }
}
