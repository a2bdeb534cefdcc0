package dev.intake.engine;

import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.Race;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.StatusTransitions;
import dev.intake.workflow.Step;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starts a new run of an interview by hand (the ops `repair` command), from its current step or a
 * step named, through the engine. The interview id is its analysis job id.
 */
@ApplicationScoped
public class Repairs {

    private static final Logger LOG = Logger.getLogger(Repairs.class);

    private final InterviewStore interviews;
    private final WorkflowEngine engine;

    Repairs(InterviewStore interviews, WorkflowEngine engine) {
        this.interviews = interviews;
        this.engine = engine;
    }

    /** A repair that was started, or why it was not. */
    public sealed interface Result {
        record Started(UUID interviewId, Step from, String runId) implements Result {
        }

        record Refused(UUID interviewId, String reason) implements Result {
        }
    }

    public Result repair(UUID id, Optional<Step> from) {
        return repair(id, from, engine);
    }

    /** As {@link #repair(UUID, Optional)}, handing the run to {@code engine} rather than the configured one. */
    public Result repair(UUID id, Optional<Step> from, WorkflowEngine engine) {
        return repair(id, from, engine, Optional.empty());
    }

    /**
     * As {@link #repair(UUID, Optional, WorkflowEngine)}, recording in the run state (and the log line)
     * who asked for it, as the operator console does.
     */
    public Result repair(UUID id, Optional<Step> from, WorkflowEngine engine, Optional<String> requestedBy) {
        Optional<Interview> found = interviews.find(id);
        if (found.isEmpty()) {
            return new Result.Refused(id, "no interview " + id);
        }
        Interview interview = found.get();
        if (from.isEmpty() && interview.status() == InterviewStatus.UPLOADED && !interview.ownedByIntake()) {
            return takeOver(interview, engine, requestedBy);
        }
        Optional<Step> step = from.or(() -> interview.currentStep().flatMap(Step::byKey));
        if (step.isEmpty()) {
            return new Result.Refused(id, "interview " + id + " is " + interview.status().dbValue() + " at step '"
                    + interview.currentStep().orElse("none") + "'; name the step to run from with --from");
        }
        InterviewStatus target = step.get().runningStatus();
        if (!StatusTransitions.isAllowed(interview.status(), target)) {
            return new Result.Refused(id, "an interview that is " + interview.status().dbValue() + " cannot be run again"
                    + (interview.status() == InterviewStatus.UPLOADING ? " before its upload completes" : ""));
        }
        RunPlan plan = new RunPlan(step.get(), interview.runPlan().skipSteps().stream()
                .filter(s -> s != step.get()).collect(java.util.stream.Collectors.toSet()));
        String runId = UUID.randomUUID().toString();
        Race started = interviews.startRun(id, runId, plan);
        if (!started.won()) {
            return new Result.Refused(id, switch (started) {
                case NOT_FOUND -> "no interview " + id + " (deleted while the repair started)";
                case ILLEGAL -> "interview " + id + " changed status while the repair started, to one it cannot run"
                        + " again from; look again";
                default -> "interview " + id + " was taken by another run while the repair started; look again";
            });
        }
        requestedBy.ifPresent(by -> interviews.noteRequestedBy(id, runId, by));
        LOG.infof("repair: interview %s runs again from %s as run %s%s", id, step.get().key(), runId,
                requestedBy.map(by -> ", asked for by " + by).orElse(""));
        engine.start(id, runId);
        return new Result.Started(id, step.get(), runId);
    }

    /**
     * An upload Insights left 'uploaded' (its web upload, with the old pipeline stopped or never
     * started) and Intake has not taken: run from its upload, reading the media where media_url says.
     */
    private Result takeOver(Interview interview, WorkflowEngine engine, Optional<String> requestedBy) {
        UUID id = interview.id();
        if (interview.mediaKey() == null) {
            return new Result.Refused(id, "interview " + id + " is uploaded but its media_url is empty: there is no"
                    + " media to run from");
        }
        String runId = UUID.randomUUID().toString();
        Race taken = interviews.takeOverUpload(id, runId);
        if (!taken.won()) {
            return new Result.Refused(id, switch (taken) {
                case NOT_FOUND -> "no interview " + id + " (deleted while the repair started)";
                case ILLEGAL -> "interview " + id + " left 'uploaded' while the repair started; look again";
                default -> "interview " + id + " was taken by another run while the repair started; look again";
            });
        }
        requestedBy.ifPresent(by -> interviews.noteRequestedBy(id, runId, by));
        LOG.infof("repair: interview %s (an upload no Intake run had taken, media %s) runs from upload as run %s%s", id,
                interview.mediaKey(), runId, requestedBy.map(by -> ", asked for by " + by).orElse(""));
        engine.start(id, runId);
        return new Result.Started(id, Step.UPLOAD, runId);
    }
}
