package dev.intake.steps;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import dev.intake.store.FencedWrites;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.StepLeases;
import dev.intake.store.Lease;
import dev.intake.store.LeaseLostException;
import dev.intake.store.Race;
import dev.intake.workflow.Durations;
import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;
import dev.intake.workflow.StepPending;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;

/**
 * Runs one step of one interview the way every engine does: claim it, do it, record completion and
 * the next step, or record the error. This is what each step's Lambda function calls.
 */
@ApplicationScoped
public class StepExecutor {

    private static final Logger LOG = Logger.getLogger(StepExecutor.class);

    private final InterviewStore interviews;
    private final StepLeases leases;
    private final Map<Step, StepHandler> handlers = new EnumMap<>(Step.class);
    private final Duration lease;
    /**
     * The longest a step may let go while it waits for a provider: half the sweeper's stalled-after, so
     * a waiting interview always shows a sign of life before the sweeper would take it for stalled.
     */
    private final Duration longestWait;
    private final Event<StepEvent> events;
    private final StepMetrics metrics;
    private final FencedWrites writes;
    private final Heartbeats heartbeats;

    StepExecutor(InterviewStore interviews, StepLeases leases, Instance<StepHandler> handlers, StepsConfig config,
                 SweeperConfig sweeper, Event<StepEvent> events, StepMetrics metrics, FencedWrites writes, Heartbeats heartbeats) {
        this.interviews = interviews;
        this.leases = leases;
        this.heartbeats = heartbeats;
        this.writes = writes;
        this.lease = config.lease();
        this.longestWait = sweeper.stalledAfter().dividedBy(2);
        this.events = events;
        this.metrics = metrics;
        handlers.forEach(h -> this.handlers.put(h.step(), h));
        for (Step step : Step.values()) {
            if (!this.handlers.containsKey(step)) {
                throw new IllegalStateException("no handler for step " + step.key());
            }
        }
    }

    public StepOutcome execute(UUID interviewId, String runId, Step step) {
        return execute(interviewId, runId, step, Optional.empty(), false).outcome();
    }

    /** A step claimed by the transaction that completed the one before it, ready to run. */
    public record Claim(Interview interview, Lease lease) {
    }

    /** What one invocation came to, and the next step's claim when it was asked for and won. */
    public record Ran(StepOutcome outcome, Optional<Claim> next) {
    }

    /**
     * Runs {@code step}, claimed now or by the completion of the step before ({@code claimed}); with
     * {@code claimNext}, the transaction that completes it also claims the next step, for the caller to
     * run at once (an engine that runs the whole run in one process).
     */
    public Ran execute(UUID interviewId, String runId, Step step, Optional<Claim> claimed, boolean claimNext) {
        MDC.put("interview_id", interviewId.toString());
        MDC.put("step", step.key());
        MDC.put("run_id", runId);
        try {
            return claimAndRun(interviewId, runId, step, claimed, claimNext);
        } finally {
            MDC.remove("interview_id");
            MDC.remove("step");
            MDC.remove("run_id");
        }
    }

