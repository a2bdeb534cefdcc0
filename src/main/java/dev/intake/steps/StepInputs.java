package dev.intake.steps;

import dev.intake.interview.Transcript;
import dev.intake.store.TranscriptStore;
import dev.intake.workflow.StepFailure;

/** Inputs that several steps need, with the error a user sees when one is missing. */
final class StepInputs {

    private StepInputs() {
    }

    static Transcript transcript(TranscriptStore transcripts, StepContext context) {
        return transcripts.load(context.interview().id()).orElseThrow(() -> StepFailure.permanent(
                "the interview has no transcript; run it again from the upload step"));
    }
}
