package dev.intake.providers.analysis;

import java.util.Optional;

/** What an analyzer knows besides the transcript: the team's instructions for this interview. */
public record AnalysisContext(Optional<String> customInstructions) {
    public static AnalysisContext none() {
        return new AnalysisContext(Optional.empty());
    }
}
