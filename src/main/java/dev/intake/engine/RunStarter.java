package dev.intake.engine;

import java.time.Duration;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.intake.engine.WorkflowEngine;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.InterviewStore;
import dev.intake.workflow.Durations;
import dev.intake.workflow.StepError;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands a recorded run to the engine. A start that fails, or whose answer never came (the engine may
 * have started it after all), must not end the interview: it stays in flight with the reason on it,
 * so the sender's redelivery, or the sweeper once the interview looks stalled, starts the same run
 * again, and a start of a run the engine already has is a no-op.
 */
@ApplicationScoped
public class RunStarter {

    private static final Logger LOG = Logger.getLogger(RunStarter.class);

    private final WorkflowEngine engine;
    private final InterviewStore interviews;
    private final Duration sweptWithin;

    public RunStarter(WorkflowEngine engine, InterviewStore interviews, SweeperConfig sweeper) {
        this.engine = engine;
        this.interviews = interviews;
        this.sweptWithin = sweeper.stalledAfter();
    }

    /** Whether the run waits in this process for its turn (see {@link WorkflowEngine#queues}). */
    public boolean queued(UUID interviewId, String runId) {
        return engine.queues(interviewId, runId);
    }

    public RunStart start(UUID interviewId, String runId) {
        try {
            engine.start(interviewId, runId);
            return new RunStart.Started(runId);
        } catch (RuntimeException e) {
            String reason = "could not start processing: " + StepError.describe(e);
            interviews.recordStartFailure(interviewId, runId, reason, reason + "; it is started again when the event"
                    + " is redelivered, or by the sweeper after " + Durations.readableSeconds(sweptWithin.toSeconds())
                    + " without progress");
            LOG.warnf("interview %s: %s; it stays in flight and run %s is started again on redelivery or by the sweeper",
                    interviewId, reason, runId);
            return new RunStart.Deferred(runId, reason);
        }
    }
}
