package dev.intake.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.intake.IntakeConfig;
import dev.intake.sweeper.SweepReport;
import dev.intake.sweeper.Sweeper;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "One sweep now: resume or fail stalled interviews, complete uploads whose event was lost.")
public class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    Sweeper sweeper;
    @Inject
    IntakeConfig config;

    @Override
    public Integer call() {
        SweepReport report = sweeper.sweepNow(config.sweeper().stalledAfter());
        PrintWriter out = spec.commandLine().getOut();
        print(out, "resumed", report.resumed());
        print(out, "failed", report.failed());
        print(out, "upload completed", report.uploadsCompleted());
        print(out, "upload failed", report.uploadsFailed());
        print(out, "not done", report.notDone());
        out.printf("Swept: %d resumed, %d failed, %d lost uploads completed, %d uploads failed, %d not done.%n",
                report.resumed().size(), report.failed().size(), report.uploadsCompleted().size(),
                report.uploadsFailed().size(), report.notDone().size());
        out.flush();
        return report.notDone().isEmpty() ? 0 : 1;
    }

    private static void print(PrintWriter out, String what, List<SweepReport.Entry> entries) {
        entries.forEach(e -> out.printf("  %-16s %s at %s after %s: %s%n", what, e.interviewId(), e.step(),
                dev.intake.workflow.Durations.readableSeconds(e.stalledSeconds()), e.detail()));
    }
}
