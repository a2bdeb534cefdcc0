package dev.intake.engine;

import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.store.InterviewStore;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * The aws engine: a run is an execution of the Step Functions state machine. The execution is named
 * after the interview and the run, so a second start of the same run (a redelivered event, a retried
 * invocation) is refused by Step Functions and changes nothing.
 */
public final class StepFunctionsEngine implements WorkflowEngine {

    private static final Logger LOG = Logger.getLogger(StepFunctionsEngine.class);

    private final SfnClient sfn;
    private final String stateMachineArn;
    private final InterviewStore interviews;
    private final ObjectMapper json;

    public StepFunctionsEngine(SfnClient sfn, String stateMachineArn, InterviewStore interviews, ObjectMapper json) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
        this.interviews = interviews;
        this.json = json;
    }

    /** Step Functions names: at most 80 characters of letters, digits, '-' and '_'. */
    static String executionName(UUID interviewId, String runId) {
        String name = interviewId + "-" + runId.replaceAll("[^A-Za-z0-9_-]", "_");
        return name.length() > 80 ? name.substring(0, 80) : name;
    }

    @Override
    public void start(UUID interviewId, String runId) {
        String step = interviews.find(interviewId).flatMap(i -> i.currentStep())
                .orElseThrow(() -> new IllegalStateException("interview " + interviewId + " has no step to start from"));
        String input = json.createObjectNode().put("interviewId", interviewId.toString()).put("runId", runId)
                .put("step", step).toString();
        String name = executionName(interviewId, runId);
        try {
            String arn = sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(name).input(input)).executionArn();
            LOG.infof("interview %s: run %s started as execution %s from %s", interviewId, runId, arn, step);
        } catch (ExecutionAlreadyExistsException e) {
            LOG.infof("interview %s: run %s was already started (execution %s); nothing to do", interviewId, runId, name);
        }
    }
}