    private Ran claimAndRun(UUID interviewId, String runId, Step step, Optional<Claim> claimedBefore, boolean claimNext) {
        Optional<Claim> claim = claimedBefore.filter(c -> c.interview().id().equals(interviewId)).or(() -> {
            Lease fresh = Lease.newOwner(interviewId);
            return leases.claim(fresh, runId, step, this.lease).map(i -> new Claim(i, fresh));
        });
        if (claim.isEmpty()) {
            return new Ran(whyNotClaimed(interviewId, runId, step), Optional.empty());
        }
        Interview interview = claim.get().interview();
        Lease lease = claim.get().lease();
        int attempt = interview.run().getInteger("attempt", 1);
        events.fire(new StepEvent(interviewId, step, StepEvent.Phase.STARTED, Duration.ZERO, step.detail()));
        long started = System.nanoTime();
        JsonObject outputs;
        RunPlan plan;
        // The step's writes wait for the transaction that records how it ended: one commit per step.
        writes.keep(lease);
        try (Heartbeat beating = heartbeats.start(lease, this.lease)) {
            plan = interview.runPlan();
            outputs = handlers.get(step).run(new StepContext(interview, lease, runId));
        } catch (StepPending e) {
            return new Ran(await(interview, lease, step, e, started, writes.take(lease)), Optional.empty());
        } catch (LeaseLostException e) {
            writes.take(lease);
            LOG.warnf("interview %s: %s", interviewId, e.getMessage());
            return new Ran(new StepOutcome.LeaseLost(interviewId, step), Optional.empty());
        } catch (RuntimeException e) {
            return new Ran(fail(interview, lease, step, StepError.from(step, e, attempt), e, started, writes.take(lease)),
                    Optional.empty());
        } catch (Error e) {
            writes.take(lease);
            throw e;
        }
        FencedWrites.Kept kept = writes.take(lease);
        Optional<Step> next = plan.after(step);
        Optional<Lease> nextLease = claimNext ? next.map(n -> Lease.newOwner(interviewId)) : Optional.empty();
        StepLeases.Ended ended;
        try {
            ended = leases.complete(lease, runId, step, next, outputs, kept, nextLease, this.lease);
        } catch (RuntimeException e) {
            // The step's writes failed as they were made (nothing of them stands): the step failed.
            return new Ran(fail(interview, lease, step, StepError.from(step, e, attempt), e, started,
                    FencedWrites.Kept.NONE), Optional.empty());
        }
        Race completed = ended.race();
        if (!completed.won()) {
            LOG.warnf("interview %s: %s done but not recorded (%s): %s", interviewId, step.key(), completed,
                    completed == Race.NOT_FOUND ? "the interview was deleted meanwhile"
                            : "the lease was taken over or the interview moved on; the newer state stands");
            return new Ran(new StepOutcome.LeaseLost(interviewId, step), Optional.empty());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.completed(step, took);
        LOG.infof("interview %s: %s completed in %d ms; next %s", interviewId, step.key(), took.toMillis(),
                next.map(Step::key).orElse(Step.COMPLETE));
        events.fire(new StepEvent(interviewId, step, StepEvent.Phase.COMPLETED, took, null));
        StepOutcome outcome = next.<StepOutcome>map(n -> new StepOutcome.Advanced(interviewId, step, n))
                .orElseGet(() -> new StepOutcome.Finished(interviewId, step));
        return new Ran(outcome, ended.claimed().map(i -> new Claim(i, nextLease.orElseThrow())));
    }

    /**
     * A claim lost: to another run (nothing to do), to this run having moved past the step (an earlier
     * invocation finished it; go on from where the run is), or to a live lease on the step (wait it out).
     */
    private StepOutcome whyNotClaimed(UUID interviewId, String runId, Step step) {
        Optional<Interview> found = interviews.find(interviewId);
        if (found.isPresent() && found.get().runId().filter(runId::equals).isPresent() && !found.get().status().isSettled()) {
            Interview interview = found.get();
            Optional<Step> current = interview.currentStep().flatMap(Step::byKey);
            if (current.isPresent() && current.get().ordinal() > step.ordinal()) {
                LOG.infof("interview %s: %s of run %s was already done; the run goes on at %s", interviewId, step.key(),
                        runId, current.get().key());
                return new StepOutcome.AlreadyDone(interviewId, step, current.get());
            }
            // The database's clock set the lease and judges every claim: this process's clock may differ.
            Optional<Duration> left = current.filter(step::equals).isPresent() ? leases.timeLeft(interviewId)
                    : Optional.empty();
            if (left.isPresent()) {
                Duration wait = left.get().plusSeconds(1);
                LOG.infof("interview %s: %s of run %s is held by a live lease; trying again in %d s", interviewId,
                        step.key(), runId, wait.toSeconds());
                return new StepOutcome.Held(interviewId, step, wait);
            }
        }
        LOG.infof("interview %s: step %s of run %s not claimed (the run is not current, or the interview is settled)",
                interviewId, step.key(), runId);
        return new StepOutcome.NotClaimed(interviewId, step);
    }

    /** The step's work goes on elsewhere: let go of the step until its next check, without spending an attempt. */
    private StepOutcome await(Interview interview, Lease lease, Step step, StepPending pending, long started,
                              FencedWrites.Kept kept) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Duration wait = pending.checkAgainIn().compareTo(longestWait) > 0 ? longestWait : pending.checkAgainIn();
        String detail = pending.detail() + "; checking again in " + Durations.readable(wait);
        if (!leases.await(lease, detail, wait, kept).won()) {
            LOG.warnf("interview %s: %s was taken over while it waited (%s); the newer run's state stands",
                    interview.id(), step.key(), pending.detail());
            return new StepOutcome.LeaseLost(interview.id(), step);
        }
        metrics.waited(step, took);
        LOG.infof("interview %s: %s waits: %s; the engine calls it again in %s", interview.id(), step.key(),
                pending.detail(), Durations.readable(wait));
        events.fire(new StepEvent(interview.id(), step, StepEvent.Phase.WAITING, took, detail));
        return new StepOutcome.Waiting(interview.id(), step, detail, wait);
    }

    private StepOutcome fail(Interview interview, Lease lease, Step step, StepError error, RuntimeException cause,
                             long started, FencedWrites.Kept kept) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (error.kind() == ErrorKind.TRANSIENT && step.retry().retries(error.attempts())) {
            Duration delay = step.retry().delayAfter(error.attempts());
            if (!leases.retry(lease, error, delay, kept).won()) {
                LOG.warnf("interview %s: %s failed (%s) after its lease was taken over; the newer run's state stands",
                        interview.id(), step.key(), error.message());
                return new StepOutcome.LeaseLost(interview.id(), step);
            }
            metrics.failed(step, error.kind(), true, took);
            // One line: the error names what failed, and a retry follows; a final failure logs the stack trace.
            LOG.warnf("interview %s: %s failed transiently (attempt %d of %d): %s; retrying in %d ms",
                    interview.id(), step.key(), error.attempts(), step.retry().attempts(), error.message(), delay.toMillis());
            return new StepOutcome.RetryScheduled(interview.id(), step, error, delay);
        }
        if (!leases.fail(lease, error, kept).won()) {
            LOG.warnf("interview %s: %s failed (%s) after its lease was taken over; the newer run's state stands",
                    interview.id(), step.key(), error.message());
            return new StepOutcome.LeaseLost(interview.id(), step);
        }
        metrics.failed(step, error.kind(), false, took);
        // A failure the step classified (a provider's 404, a file it cannot read) says all in its message:
        // one line. Anything else is unexpected, and its stack trace is what finds the cause.
        LOG.errorf(cause instanceof dev.intake.workflow.StepFailure ? null : cause,
                "interview %s: %s failed (%s, attempt %d): %s; marked error", interview.id(), step.key(),
                error.kind().dbValue(), error.attempts(), error.message());
        events.fire(new StepEvent(interview.id(), step, StepEvent.Phase.FAILED, took, error.message()));
        return new StepOutcome.Failed(interview.id(), step, error);
    }
}
