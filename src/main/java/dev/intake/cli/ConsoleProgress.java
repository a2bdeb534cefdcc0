package dev.intake.cli;

import java.io.PrintWriter;
import java.util.UUID;

import dev.intake.steps.StepEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Shows each step of one interview while a command watches it: on a terminal, one progress bar redrawn
 * in place (step, percent, time so far); elsewhere (a pipe, a file, CI), a plain line per step.
 */
@ApplicationScoped
public class ConsoleProgress {

    private record Watch(UUID interviewId, PrintWriter out, boolean terminal, long startedNanos) {
    }

    private volatile Watch watch;

    void watch(UUID interviewId, PrintWriter out) {
        watch(interviewId, out, System.console() != null);
    }

    void watch(UUID interviewId, PrintWriter out, boolean terminal) {
        watch = new Watch(interviewId, out, terminal, System.nanoTime());
    }

    void stop() {
        Watch current = watch;
        watch = null;
        if (current != null && current.terminal()) {
            current.out().println();
            current.out().flush();
        }
    }

    void onStep(@Observes StepEvent event) {
        Watch current = watch;
        if (current == null || !current.interviewId().equals(event.interviewId())) {
            return;
        }
        if (current.terminal()) {
            int percent = event.phase() == StepEvent.Phase.COMPLETED ? event.step().endProgress() : event.step().startProgress();
            String bar = ProgressBar.render(event.step().key(), percent,
                    java.time.Duration.ofNanos(System.nanoTime() - current.startedNanos()));
            String failure = event.phase() == StepEvent.Phase.FAILED ? "  FAILED: " + event.message() : "";
            current.out().print("\r" + bar + failure + (failure.isEmpty() ? "" : System.lineSeparator()));
            current.out().flush();
            return;
        }
        String line = switch (event.phase()) {
            case STARTED -> String.format("  %-14s %3d%%  %s ...", event.step().key(), event.step().startProgress(),
                    event.message());
            case COMPLETED -> String.format("  %-14s %3d%%  done in %d ms", event.step().key(),
                    event.step().endProgress(), event.took().toMillis());
            case WAITING -> String.format("  %-14s %3d%%  %s", event.step().key(), event.step().startProgress(),
                    event.message());
            case FAILED -> String.format("  %-14s FAILED after %d ms: %s", event.step().key(),
                    event.took().toMillis(), event.message());
        };
        current.out().println(line);
        current.out().flush();
    }
}
