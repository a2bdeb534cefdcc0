package dev.intake.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.intake.steps.StepExecutor;
import dev.intake.steps.StepOutcome;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.RunCycles;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;

/**
 * The in-process engine: runs each started run on a small thread pool, step after step, through the
 * same {@link StepExecutor} the step functions call in AWS. A step that waits for a provider is called
 * again after its wait from a timer, so waiting runs hold no thread.
 */
@ApplicationScoped
@Typed(LocalEngine.class)
public class LocalEngine implements WorkflowEngine {

    private static final Logger LOG = Logger.getLogger(LocalEngine.class);

    /** What runs one step: the executor, or in a test a stand-in that answers as the test needs. */
    interface StepRunner {
        StepOutcome execute(UUID interviewId, String runId, Step step);

        /**
         * Runs {@code step} (already claimed when {@code claimed} is given) and, when it advances, claims
         * the next step in the transaction that completes it.
         */
        default StepExecutor.Ran executeAndClaimNext(UUID interviewId, String runId, Step step,
                                                     Optional<StepExecutor.Claim> claimed) {
            return new StepExecutor.Ran(execute(interviewId, runId, step), Optional.empty());
        }
    }

    private final StepRunner executor;
    private final InterviewStore interviews;
    private final ExecutorService threads;
    /** Fires the next check of runs whose step waits for work done elsewhere; no run holds a thread meanwhile. */
    private final ScheduledExecutorService timers;
    private final Map<UUID, Parked> parked = new ConcurrentHashMap<>();
    /**
     * Runs this engine holds: handed to the pool, waiting for a thread (with a backlog, longer than a
     * stall) or moved by one. Until a run's step is claimed nothing in the row shows it is alive, and a
     * thread may wait for a connection longer than the stall threshold: the sweeper leaves these alone,
     * and a run held here that makes no progress is failed by its no-progress bound instead.
     */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final LocalEngineConfig config;

    @jakarta.inject.Inject
    LocalEngine(StepExecutor executor, InterviewStore interviews, LocalEngineConfig config) {
        this(new StepRunner() {
            @Override
            public StepOutcome execute(UUID interviewId, String runId, Step step) {
                return executor.execute(interviewId, runId, step);
            }

            @Override
            public StepExecutor.Ran executeAndClaimNext(UUID interviewId, String runId, Step step,
                                                        Optional<StepExecutor.Claim> claimed) {
                return executor.execute(interviewId, runId, step, claimed, true);
            }
        }, interviews, config);
    }

    LocalEngine(StepRunner executor, InterviewStore interviews, LocalEngineConfig config) {
        this.executor = executor;
        this.interviews = interviews;
        this.config = config;
        this.threads = Executors.newFixedThreadPool(config.localEngineThreads(), r -> {
            Thread t = new Thread(r, "intake-local-engine");
            t.setDaemon(true);
            return t;
        });
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "intake-local-engine-timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start(UUID interviewId, String runId) {
        submit(interviewId, runId);
    }

    /**
     * Starts the run and returns its last outcome when it ends. A run that dies of an unexpected fault
     * (the database went away mid-step) is marked failed when that is still possible.
     */
    public CompletableFuture<StepOutcome> submit(UUID interviewId, String runId) {
        CompletableFuture<StepOutcome> ended = new CompletableFuture<>();
        enqueue(runId, () -> proceed(interviewId, runId, () -> runCounted(interviewId, runId), ended));
        return ended.whenComplete((outcome, failure) -> {
            if (failure != null) {
                recordCrash(interviewId, runId, failure);
            }
        });
    }

    private void enqueue(String runId, Runnable steps) {
        queued.add(runId);
        try {
            threads.execute(() -> {
                try {
                    steps.run();
                } finally {
                    queued.remove(runId);
                }
            });
        } catch (RejectedExecutionException e) {
            queued.remove(runId);
            throw e;
        }
    }

    @Override
    public boolean queues(UUID interviewId, String runId) {
        return queued.contains(runId);
    }

    /**
     * A step of the run waits for something that has now happened (a provider finished a transcript):
     * the parked run checks at once instead of when its wait runs out.
     */
    @Override
    public void wake(UUID interviewId, String runId) {
        Parked waiting = parked.get(interviewId);
        if (waiting != null && waiting.runId.equals(runId)) {
            LOG.infof("interview %s: run %s woken; %s checks now", interviewId, runId, waiting.step().key());
            waiting.resume();
        }
    }

