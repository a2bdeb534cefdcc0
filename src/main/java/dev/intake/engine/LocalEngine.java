package dev.intake.engine;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import dev.intake.IntakeConfig;
import dev.intake.steps.StepExecutor;
import dev.intake.steps.StepOutcome;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/**
 * The in-process engine: runs each started run on a small thread pool, step after step, through the
 * same {@link StepExecutor} the step functions call in AWS.
 */
@ApplicationScoped
@Typed(LocalEngine.class)
public class LocalEngine implements WorkflowEngine {

    private static final Logger LOG = Logger.getLogger(LocalEngine.class);

    private final StepExecutor executor;
    private final InterviewStore interviews;
    private final ExecutorService threads;
    private final double retryDelayScale;

    LocalEngine(StepExecutor executor, InterviewStore interviews, IntakeConfig config) {
        this.executor = executor;
        this.interviews = interviews;
        this.retryDelayScale = config.retryDelayScale();
        this.threads = Executors.newFixedThreadPool(config.localEngineThreads(), r -> {
            Thread t = new Thread(r, "intake-local-engine");
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
        return CompletableFuture.supplyAsync(() -> run(interviewId, runId), threads)
                .whenComplete((outcome, failure) -> {
                    if (failure != null) {
                        recordCrash(interviewId, runId, failure);
                    }
                });
    }

    private void recordCrash(UUID interviewId, String runId, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause.getCause() instanceof InterruptedException) {
            // Shut down mid-run: the step's lease expires and the sweeper resumes it; not a failure.
            LOG.warnf("interview %s: run %s interrupted by shutdown; the sweeper resumes it", interviewId, runId);
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

    /** Runs the run to its end on the calling thread, from the step the row says is current. */
    public StepOutcome run(UUID interviewId, String runId) {
        Interview interview = interviews.find(interviewId)
                .orElseThrow(() -> new IllegalArgumentException("no interview " + interviewId));
        Optional<Step> step = interview.currentStep().flatMap(Step::byKey);
        if (step.isEmpty()) {
            throw new IllegalStateException("interview " + interviewId + " has no step to run (current_step "
                    + interview.currentStep().orElse("unset") + ")");
        }
        StepOutcome outcome = executor.execute(interviewId, runId, step.get());
        while (true) {
            if (outcome instanceof StepOutcome.Advanced advanced) {
                outcome = executor.execute(interviewId, runId, advanced.next());
            } else if (outcome instanceof StepOutcome.RetryScheduled retry) {
                pause(retry.delay());
                outcome = executor.execute(interviewId, runId, retry.step());
            } else if (outcome instanceof StepOutcome.Held held) {
                pause(held.retryAfter());
                outcome = executor.execute(interviewId, runId, held.step());
            } else {
                return outcome;
            }
        }
    }

    private void pause(java.time.Duration delay) {
        try {
            Thread.sleep((long) (delay.toMillis() * retryDelayScale));
        } catch (InterruptedException e) {
            // Shutting down: the step's lease is released, so the sweeper resumes it.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry; the sweeper resumes the step", e);
        }
    }

    /** On shutdown, before the database pool closes: runs in flight get a moment to finish their step. */
    void stop(@Observes ShutdownEvent shutdown) {
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
