package dev.intake.console;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

import dev.intake.store.DiagnosticsStore;
import dev.intake.store.Interview;
import dev.intake.workflow.Durations;
import io.vertx.core.json.JsonObject;

/** An interview's state written for a person on call: where it is, what ran, and what to do next. */
public record Diagnosis(Interview interview, DiagnosticsStore.Outputs outputs, String mediaState, Duration stalledAfter) {

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
            timings.fieldNames().stream().sorted(dev.intake.workflow.Step.PIPELINE_ORDER)
                    .forEach(step -> out.printf("    %-14s %s s%n", step, timings.getJsonObject(step).getValue("seconds")));
        }
        i.lastError().ifPresent(e -> out.printf("  last error at %s (%s, attempt %s, %s): %s%n", e.getString("step"),
                e.getString("kind"), e.getValue("attempts"), e.getString("at"), e.getString("message")));
        if (i.lastError().isEmpty() && a.getValue("last_error") != null) {
            out.printf("  last error (written by Insights' pipeline): %s%n", a.getValue("last_error"));
        }
        out.printf("  media: %s%n", mediaState);
        out.printf("  outputs: %s%n", format(outputs.counts()));
        out.printf("Next: %s%n", next());
        out.flush();
    }

    /** What to do next, for a person on call. */
    public String next() {
        Interview i = interview;
        String id = i.id().toString();
        String step = i.currentStep().orElse("upload");
        return switch (i.status()) {
            case READY, TAGGED -> "nothing to do: the interview is " + i.status().dbValue() + ".";
            case ARCHIVED -> "nothing to do: the interview is archived.";
            case DRAFT, SCHEDULED -> "nothing to do until media is uploaded.";
            case UPLOADING -> mediaState.startsWith("present")
                    ? "the object arrived but its event did not: run `intake sweep` (the sweeper completes it)."
                    : "waiting for the upload; if it never comes the sweeper marks it failed.";
            case ERROR -> "fix what the last error says, then `intake repair " + id + " --from "
                    + i.lastError().map(e -> e.getString("step")).orElse(step) + "`.";
            default -> outputs.leaseLive()
                    ? step + " is running; wait. If it stops, the sweeper resumes it once its lease expires."
                    : outputs.silentSeconds() >= stalledAfter.toSeconds()
                    ? "stalled in " + step + " for " + Durations.readableSeconds(outputs.silentSeconds()) + ": `intake repair " + id
                    + "` resumes it from " + step + " (the sweeper would too)."
                    : "in progress at " + step + ".";
        };
    }

    private static String format(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((table, n) -> text.append(text.isEmpty() ? "" : ", ").append(table).append(' ').append(n));
        return text.toString();
    }
}
