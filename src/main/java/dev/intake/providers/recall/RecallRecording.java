package dev.intake.providers.recall;

import java.util.Optional;

/** What the upload step needs of a Recall.ai recording: where to download its media and transcript. */
public record RecallRecording(String id, Optional<String> videoUrl, String videoFormat, Optional<String> transcriptUrl) {
}
