package dev.intake.console;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.intake.engine.Engines;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.DiagnosticsStore;
import dev.intake.store.Interview;
import dev.intake.workflow.Durations;
import dev.intake.workflow.Step;
import io.vertx.core.json.JsonObject;

/**
 * An interview's state written for a person on call: where it is, what ran, and what to do next. Every
 * command it suggests runs as printed where it is read ({@link Here}).
 */
public record Diagnosis(Interview interview, DiagnosticsStore.Outputs outputs, String mediaState, Here here) {

    /** An error that names the step to run again from, as "run it again from the upload step" does. */
    private static final Pattern STEP_NAMED = Pattern.compile("again from the ([a-z-]+) step");

    /**
     * What the suggestions depend on where they are read: the sweeper's thresholds, and the {@code --engine}
     * option {@code intake repair} and {@code intake sweep} need to run with this configuration (empty when
     * they need none).
     */
    public record Here(Duration stalledAfter, Duration lostUploadAfter, String repairOption, String sweepOption) {

        /**
         * As the commands decide: on local data the configured engine runs them, on a configured database
         * the deployed state machine unless {@code --engine} says otherwise; {@code sweep} runs only with
         * the configured engine, the one the sweeper hands its runs to.
         */
        public static Here of(LocalModeConfig mode, SweeperConfig sweeper, Engines engines) {
            String configured = engines.configuredKind();
            String unasked = mode.localMode() ? configured : Engines.AWS;
            String repair = engines.unusable(unasked).isEmpty() ? "" : " --engine " + Engines.LOCAL;
            String sweep = unasked.equals(configured) && engines.unusable(configured).isEmpty() ? "" : " --engine " + configured;
            return new Here(sweeper.stalledAfter(), sweeper.lostUploadAfter(), repair, sweep);
        }
    }

    public void print(PrintWriter out) {
        Interview i = interview;
        JsonObject a = i.analysis();
        out.printf("Interview %s  \"%s\"%n", i.id(), i.title());
        out.printf("  account %s, project %s, source %s%n", i.accountId(), i.projectId(), i.source().type());
        out.printf("  status %s, step %s, progress %d%%%n", i.status().dbValue(), i.currentStep().orElse("-"), i.progressPercent());
        out.printf("  run %s, resumes %d, last sign of life %s ago%s%n", i.runId().orElse(
                        i.ownedByIntake() ? "-" : "none of Intake's (Insights' pipeline: " + a.getValue("trigger_run_id", "-") + ")"),
                i.resumeCount(), Durations.readableSeconds(outputs.silentSeconds()),
                outputs.leaseLive() ? ", a step holds a live lease until " + i.run().getString("lease_until") : "");
        i.statusDetail().ifPresent(detail -> out.printf("  detail: %s%n", detail));
        out.printf("  completed steps: %s%n", i.completedSteps().isEmpty() ? "none" : String.join(", ", i.completedSteps()));
        JsonObject timings = i.run().getJsonObject("step_timings");
        if (timings != null && !timings.isEmpty()) {
            out.println("  step durations:");
            // In the order the pipeline runs them; a name this version does not know goes last.
            timings.fieldNames().stream().sorted(Step.PIPELINE_ORDER)
                    .forEach(step -> out.printf("    %-14s %s s%n", step, timings.getJsonObject(step).getValue("seconds")));
        }
        i.lastError().ifPresent(e -> out.printf("  last error at %s (%s, attempt %s, %s): %s%n", e.getString("step"),
                e.getString("kind"), e.getValue("attempts"), e.getString("at"), e.getString("message")));
        if (i.lastError().isEmpty() && a.getValue("last_error") != null) {
            out.printf("  last error (written by Insights' pipeline): %s%n", a.getValue("last_error"));
        }
        analysis().ifPresent(mode -> out.printf("  analysis: %s%n", mode));
        out.printf("  media: %s%n", mediaState);
        out.printf("  outputs: %s%n", format(outputs.counts()));
        out.printf("Next: %s%n", next());
        out.flush();
    }

    /** What to do next, for a person on call. */
    public String next() {
        Interview i = interview;
        String step = i.currentStep().orElse("upload");
        return switch (i.status()) {
            case READY, TAGGED -> "nothing to do: the interview is " + i.status().dbValue() + ".";
            case ARCHIVED -> "nothing to do: the interview is archived.";
            case DRAFT, SCHEDULED -> "nothing to do until media is uploaded.";
            case UPLOADING -> !mediaState.startsWith("present")
                    ? "waiting for the upload; if it never comes the sweeper marks it failed."
                    : outputs.silentSeconds() >= here.lostUploadAfter().toSeconds()
                    ? "the object arrived but its event did not: `intake sweep" + here.sweepOption()
                    + "` completes it (the sweeper would too)."
                    : "the object arrived; if its event was lost, the sweeper completes the upload once it has been silent"
                    + " for " + Durations.readableSeconds(here.lostUploadAfter().toSeconds()) + ".";
            case ERROR -> "fix what the last error says, then `" + repair("--from " + restartStep()) + "`.";
            default -> outputs.leaseLive()
                    ? step + " is running; wait. If it stops, the sweeper resumes it once its lease expires."
                    : outputs.silentSeconds() >= here.stalledAfter().toSeconds()
                    ? "stalled in " + step + " for " + Durations.readableSeconds(outputs.silentSeconds()) + ": `"
                    + repair(i.currentStep().flatMap(Step::byKey).isPresent() ? "" : "--from upload") + "` resumes it from "
                    + i.currentStep().flatMap(Step::byKey).map(Step::key).orElse("upload")
                    + (i.ownedByIntake() ? " (the sweeper would too)." : " (the sweeper leaves what Intake has not taken).")
                    : "in progress at " + step + ".";
        };
    }

    /** The step a failed interview runs again from: the one its error names, else the one it failed at. */
    private String restartStep() {
        Optional<JsonObject> error = interview.lastError();
        Optional<String> named = error.map(e -> e.getString("message")).map(STEP_NAMED::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).filter(key -> Step.byKey(key).isPresent());
        return named.or(() -> error.map(e -> e.getString("step")).filter(key -> Step.byKey(key).isPresent()))
                .or(() -> interview.currentStep().filter(key -> Step.byKey(key).isPresent()))
                .orElse(Step.UPLOAD.key());
    }

    private String repair(String options) {
        return "intake repair " + interview.id() + (options.isEmpty() ? "" : " " + options) + here.repairOption();
    }

    private static String format(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((table, n) -> text.append(text.isEmpty() ? "" : ", ").append(table).append(' ').append(n));
        return text.toString();
    }

    /** How the interview was analyzed, as its evidence step recorded it: the mode and what ran or why not. */
    public java.util.Optional<String> analysis() {
        if (!(interview.analysis().getValue("analysis_mode") instanceof JsonObject mode)) {
            return java.util.Optional.empty();
        }
        String detail = mode.getString("detail");
        return java.util.Optional.of(mode.getString("mode") + (detail == null ? "" : " (" + detail + ")"));
    }
}
