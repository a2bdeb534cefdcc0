package dev.intake.cli;

import java.time.Duration;
import java.util.Optional;

import dev.intake.engine.Engines;
import picocli.CommandLine.Option;

/**
 * {@code --engine} and {@code --wait}, for the commands that start runs ({@code repair}, {@code sweep}). On local data
 * the configured engine (in-process by default) runs them. On a configured database they go to the
 * deployed state machine: running the steps in this short-lived process, with whatever providers it
 * happens to be configured with, happens only when asked for with {@code --engine local}.
 */
public class EngineChoice {

    @Option(names = "--engine", paramLabel = "local|aws",
            description = "where the runs go: aws (executions of the deployed state machine; the default on a configured"
                    + " database) or local (in this process; the default on local data)")
    String engine;

    /** The runs this process runs end with it, so the command waits for them, this long at most. */
    @Option(names = "--wait", defaultValue = "PT5M",
            description = "when the runs go to this process: how long to wait for them to end (e.g. 90s, 10m; default 5 minutes)")
    Duration wait;

    /** The engine kind to use, or why the command must not run. */
    sealed interface Decision {
        record Use(String kind) implements Decision {
        }

        record Refuse(String reason) implements Decision {
        }
    }

    Decision decide(String command, CommandTarget target, String configuredKind, Engines engines) {
        String kind = engine != null ? engine : target.localMode() ? configuredKind : Engines.AWS;
        Optional<String> unusable = engines.unusable(kind);
        if (unusable.isEmpty()) {
            return new Decision.Use(kind);
        }
        if (engine == null && !target.localMode()) {
            return new Decision.Refuse("this is a configured database, not local data, so " + command + " starts"
                    + " executions of the deployed state machine rather than run steps in this process, and "
                    + unusable.get() + "; or pass --engine local to run them here");
        }
        return new Decision.Refuse(unusable.get());
    }
}
