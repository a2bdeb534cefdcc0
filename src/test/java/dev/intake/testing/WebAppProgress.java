package dev.intake.testing;

import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * What the Insights web app shows for an interview row: the selection logic of its progress hook,
 * {@code app/hooks/useInterviewProgress.ts} (shared/contracts/insights), line for line, without the
 * Trigger.dev realtime branch (Intake has no Trigger.dev run) and with the synthetic progress of the
 * status fallback reported as its starting value.
 */
public record WebAppProgress(String status, int progress, String label, boolean isComplete, boolean hasError,
                             String currentStep) {

    private static final Map<String, String> STEP_LABELS = Map.of(
            "upload", "Uploading and transcribing...",
            "evidence", "Extracting evidence...",
            "insights", "Generating insights...",
            "personas", "Assigning personas...",
            "answers", "Attributing to questions...",
            "finalize", "Finalizing analysis...",
            "complete", "Analysis complete!");

    /**
     * {@code processingMetadata} and {@code conversationAnalysis} as the row holds them (null for SQL
     * NULL): the hook reads {@code processing_metadata ?? conversation_analysis}.
     */
    public static WebAppProgress of(String status, JsonObject processingMetadata, JsonObject conversationAnalysis) {
        JsonObject metadata = processingMetadata != null ? processingMetadata : conversationAnalysis;
        if ("ready".equals(status)) {
            return new WebAppProgress("ready", 100, "Analysis complete!", true, false, null);
        }
        if ("error".equals(status)) {
            String error = metadata == null ? null : metadata.getString("error");
            return new WebAppProgress("error", 0, error == null || error.isEmpty() ? "Processing failed" : error,
                    false, true, null);
        }
        if (metadata != null && metadata.getString("current_step") != null && !metadata.getString("current_step").isEmpty()) {
            String step = metadata.getString("current_step");
            Number progress = metadata.getNumber("progress");
            String detail = metadata.getString("status_detail");
            String label = detail != null && !detail.isEmpty() ? detail : STEP_LABELS.getOrDefault(step, "Processing...");
            return new WebAppProgress(status, progress == null ? 0 : Math.round(progress.floatValue()), label,
                    "complete".equals(step), metadata.getValue("failed_at") != null, step);
        }
        return switch (status) {
            case "uploading" -> new WebAppProgress(status, 5, "Uploading file...", false, false, null);
            case "uploaded" -> new WebAppProgress(status, 25, "Upload complete, starting transcription...", false, false, null);
            case "transcribing" -> new WebAppProgress(status, 35, "Transcribing audio...", false, false, null);
            case "transcribed" -> new WebAppProgress(status, 65, "Transcription complete...", false, false, null);
            case "processing" -> new WebAppProgress(status, 75, "Analyzing content...", false, false, null);
            default -> new WebAppProgress(status, 5, "Initializing...", false, false, null);
        };
    }
}
