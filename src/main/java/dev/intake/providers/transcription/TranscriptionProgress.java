package dev.intake.providers.transcription;

import dev.intake.interview.Transcript;
import java.time.Duration;

/** Where a transcription stands: done, still being made by the provider, or given up by it. */
public sealed interface TranscriptionProgress {

    record Done(Transcript transcript) implements TranscriptionProgress {
    }

    /**
     * The provider is still at work on job {@code jobId} ({@code state} in its words, for the status
     * detail); look again after {@code checkAgainIn}.
     */
    record Running(String jobId, String state, Duration checkAgainIn) implements TranscriptionProgress {
        public Running {
            if (jobId == null || jobId.isBlank()) {
                throw new IllegalArgumentException("a running transcription has a job id to check");
            }
        }
    }

    /** The provider gave up on the job ({@code reason}, its own words); a new job might succeed. */
    record Failed(String reason) implements TranscriptionProgress {
    }
}
