package dev.intake.entry;

import java.io.IOException;
import dev.intake.providers.recall.RecallConfig;
import dev.intake.workflow.Printable;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.engine.RunStart;
import dev.intake.engine.RunStarter;
import dev.intake.engine.WorkflowEngine;
import dev.intake.entry.EntryOutcome;
import dev.intake.http.Fields;
import dev.intake.http.NulCharacters;
import dev.intake.http.RequestRejected;
import dev.intake.interview.TranscriptionJob;
import dev.intake.secrets.Secret;
import dev.intake.secrets.SecretField;
import dev.intake.secrets.Secrets;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.WorkspaceStore;
import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Recall.ai's webhook: verified, then a finished desktop upload or bot recording becomes an interview
 * whose run is started, a failed desktop upload becomes an interview in {@code error}, a transcript
 * Intake asked Recall for wakes the run waiting on it, and every other event is acknowledged without effect. It answers fast: the media is fetched by the upload step.
 * Redeliveries find the interview the first delivery created (deduped on the Recall ids).
 */
@ApplicationScoped
public class RecallWebhook {

    private static final Logger LOG = Logger.getLogger(RecallWebhook.class);

    /**
     * Every id, code and name Intake reads from an event: each must be a string without control
     * characters, whatever the event, so none reaches a row, a title or a log line as sent.
     */
    private static final java.util.List<String> IDS = java.util.List.of("/event", "/data/recording/id", "/data/bot/id",
            "/data/sdk_upload/id", "/data/transcript/id", "/data/data/code", "/data/data/sub_code",
            "/data/sdk_upload/metadata/account_id", "/data/sdk_upload/metadata/project_id",
            "/data/sdk_upload/metadata/user_id", "/data/recording/metadata/account_id",
            "/data/recording/metadata/project_id", "/data/recording/metadata/user_id",
            "/data/bot/metadata/account_id", "/data/bot/metadata/project_id", "/data/bot/metadata/user_id");

    private final Secret webhookSecret;
    private final Duration tolerance;
    private final Clock clock;
    private final ObjectMapper json;
    private final InterviewStore interviews;
    private final WorkspaceStore workspace;
    private final RunStarter runs;
    private final WorkflowEngine engine;

    RecallWebhook(RecallConfig config, Secrets secrets, Clock clock, ObjectMapper json, InterviewStore interviews,
                  WorkspaceStore workspace, RunStarter runs, WorkflowEngine engine) {
        this.engine = engine;
        this.webhookSecret = secrets.of(SecretField.RECALL_WEBHOOK_SECRET);
        this.tolerance = config.signatureTolerance();
        this.clock = clock;
        this.json = json;
        this.interviews = interviews;
        this.workspace = workspace;
        this.runs = runs;
    }

    /** What a Recall event says, once read. */
    record RecallEvent(String type, String recordingId, String botId, UUID accountId, UUID projectId, UUID userId,
                       String failureCode) {
    }

    public EntryOutcome receive(Map<String, String> lowerCaseHeaders, byte[] body) {
        verify(lowerCaseHeaders, body);
        JsonNode event = parse(body);
        IDS.forEach(pointer -> Fields.text(pointer.substring(1).replace('/', '.'), event.at(pointer)));
        String type = Optional.ofNullable(Fields.text("event", event.path("event"))).orElse("");
        return switch (type) {
            case "sdk_upload.complete" -> start(read(type, event, event.at("/data/sdk_upload/metadata"), true));
            case "recording.done" -> start(read(type, event, metadata(event, "recording", "bot"), true));
            case "bot.done" -> start(read(type, event, metadata(event, "bot", "recording"), false));
            case "sdk_upload.failed" -> fail(read(type, event, event.at("/data/sdk_upload/metadata"), true));
            case "transcript.done", "transcript.failed" -> transcriptSettled(type, event);
            default -> {
                LOG.infof("recall-webhook: %s acknowledged without action", type.isEmpty() ? "an event without a type" : Printable.of(type));
                yield new EntryOutcome.Ignored("event '" + type + "' needs no action");
            }
        };
    }

