package dev.intake.cli;

import java.time.Duration;

/** One line a terminal redraws in place: a bar, the percent, the step and the time so far. */
final class ProgressBar {

    static final int WIDTH = 30;

    private ProgressBar() {
    }

    static String render(String step, int percent, Duration elapsed) {
        int clamped = Math.max(0, Math.min(100, percent));
        int filled = clamped * WIDTH / 100;
        return String.format("[%s%s] %3d%%  %-14s %5.1f s", "#".repeat(filled), "-".repeat(WIDTH - filled), clamped, step,
                elapsed.toMillis() / 1000.0);
    }
}