    /** Runs steps on a pool thread until the run ends, or until a step waits: then it is parked, holding no thread. */
    private void proceed(UUID interviewId, String runId, Supplier<Cycled> steps,
                         CompletableFuture<StepOutcome> ended) {
        Cycled cycled;
        try {
            cycled = steps.get();
        } catch (RuntimeException | Error e) {
            // An Error too (out of memory, a stack overflow): it ends the run visibly, where it would
            // otherwise kill the pool's thread and leave whoever waits for the run waiting.
            ended.completeExceptionally(e);
            return;
        }
        StepOutcome outcome = cycled.outcome();
        if (outcome instanceof StepOutcome.Waiting waiting) {
            Parked next = new Parked(runId, waiting, cycled.cycles(), ended);
            parked.put(interviewId, next);
            try {
                // Not capped like retries (intake.local-engine-max-retry-delay): a provider takes the time it takes
                // (tests configure short checks).
                next.timer = timers.schedule(next::resume, waiting.checkAgainIn().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                next.stop();
            }
        } else {
            ended.complete(outcome);
        }
    }

    /** A run whose step waits; resumed once, by its timer or by a wake, whichever comes first. */
    private final class Parked {
        private final String runId;
        private final StepOutcome.Waiting waiting;
        private final int cycles;
        private final CompletableFuture<StepOutcome> ended;
        private final AtomicBoolean resumed = new AtomicBoolean();
        private volatile ScheduledFuture<?> timer;

        Parked(String runId, StepOutcome.Waiting waiting, int cycles, CompletableFuture<StepOutcome> ended) {
            this.runId = runId;
            this.waiting = waiting;
            this.cycles = cycles;
            this.ended = ended;
        }

        Step step() {
            return waiting.step();
        }

        void resume() {
            if (!resumed.compareAndSet(false, true)) {
                return;
            }
            UUID interviewId = waiting.interviewId();
            parked.remove(interviewId, this);
            ScheduledFuture<?> pending = timer;
            if (pending != null) {
                pending.cancel(false);
            }
            try {
                enqueue(runId, () -> proceed(interviewId, runId,
                        () -> runFrom(interviewId, runId, step(), cycles + 1, null), ended));
            } catch (RejectedExecutionException e) {
                abandon();
            }
        }

        /** The engine stops before the wait is over. */
        void stop() {
            if (resumed.compareAndSet(false, true)) {
                abandon();
            }
        }

        /**
         * The engine is stopping: the run ends here, still waiting. Its step holds no lease and its job is
         * kept, so the sweeper resumes it and the resumed run checks the same job.
         */
        private void abandon() {
            parked.remove(waiting.interviewId(), this);
            LOG.warnf("interview %s: run %s was waiting at %s when the engine stopped; the sweeper resumes it",
                    waiting.interviewId(), runId, step().key());
            ended.complete(waiting);
        }
    }

    private void recordCrash(UUID interviewId, String runId, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause.getCause() instanceof InterruptedException) {
            // Shut down mid-run: the step's lease expires and the sweeper resumes it; not a failure.
            LOG.warnf("interview %s: run %s interrupted by shutdown; the sweeper resumes it", interviewId, runId);
            return;
        }
        if (cause instanceof dev.intake.store.DatabaseUnavailable) {
            // The run's own bookkeeping could not reach the database: passing, and nothing about the
            // interview is wrong. Its row shows no sign of life from now on, so the sweeper resumes it
            // once the database answers again (and fails it once resumes or the no-progress bound run out).
            LOG.warnf("interview %s: run %s stopped: %s; the sweeper resumes it once the database answers", interviewId,
                    runId, cause.getMessage());
            return;
        }
        try {
            String step = interviews.find(interviewId).flatMap(Interview::currentStep).orElse(Step.first().key());
            interviews.recordFailureOfRun(interviewId, runId, new StepError(step,
                    "the run stopped unexpectedly: " + cause, ErrorKind.TRANSIENT, 1));
            LOG.errorf(cause, "interview %s: run stopped unexpectedly at %s; marked error", interviewId, step);
        } catch (RuntimeException e) {
            e.addSuppressed(cause);
            LOG.errorf(e, "interview %s: run stopped unexpectedly and could not be marked failed;"
                    + " its lease expires and the sweeper resumes it", interviewId);
        }
    }