    /**
     * The signature checked with the secret as it is now. A delivery signed with a secret rotated since it
     * was read is checked once more with the secret read again, so a rotation takes effect at once.
     */
    private void verify(Map<String, String> lowerCaseHeaders, byte[] body) {
        String secret = current();
        try {
            new SvixSignature(secret, tolerance, clock).verify(lowerCaseHeaders, body);
        } catch (SvixSignature.Mismatch mismatch) {
            if (!webhookSecret.refused(secret)) {
                throw mismatch;
            }
            String renewed = current();
            if (renewed.equals(secret)) {
                throw mismatch;
            }
            new SvixSignature(renewed, tolerance, clock).verify(lowerCaseHeaders, body);
            LOG.info("recall-webhook: a delivery verified with the webhook secret read again (it was rotated)");
        }
    }

    private String current() {
        return webhookSecret.current().orElseThrow(() -> new IllegalStateException(
                SecretField.RECALL_WEBHOOK_SECRET.whereToSet() + " is not configured; no webhook can be verified"));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode event = json.readTree(body);
            if (event == null || !event.isObject()) {
                throw RequestRejected.malformed("the webhook body is not a JSON object");
            }
            Optional<String> nul = NulCharacters.findIn(event);
            if (nul.isPresent()) {
                throw RequestRejected.malformed(NulCharacters.refusal("the webhook body at " + nul.get()));
            }
            return event;
        } catch (IOException e) {
            throw RequestRejected.malformed("the webhook body is not JSON");
        }
    }

    private static JsonNode metadata(JsonNode event, String first, String second) {
        JsonNode metadata = event.path("data").path(first).path("metadata");
        return metadata.has("account_id") ? metadata : event.path("data").path(second).path("metadata");
    }

    private RecallEvent read(String type, JsonNode event, JsonNode metadata, boolean needsRecording) {
        String recordingId = text(event.at("/data/recording/id"));
        String botId = text(event.at("/data/bot/id"));
        if (needsRecording && recordingId == null) {
            throw RequestRejected.malformed(type + " has no data.recording.id");
        }
        if (recordingId == null && botId == null) {
            throw RequestRejected.malformed(type + " has neither data.recording.id nor data.bot.id");
        }
        UUID accountId = uuid(metadata.path("account_id"), "account_id", type);
        UUID projectId = uuid(metadata.path("project_id"), "project_id", type);
        UUID userId = metadata.hasNonNull("user_id") ? uuid(metadata.path("user_id"), "user_id", type) : null;
        if (!workspace.projectInAccount(projectId, accountId)) {
            throw RequestRejected.notFound("no project " + projectId + " in account " + accountId);
        }
        return new RecallEvent(type, recordingId, botId, accountId, projectId, userId,
                text(event.at("/data/data/sub_code")));
    }

    private EntryOutcome start(RecallEvent event) {
        Optional<Interview> seen = interviews.findByRecall(event.recordingId(), event.botId());
        if (seen.isPresent()) {
            return seen.get().awaitsStart() ? startAgain(seen.get()) : existing(event, seen.get());
        }
        String runId = UUID.randomUUID().toString();
        Optional<UUID> created = interviews.insertStarted(newInterview(event), runId,
                "Recording received from Recall.ai; processing starts shortly");
        if (created.isEmpty()) {
            // A concurrent delivery inserted it between the look-up and the insert.
            return existing(event, interviews.findByRecall(event.recordingId(), event.botId()).orElseThrow());
        }
        LOG.infof("recall-webhook: %s of recording %s created interview %s; starting run %s", event.type(),
                Printable.of(event.recordingId() == null ? "bot " + event.botId() : event.recordingId()), created.get(), runId);
        return runs.start(created.get(), runId) instanceof RunStart.Deferred deferred
                ? new EntryOutcome.Deferred(created.get(), deferred.reason())
                : new EntryOutcome.Created(created.get());
    }

    /** Svix redelivers because the first start failed: start the recorded run again. */
    private EntryOutcome startAgain(Interview interview) {
        String runId = interview.runId().orElseThrow();
        LOG.infof("recall-webhook: interview %s redelivered while run %s awaits its start; starting it again",
                interview.id(), runId);
        return runs.start(interview.id(), runId) instanceof RunStart.Deferred deferred
                ? new EntryOutcome.Deferred(interview.id(), deferred.reason())
                : new EntryOutcome.Existing(interview.id(), interview.status().dbValue());
    }

    /**
     * A transcript Intake asked Recall for is made (or failed): the run waiting on it checks now rather
     * than at its next scheduled check. Nothing is written here; the upload step reads the transcript
     * under its lease. Transcripts no interview waits on (another app's, an old one) are acknowledged.
     */
    private EntryOutcome transcriptSettled(String type, JsonNode event) {
        String recordingId = text(event.at("/data/recording/id"));
        String transcriptId = text(event.at("/data/transcript/id"));
        if (recordingId == null || transcriptId == null) {
            throw RequestRejected.malformed(type + " has no data.recording.id or data.transcript.id");
        }
        Optional<Interview> waiting = interviews.findByRecall(recordingId, null)
                .filter(i -> i.status().isInFlight() && i.currentStep().filter(Step.UPLOAD.key()::equals).isPresent())
                .filter(i -> TranscriptionJob.of(i.run()).filter(job -> job.id().equals(transcriptId)).isPresent());
        if (waiting.isEmpty()) {
            LOG.infof("recall-webhook: %s for transcript %s of recording %s, which no interview waits on; no action",
                    Printable.of(type), Printable.of(transcriptId), Printable.of(recordingId));
            return new EntryOutcome.Ignored("no interview waits on transcript " + transcriptId);
        }
        Interview interview = waiting.get();
        LOG.infof("recall-webhook: %s for transcript %s; interview %s checks it now", Printable.of(type), Printable.of(transcriptId), interview.id());
        interview.runId().ifPresent(runId -> engine.wake(interview.id(), runId));
        return new EntryOutcome.Existing(interview.id(), interview.status().dbValue());
    }

    private EntryOutcome fail(RecallEvent event) {
        StepError error = new StepError(Step.UPLOAD.key(), "the Recall.ai desktop upload failed ("
                + Optional.ofNullable(event.failureCode()).orElse("no reason given") + ")", ErrorKind.PERMANENT, 1);
        Optional<UUID> created = interviews.insertFailed(newInterview(event), error);
        if (created.isPresent()) {
            LOG.warnf("recall-webhook: recording %s failed to upload (%s); interview %s recorded in error",
                    Printable.of(event.recordingId()), Printable.of(event.failureCode()), created.get());
            return new EntryOutcome.CreatedFailed(created.get(), error.message());
        }
        Interview interview = interviews.findByRecall(event.recordingId(), event.botId()).orElseThrow();
        // Only an interview still waiting for its media fails; one already received (a late or
        // out-of-order event) is left as it is.
        interviews.recordFailureIfStill(interview.id(), java.util.EnumSet.of(InterviewStatus.DRAFT,
                InterviewStatus.SCHEDULED, InterviewStatus.UPLOADING), error);
        return new EntryOutcome.Existing(interview.id(), interviews.find(interview.id()).orElseThrow().status().dbValue());
    }

    private static EntryOutcome existing(RecallEvent event, Interview interview) {
        LOG.infof("recall-webhook: %s for interview %s seen before; nothing changed", event.type(), interview.id());
        return new EntryOutcome.Existing(interview.id(), interview.status().dbValue());
    }

    private static InterviewStore.NewInterview newInterview(RecallEvent event) {
        String title = "Recall.ai recording " + (event.recordingId() != null ? event.recordingId() : "of bot " + event.botId());
        return new InterviewStore.NewInterview(UUID.randomUUID(), event.accountId(), event.projectId(), title,
                Interview.Source.recall(event.recordingId(), event.botId()), event.userId(), null);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static UUID uuid(JsonNode node, String field, String type) {
        String value = text(node);
        if (value == null) {
            throw RequestRejected.malformed(type + " metadata has no " + field);
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.malformed(type + " metadata " + field + " '" + value + "' is not a UUID");
        }
    }
}
