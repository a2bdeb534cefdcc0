package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.steps.StepEvent;
import dev.intake.workflow.Step;

/** Progress as a terminal shows it (one bar redrawn) and as a pipe or a log gets it (a line per step). */
class ConsoleProgressTest {

    private final UUID interview = UUID.randomUUID();

    private String shown(boolean terminal) {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress();
        progress.watch(interview, new PrintWriter(text), terminal);
        progress.onStep(new StepEvent(interview, Step.UPLOAD, StepEvent.Phase.STARTED, Duration.ZERO, "Fetching the media"));
        progress.onStep(new StepEvent(interview, Step.UPLOAD, StepEvent.Phase.COMPLETED, Duration.ofMillis(72), null));
        progress.onStep(new StepEvent(UUID.randomUUID(), Step.EVIDENCE, StepEvent.Phase.STARTED, Duration.ZERO, "another interview"));
        progress.stop();
        return text.toString();
    }

    @Test
    void a_terminal_gets_one_bar_redrawn_in_place() {
        String terminal = shown(true);

        assertEquals(2, terminal.chars().filter(c -> c == '\r').count(), terminal);
        assertEquals(1, terminal.chars().filter(c -> c == '\n').count(), "one line, redrawn, ended when done: " + terminal);
        assertTrue(terminal.contains("]  30%  upload"), terminal);
        assertTrue(!terminal.contains("another interview"), "only the watched interview");
    }

    @Test
    void a_pipe_gets_a_plain_line_per_step() {
        String piped = shown(false);

        assertEquals(-1, piped.indexOf('\r'), piped);
        assertEquals(2, piped.lines().count(), piped);
        assertTrue(piped.lines().toList().get(1).matches("\\s+upload\\s+30%\\s+done in 72 ms"), piped);
    }

    @Test
    void the_bar_fills_with_the_percent() {
        assertEquals("[###############---------------]  50%  insights         3.2 s",
                ProgressBar.render("insights", 50, Duration.ofMillis(3_200)));
        assertTrue(ProgressBar.render("finalize", 100, Duration.ZERO).startsWith("[" + "#".repeat(ProgressBar.WIDTH) + "] 100%"));
    }
}