    /** A run's outcome so far and the cycles it has gone round to get there. */
    private record Cycled(StepOutcome outcome, int cycles) {
    }

    /**
     * Runs the run on the calling thread from the step the row says is current, to its end or to a
     * step that waits for work done elsewhere.
     */
    public StepOutcome run(UUID interviewId, String runId) {
        return runCounted(interviewId, runId).outcome();
    }

    private Cycled runCounted(UUID interviewId, String runId) {
        Interview interview = interviews.find(interviewId)
                .orElseThrow(() -> new IllegalArgumentException("no interview " + interviewId));
        Optional<Step> step = interview.currentStep().flatMap(Step::byKey);
        if (step.isEmpty()) {
            throw new IllegalStateException("interview " + interviewId + " has no step to run (current_step "
                    + interview.currentStep().orElse("unset") + ")");
        }
        return runFrom(interviewId, runId, step.get(), 0, null);
    }

    /**
     * Runs the run from {@code first} on the calling thread until it ends or a step waits for work done
     * elsewhere (returned as {@link StepOutcome.Waiting}; {@link #submit} parks it until its next check).
     * Every time it goes round to a step again it spends a cycle; past {@link RunCycles#LIMIT} the
     * interview is failed with the last error the run met, so no loop (a step that keeps asking for a
     * retry, a job that never finishes, a lease that is always held) goes on for ever.
     */
    private Cycled runFrom(UUID interviewId, String runId, Step first, int cycles, String lastError) {
        StepExecutor.Ran ran = executor.executeAndClaimNext(interviewId, runId, first, Optional.empty());
        while (true) {
            StepOutcome outcome = ran.outcome();
            Step again;
            if (outcome instanceof StepOutcome.Continuing continuing) {
                again = continuing.next();
            } else if (outcome instanceof StepOutcome.RetryScheduled retry) {
                lastError = retry.error().message();
                again = retry.step();
            } else if (outcome instanceof StepOutcome.Held held) {
                lastError = "held by an earlier invocation of this run";
                again = held.step();
            } else {
                return new Cycled(outcome, cycles);
            }
            cycles++;
            if (!RunCycles.mayContinue(cycles)) {
                return new Cycled(exhausted(interviewId, runId, again, cycles, lastError), cycles);
            }
            if (outcome instanceof StepOutcome.RetryScheduled retry) {
                pause(retry.delay());
            } else if (outcome instanceof StepOutcome.Held held) {
                pause(held.retryAfter());
            }
            // A step done now has claimed the next in the same transaction: it runs without a claim of its own.
            ran = executor.executeAndClaimNext(interviewId, runId, again, ran.next());
        }
    }

    /** The run went round too often: the interview is failed, through the executor's one-UPDATE failure. */
    private StepOutcome exhausted(UUID interviewId, String runId, Step step, int cycles, String lastError) {
        StepError error = RunCycles.exhausted(step.key(), cycles, lastError);
        if (!interviews.recordFailureOfRun(interviewId, runId, error).won()) {
            LOG.warnf("interview %s: run %s ran out of cycles at %s, but a newer run or state stands", interviewId, runId,
                    step.key());
            return new StepOutcome.NotClaimed(interviewId, step);
        }
        LOG.errorf("interview %s: %s; marked error", interviewId, error.message());
        return new StepOutcome.Failed(interviewId, step, error);
    }

    private void pause(java.time.Duration delay) {
        try {
            Thread.sleep(config.retryWait(delay).toMillis());
        } catch (InterruptedException e) {
            // Shutting down: the step's lease is released, so the sweeper resumes it.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry; the sweeper resumes the step", e);
        }
    }

    /** On shutdown, before the database pool closes: runs in flight get a moment to finish their step. */
    void stop(@Observes ShutdownEvent shutdown) {
        timers.shutdownNow();
        List.copyOf(parked.values()).forEach(Parked::stop);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                // Runs still going hold leases; the sweeper resumes them once the leases expire.
                LOG.warn("local engine stopped with runs in progress; their leases expire and the sweeper resumes them");
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
    }
}
