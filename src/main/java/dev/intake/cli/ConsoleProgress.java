package dev.intake.cli;

import java.io.PrintWriter;
import java.util.UUID;

import dev.intake.steps.StepEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Prints each step of one interview as it starts and ends, while a command watches it. */
@ApplicationScoped
public class ConsoleProgress {

    private record Watch(UUID interviewId, PrintWriter out) {
    }

    private volatile Watch watch;

    void watch(UUID interviewId, PrintWriter out) {
        watch = new Watch(interviewId, out);
    }

    void stop() {
        watch = null;
    }

    void onStep(@Observes StepEvent event) {
        Watch current = watch;
        if (current == null || !current.interviewId().equals(event.interviewId())) {
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
