package dev.intake.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.RunPlan;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

/**
 * An Insights interviews row as the pipeline reads it. {@code analysis} is
 * {@code conversation_analysis}: the progress keys Insights' pipeline kept there, and Intake's own run
 * state under {@code intake} (its presence is what makes an interview Intake's). {@code progress} is
 * {@code processing_metadata}, which the web app reads first. {@code mediaKey} is {@code media_url},
 * which for an upload holds the object key, as in Insights.
 */
public record Interview(UUID id, UUID accountId, UUID projectId, String title, InterviewStatus status,
                        Source source, String mediaKey, JsonObject analysis, JsonObject progress,
                        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The key of conversation_analysis that holds Intake's run state. */
    public static final String RUN_STATE_KEY = "intake";

    /** Where the media comes from, told apart by the columns Insights has for each. */
    public enum Origin { UPLOAD, URL, RECALL }

    /**
     * {@code type} is Insights' source_type vocabulary (audio_upload, video_upload, transcript_import,
     * recall, as Insights' own Recall webhook writes it); {@code sourceUrl} the URL a file was imported from.
     */
    public record Source(String type, String sourceUrl, String recallRecordingId, String recallBotId) {
        public static final String RECALL = "recall";

        private static final Set<String> TRANSCRIPTS = Set.of("vtt", "srt", "txt", "json");
        private static final Set<String> VIDEO = Set.of("mp4", "mov", "webm", "mkv", "avi", "m4v");

        /** A file uploaded to the bucket, typed by its name as Insights types uploads. */
        public static Source upload(String fileName) {
            return new Source(typeOf(fileName), null, null, null);
        }

        public static Source url(String url, String fileName) {
            return new Source(typeOf(fileName), url, null, null);
        }

        public static Source recall(String recordingId, String botId) {
            return new Source(RECALL, null, recordingId, botId);
        }

        public Origin origin() {
            if (recallRecordingId != null || recallBotId != null) {
                return Origin.RECALL;
            }
            return sourceUrl != null ? Origin.URL : Origin.UPLOAD;
        }

        static String typeOf(String fileName) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
            if (TRANSCRIPTS.contains(extension)) {
                return "transcript_import";
            }
            return VIDEO.contains(extension) ? "video_upload" : "audio_upload";
        }
    }

    static final String COLUMNS = "id, account_id, project_id, title, status::text AS status, source_type, source_url, "
            + "recall_recording_id, conversation_analysis->'intake'->>'recall_bot_id' AS recall_bot_id, media_url, "
            + "conversation_analysis, processing_metadata, "
            + "created_at, updated_at";

    static Interview from(Row row) {
        return new Interview(row.getUUID("id"), row.getUUID("account_id"), row.getUUID("project_id"),
                row.getString("title"), InterviewStatus.fromDb(row.getString("status")),
                new Source(row.getString("source_type"), row.getString("source_url"),
                        row.getString("recall_recording_id"), row.getString("recall_bot_id")),
                row.getString("media_url"),
                object(row.getValue("conversation_analysis")), object(row.getValue("processing_metadata")),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }

    /** Older Insights rows hold NULL (or anything) here; the pipeline reads them as empty. */
    private static JsonObject object(Object value) {
        return value instanceof JsonObject json ? json : new JsonObject();
    }

    /** Intake's run state: run id, lease, attempts, the run plan, the structured last error. */
    public JsonObject run() {
        return analysis.getValue(RUN_STATE_KEY) instanceof JsonObject state ? state : new JsonObject();
    }

    /** Whether Intake has taken this interview (started a run of it, or created it). */
    public boolean ownedByIntake() {
        return analysis.getValue(RUN_STATE_KEY) instanceof JsonObject;
    }

    public Optional<String> currentStep() {
        return Optional.ofNullable(analysis.getString("current_step"));
    }

    public int progressPercent() {
        Number progress = analysis.getNumber("progress");
        return progress == null ? 0 : progress.intValue();
    }

    public List<String> completedSteps() {
        Object steps = analysis.getValue("completed_steps");
        return steps instanceof JsonArray array ? array.stream().map(String::valueOf).toList() : List.of();
    }

    /** The plan of the interview's current run, as START_RUN recorded it. */
    public RunPlan runPlan() {
        JsonObject run = run();
        if (run.getString("resume_from") == null) {
            return RunPlan.full();
        }
        List<String> skip = run.getValue("skip_steps") instanceof JsonArray array
                ? array.stream().map(String::valueOf).toList()
                : List.of();
        return RunPlan.of(run.getString("resume_from"), skip);
    }

    public Optional<String> runId() {
        return Optional.ofNullable(run().getString("run_id"));
    }

    /** Whether the current run was recorded but the engine has not taken it yet (its start failed). */
    public boolean awaitsStart() {
        return run().containsKey("start_failed_at") && status.isInFlight();
    }

    public int resumeCount() {
        return run().getInteger("resume_count", 0);
    }

    /** The structured error Intake recorded: {step, message, kind, attempts, at}. */
    public Optional<JsonObject> lastError() {
        return Optional.ofNullable(run().getJsonObject("error"));
    }

    /** The detail the web app shows: processing_metadata's, else conversation_analysis's (as its hook reads). */
    public Optional<String> statusDetail() {
        String detail = progress.getString("status_detail");
        return Optional.ofNullable(detail != null ? detail : analysis.getString("status_detail"));
    }

    public Optional<String> customInstructions() {
        return Optional.ofNullable(analysis.getString("custom_instructions"));
    }
}
