package dev.intake.ingest;

import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.intake.engine.WorkflowEngine;
import dev.intake.store.InterviewStore;
import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands a recorded run to the engine. An entry point has already recorded the interview, so a
 * redelivery would find it and start nothing: if the hand-off fails, the interview is marked failed
 * here, where someone can see it, rather than left waiting for a run that never comes.
 */
@ApplicationScoped
public class RunStarter {

    private static final Logger LOG = Logger.getLogger(RunStarter.class);

    private final WorkflowEngine engine;
    private final InterviewStore interviews;

    RunStarter(WorkflowEngine engine, InterviewStore interviews) {
        this.engine = engine;
        this.interviews = interviews;
    }

    /** Empty when the run was handed off; otherwise the reason it was not, already recorded on the interview. */
    public Optional<String> start(UUID interviewId, String runId) {
        try {
            engine.start(interviewId, runId);
            return Optional.empty();
        } catch (RuntimeException e) {
            String reason = "could not start processing: " + e.getMessage();
            interviews.recordFailureOfRun(interviewId, runId, new StepError(Step.UPLOAD.key(), reason, ErrorKind.TRANSIENT, 1));
            LOG.errorf(e, "interview %s: %s; marked error", interviewId, reason);
            return Optional.of(reason);
        }
    }
}
