package dev.intake.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import dev.intake.engine.Engines;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.sweeper.SweepReport;
import dev.intake.sweeper.Sweeper;
import dev.intake.workflow.Durations;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"One sweep now: resume or fail stalled interviews, complete uploads whose event was lost.",
                "The runs it starts go to the configured engine: the deployed state machine on a configured database"
                        + " (unless --engine local), this process on local data, and then the command waits for them"
                        + " to end (--wait), reporting each, so none is cut off when it exits."})
public class SweepCommand implements Callable<Integer> {

    @Mixin
    EngineChoice engineChoice;

    @Spec
    CommandSpec spec;

    @Inject
    Sweeper sweeper;
    @Inject
    SweeperConfig config;
    @Inject
    Engines engines;
    @Inject
    CommandTarget commandTarget;
    @Inject
    InterviewStore interviews;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        String configured = engines.configuredKind();
        EngineChoice.Decision decision = engineChoice.decide("sweep", commandTarget, configured, engines);
        if (decision instanceof EngineChoice.Decision.Refuse refused) {
            err.println("intake sweep: " + refused.reason());
            return 2;
        }
        String kind = ((EngineChoice.Decision.Use) decision).kind();
        if (!kind.equals(configured)) {
            // The sweeper hands what it resumes to the configured engine, as the sweep-stuck function does.
            err.println("intake sweep: the sweeper resumes runs through the configured engine (intake.engine.kind="
                    + configured + "): set INTAKE_ENGINE_KIND=" + kind
                    + (engineChoice.engine == null ? ", or pass --engine " + configured + " to run them in this process" : ""));
            return 2;
        }

        if (kind.equals(Engines.LOCAL) && !commandTarget.localMode()) {
            // The sweeper looks in the bucket for lost uploads, and the runs it resumes here read their media.
            Optional<String> noBucket = commandTarget.missingBucketSettings();
            if (noBucket.isPresent()) {
                err.println("intake sweep: " + noBucket.get());
                return 2;
            }
        }
        SweepReport report = sweeper.sweepNow(config.stalledAfter());
        PrintWriter out = spec.commandLine().getOut();
        print(out, "resumed", report.resumed());
        print(out, "failed", report.failed());
        print(out, "upload completed", report.uploadsCompleted());
        print(out, "upload failed", report.uploadsFailed());
        print(out, "upload taken over", report.uploadsAdopted());
        print(out, "not done", report.notDone());
        out.printf("Swept: %d resumed, %d failed, %d lost uploads completed, %d uploads failed, %d uploads taken over,"
                + " %d not done.%n", report.resumed().size(), report.failed().size(), report.uploadsCompleted().size(),
                report.uploadsFailed().size(), report.uploadsAdopted().size(), report.notDone().size());
        out.flush();
        int waited = kind.equals(Engines.LOCAL) ? awaitRunsStarted(report, out) : 0;
        return report.notDone().isEmpty() ? waited : 1;
    }

    /**
     * The runs this sweep started run in this process, which ends with the command: waits for each to end,
     * so none is cut off half-way (which would cost the interview one of its resumes), and says how each ended.
     */
    private int awaitRunsStarted(SweepReport report, PrintWriter out) throws InterruptedException {
        List<SweepReport.Entry> started = new ArrayList<>(report.resumed());
        started.addAll(report.uploadsCompleted());
        if (started.isEmpty()) {
            return 0;
        }
        out.printf("Waiting up to %s for the %d run(s) started in this process ...%n",
                Durations.readableSeconds(engineChoice.wait.toSeconds()), started.size());
        out.flush();
        Instant deadline = Instant.now().plus(engineChoice.wait);
        int unfinished = 0;
        for (SweepReport.Entry entry : started) {
            Interview interview = Settling.await(interviews, UUID.fromString(entry.interviewId()),
                    Duration.between(Instant.now(), deadline));
            if (interview.status().isSettled()) {
                out.printf("  %-16s %s: %s%s%n", "ended", interview.id(), interview.status().dbValue(), interview.lastError()
                        .map(e -> " at " + e.getString("step") + ": " + e.getString("message")).orElse(""));
            } else {
                unfinished++;
                out.printf("  %-16s %s: still %s at %s when the wait ran out; its lease lapses as this command exits and"
                        + " the next sweep resumes it%n", "unfinished", interview.id(), interview.status().dbValue(),
                        interview.currentStep().orElse("-"));
            }
            out.flush();
        }
        return unfinished == 0 ? 0 : 1;
    }

    private static void print(PrintWriter out, String what, List<SweepReport.Entry> entries) {
        entries.forEach(e -> out.printf("  %-16s %s at %s after %s: %s%n", what, e.interviewId(), e.step(),
                Durations.readableSeconds(e.stalledSeconds()), e.detail()));
    }
}
