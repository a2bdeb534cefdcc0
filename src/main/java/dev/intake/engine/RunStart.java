package dev.intake.engine;

/** What became of handing a recorded run to the engine. */
public sealed interface RunStart {

    /** The engine has the run (or already had it: a start of a run that exists is a success). */
    record Started(String runId) implements RunStart {
    }

    /**
     * The engine did not take the run (throttled, unreachable, or an answer that never came). The
     * interview stays in flight with the reason recorded; a redelivered event or the sweeper starts it.
     */
    record Deferred(String runId, String reason) implements RunStart {
    }
}
