package dev.intake.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.RunPlan;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

/** An interviews row as the pipeline reads it. {@code analysis} is {@code conversation_analysis}. */
public record Interview(UUID id, UUID accountId, UUID projectId, String title, InterviewStatus status,
                        Source source, String mediaKey, JsonObject analysis,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** Where the interview's media comes from: an upload to the bucket, a URL, or a Recall.ai recording. */
    public record Source(String type, String mediaUrl, String recallRecordingId, String recallBotId) {
        public static final String UPLOAD = "upload";
        public static final String URL = "url";
        public static final String RECALL = "recall";

        public static Source upload() {
            return new Source(UPLOAD, null, null, null);
        }

        public static Source url(String url) {
            return new Source(URL, url, null, null);
        }

        public static Source recall(String recordingId, String botId) {
            return new Source(RECALL, null, recordingId, botId);
        }
    }

    static final String COLUMNS = "id, account_id, project_id, title, status::text AS status, source_type, media_url, "
            + "recall_recording_id, recall_bot_id, media_key, conversation_analysis, created_at, updated_at";

    static Interview from(Row row) {
        Object analysis = row.getValue("conversation_analysis");
        return new Interview(row.getUUID("id"), row.getUUID("account_id"), row.getUUID("project_id"),
                row.getString("title"), InterviewStatus.fromDb(row.getString("status")),
                new Source(row.getString("source_type"), row.getString("media_url"),
                        row.getString("recall_recording_id"), row.getString("recall_bot_id")),
                row.getString("media_key"),
                analysis instanceof JsonObject json ? json : new JsonObject(),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }

    public Optional<String> currentStep() {
        return Optional.ofNullable(analysis.getString("current_step"));
    }

    public int progress() {
        Number progress = analysis.getNumber("progress");
        return progress == null ? 0 : progress.intValue();
    }

    public List<String> completedSteps() {
        Object steps = analysis.getValue("completed_steps");
        return steps instanceof JsonArray array ? array.stream().map(String::valueOf).toList() : List.of();
    }

    /** The plan of the interview's current run, as START_RUN recorded it in workflow_state. */
    public RunPlan runPlan() {
        if (analysis.getValue("workflow_state") instanceof JsonObject state) {
            List<String> skip = state.getValue("skip_steps") instanceof JsonArray array
                    ? array.stream().map(String::valueOf).toList()
                    : List.of();
            return RunPlan.of(state.getString("resume_from"), skip);
        }
        return RunPlan.full();
    }

    public Optional<String> runId() {
        return Optional.ofNullable(analysis.getString("run_id"));
    }

    public Optional<JsonObject> lastError() {
        return Optional.ofNullable(analysis.getJsonObject("last_error"));
    }

    public Optional<String> statusDetail() {
        return Optional.ofNullable(analysis.getString("status_detail"));
    }

    public Optional<String> customInstructions() {
        return Optional.ofNullable(analysis.getString("custom_instructions"));
    }
}
