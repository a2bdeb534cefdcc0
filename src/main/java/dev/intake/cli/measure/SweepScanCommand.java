package dev.intake.cli.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.intake.steps.SweeperConfig;
import dev.intake.store.SweepStore;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Times the sweeper's stalled scan on the database as it is, changing nothing: each run locks the
 * longest-stalled interview in a transaction, decides to leave it, and commits nothing. Prints the
 * plan and the median.
 */
@Command(name = "sweep-scan", mixinStandardHelpOptions = true,
        description = "Times the sweeper's scan for stalled interviews on the configured database (changes nothing):"
                + " its query plan and the median of N runs.")
public class SweepScanCommand implements Callable<Integer> {

    int runs;

    // Checked as the command line is read, so a wrong value is refused before any server starts.
    @Option(names = "--runs", defaultValue = "50", description = "how many timed runs (default ${DEFAULT-VALUE})")
    void runs(int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, not " + value);
        }
        runs = value;
    }

    @Spec
    CommandSpec spec;

    @Inject
    SweepStore sweeps;
    @Inject
    SweeperConfig config;

    @Override
    public Integer call() {
        Duration stalledAfter = config.stalledAfter();
        var out = spec.commandLine().getOut();
        sweeps.explainStalledScan(stalledAfter, 1).forEach(line -> out.println("plan: " + line));
        List<Double> millis = new ArrayList<>();
        boolean found = false;
        for (int i = 0; i < runs + 3; i++) {
            long started = System.nanoTime();
            found = sweeps.sweepOneStalled(stalledAfter, Set.of(), stalled -> new SweepStore.Action.Leave(stalled.interview().id()))
                    .isPresent();
            if (i >= 3) {
                millis.add((System.nanoTime() - started) / 1e6);
            }
        }
        Collections.sort(millis);
        out.printf(Locale.ROOT, "sweep_scan_runs=%d found_stalled=%b median_ms=%.3f p95_ms=%.3f%n", runs, found,
                millis.get(millis.size() / 2), millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.95) - 1)));
        return 0;
    }
}
