package dev.intake.providers.transcription;

import java.util.Locale;
import java.util.Optional;

/**
 * The transcript formats Intake reads directly, recognised by file extension: a {@code .json} file is a
 * Recall.ai transcript (what Recall's transcript API returns, saved).
 */
public enum TranscriptFormat {
    WEBVTT("vtt"), SRT("srt"), PLAIN_TEXT("txt"), RECALL_JSON("json");

    private final String extension;

    TranscriptFormat(String extension) {
        this.extension = extension;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TranscriptFormat> forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (TranscriptFormat format : values()) {
            if (lower.endsWith("." + format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
