package dev.intake.providers.transcription;

import dev.intake.workflow.StepFailure;

/** The default: no provider, so audio and video fail with a message that says what to configure. */
final class NoTranscription implements TranscriptionProvider {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public TranscriptionProgress start(MediaSource media) {
        throw StepFailure.permanent("'" + media.fileName() + "' is audio or video, and no transcription provider is"
                + " configured to turn it into a transcript (set intake.transcription.provider to assemblyai or"
                + " openai), or upload a transcript (.vtt, .srt, .txt, or Recall.ai's .json) instead");
    }
}
