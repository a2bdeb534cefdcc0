package dev.intake.cli;

import java.time.Duration;

import dev.intake.engine.Engines;
import dev.intake.store.Interview;
import dev.intake.workflow.Durations;

/**
 * What {@code process} says when its wait runs out before the interview is ready or failed: where the
 * interview is, what becomes of its run, and the command that finishes it. With the local engine the
 * run stops with the command (its steps ran in this process), so the command given is the repair that
 * continues it from the step it was at; with the state machine the run goes on, and diagnose follows it.
 */
record WaitRanOut(Interview interview, Duration waited, String engineKind, String repairOption) {

    /** The exit code of a command that gave up waiting: neither ready (0) nor failed (1) nor refused (2). */
    static final int EXIT_CODE = 3;

    String line() {
        String id = interview.id().toString();
        String where = String.format("gave up waiting after %s: interview %s is still %s at %s (%d %%)",
                Durations.readable(waited), id, interview.status().dbValue(), interview.currentStep().orElse("its start"),
                interview.progressPercent());
        if (Engines.LOCAL.equals(engineKind)) {
            return where + "; its run stopped with this command, and `./intake repair " + id + repairOption
                    + "` continues it from there (or run process again with a longer --timeout)";
        }
        return where + "; its run goes on in the state machine: `./intake diagnose " + id + "` follows it";
    }
}
