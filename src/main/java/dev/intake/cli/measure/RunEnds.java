package dev.intake.cli.measure;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.intake.steps.StepEvent;
import dev.intake.workflow.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Which runs of this process have ended, as the steps report it (the last step completed, or a step
 * failed), so {@code intake throughput} waits without asking the database and its count of the
 * database's traffic is the runs' alone. A run that ends another way is found by the command's look at
 * the rows once its wait is over.
 */
@ApplicationScoped
public class RunEnds {

    private final Set<UUID> ended = ConcurrentHashMap.newKeySet();

    void onStep(@Observes StepEvent event) {
        boolean last = event.phase() == StepEvent.Phase.COMPLETED && event.step() == Step.values()[Step.values().length - 1];
        if (last || event.phase() == StepEvent.Phase.FAILED) {
            synchronized (this) {
                ended.add(event.interviewId());
                notifyAll();
            }
        }
    }

    /** Waits until every one of {@code ids} has ended or {@code timeout} runs out; true when all ended. */
    synchronized boolean await(Collection<UUID> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended.containsAll(ids)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        ended.removeAll(ids);
        return true;
    }
}
