package dev.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.intake.testing.InsightsDatabase;

/**
 * The change to Insights' web upload the README's cutover asks for (docs/insights-onboarding-start.patch)
 * applies to Insights' file as it is, and leaves interviews for Intake instead of starting the old pipeline.
 */
class InsightsOnboardingPatchTest {

    private static final Path PATCH = Path.of("docs/insights-onboarding-start.patch").toAbsolutePath();
    private static final String FILE = "app/routes/api.onboarding-start.tsx";
    private static final String ORCHESTRATOR = "tasks.trigger(\"interview.v2.orchestrator\"";

    @Test
    void the_patch_applies_to_insights_onboarding_start_as_it_is() throws Exception {
        Result dryRun = patch(InsightsDatabase.contractsDir(), "--dry-run");
        assertEquals(0, dryRun.exit(), dryRun.output());
        assertFalse(dryRun.output().toLowerCase().contains("hunk"), "every hunk applies where it was made: " + dryRun.output());
    }

    @Test
    void the_patched_upload_leaves_interviews_and_text_uploaded_for_intake_and_starts_the_old_pipeline_only_for_voice_memos(
            @TempDir Path copy) throws Exception {
        Path original = InsightsDatabase.contractsDir().resolve(FILE);
        Files.createDirectories(copy.resolve(FILE).getParent());
        Files.copy(original, copy.resolve(FILE));

        Result applied = patch(copy);

        assertEquals(0, applied.exit(), applied.output());
        String before = Files.readString(original);
        String after = Files.readString(copy.resolve(FILE));
        assertEquals(3, count(before, ORCHESTRATOR), "text, voice memo and interview uploads start the old pipeline");
        assertEquals(1, count(after, ORCHESTRATOR), "only voice memos (transcription only) still do");
        assertTrue(after.contains("conversation_analysis: { custom_instructions: customInstructions }"),
                "the custom instructions Intake reads are written with the row, never after it");
        assertFalse(after.contains("trigger_run_id: handle.id"), "no trace of the old pipeline that would keep Intake away");
        assertEquals(2, count(after, "await notifyIntake("), "interview and text uploads tell Intake");
    }

    private record Result(int exit, String output) {
    }

    private static Result patch(Path dir, String... options) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(java.util.List.of("patch", "-p1", "-d", dir.toString(), "-i", PATCH.toString()));
        command.addAll(java.util.List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "patch did not finish");
        return new Result(process.exitValue(), output);
    }

    private static int count(String text, String literal) {
        Matcher matcher = Pattern.compile(Pattern.quote(literal)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
