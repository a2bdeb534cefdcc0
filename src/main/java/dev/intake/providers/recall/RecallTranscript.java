package dev.intake.providers.recall;

import java.util.Optional;

/**
 * A transcript Recall.ai makes of a recording: its status ({@code processing}, {@code done},
 * {@code failed}, {@code deleted}), the reason when it failed, and where to download it once done.
 */
public record RecallTranscript(String id, String code, Optional<String> subCode, Optional<String> downloadUrl) {
}
