package dev.intake.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import dev.intake.console.Diagnosis;
import dev.intake.console.LocalModeConfig;
import dev.intake.engine.Engines;
import dev.intake.engine.Repairs;
import dev.intake.engine.WorkflowEngine;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.DiagnosticsStore;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.workflow.Durations;
import dev.intake.workflow.Step;
import jakarta.inject.Inject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Runs an interview again through the engine, from its current step or --from STEP; with --stuck,"
                + " every in-flight interview silent for longer than --older-than. Prints what it did per interview."
                + " On a configured database the runs are executions of the deployed state machine unless --engine local.")
public class RepairCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", arity = "0..1", description = "the interview id (its analysis job id)",
            converter = InterviewIds.class)
    UUID id;

    @Option(names = "--stuck", description = "repair every stalled interview instead of one")
    boolean stuck;

    @Option(names = "--older-than", defaultValue = "PT1H", description = "with --stuck: silent for at least this (e.g. 30m, 2h, 1d; default 1 hour)")
    Duration olderThan;

    @Option(names = "--any-owner", description = "with --stuck: also interviews Intake has not taken (left stalled by"
            + " Insights' own pipeline); by default only Intake's own")
    boolean anyOwner;

    @Option(names = "--dry-run", description = "with --stuck: list what would be repaired, change nothing")
    boolean dryRun;

    @Option(names = "--from", paramLabel = "STEP", converter = StepNames.class,
            description = "run from this step (upload, evidence, enrich-person, insights, personas, answers, finalize)")
    Step from;

    @Option(names = "--limit", defaultValue = "100", description = "with --stuck: at most this many (default 100)")
    int limit;

    @Mixin
    EngineChoice engineChoice;

    @Spec
    CommandSpec spec;

    @Inject
    Repairs repairs;
    @Inject
    Engines engines;
    @Inject
    CommandTarget commandTarget;
    @Inject
    InterviewStore interviews;
    @Inject
    DiagnosticsStore diagnostics;
    @Inject
    LocalModeConfig localMode;
    @Inject
    SweeperConfig sweeper;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (stuck == (id != null)) {
            spec.commandLine().getErr().println("intake repair: name one interview ID, or --stuck (not both)");
            return 2;
        }
        if (dryRun && !stuck) {
            // Repairing one named interview has nothing to list first; quietly repairing it would betray --dry-run.
            spec.commandLine().getErr().println("intake repair: --dry-run goes with --stuck; to see one interview, use"
                    + " intake workflow-state " + id);
            return 2;
        }
        EngineChoice.Decision engine = engineChoice.decide("repair", commandTarget, engines.configuredKind(), engines);
        if (engine instanceof EngineChoice.Decision.Refuse refused && !dryRun) {
            spec.commandLine().getErr().println("intake repair: " + refused.reason());
            return 2;
        }
        Optional<String> noBucket = engine instanceof EngineChoice.Decision.Use use && use.kind().equals(Engines.LOCAL)
                && !commandTarget.localMode() ? commandTarget.missingBucketSettings() : Optional.empty();
        if (noBucket.isPresent() && !dryRun) {
            // The steps run here read the media from the bucket.
            spec.commandLine().getErr().println("intake repair: " + noBucket.get());
            return 2;
        }
        List<UUID> targets = new ArrayList<>();
        if (stuck) {
            for (DiagnosticsStore.Silent silent : diagnostics.stalled(olderThan, limit, anyOwner)) {
                out.printf("%s %s silent for %s%n", dryRun ? "would repair" : "repairing", silent.interviewId(),
                        Durations.readableSeconds(silent.silentSeconds()));
                targets.add(silent.interviewId());
            }
            if (targets.isEmpty()) {
                out.printf("No interview %shas been stalled for %s.%n", anyOwner ? "" : "Intake runs ",
                        Durations.readableSeconds(olderThan.toSeconds()));
            }
            if (!anyOwner) {
                notIntakes(out);
            }
            if (dryRun) {
                out.flush();
                return 0;
            }
        } else {
            targets.add(id);
        }
        String kind = ((EngineChoice.Decision.Use) engine).kind();
        WorkflowEngine runs = engines.of(kind);
        int failures = 0;
        for (UUID interview : targets) {
            failures += repairOne(interview, out, runs, kind) ? 0 : 1;
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    /**
     * The stalled interviews left out because Intake has not taken them (Insights' own pipeline left them),
     * and the command that takes them too, as it runs here.
     */
    private void notIntakes(PrintWriter out) {
        List<DiagnosticsStore.Silent> others = diagnostics.stalled(olderThan, limit, true).stream()
                .filter(silent -> interviews.find(silent.interviewId()).filter(i -> !i.ownedByIntake()).isPresent())
                .toList();
        if (others.isEmpty()) {
            return;
        }
        others.forEach(silent -> out.printf("not Intake's: %s silent for %s, left by Insights' pipeline%n", silent.interviewId(),
                Durations.readableSeconds(silent.silentSeconds())));
        out.printf("To repair these too: %s%n", anyOwnerCommand());
    }

    /** This command again with --any-owner, with the options it was given and the engine option it needs here. */
    private String anyOwnerCommand() {
        StringBuilder command = new StringBuilder("intake repair --stuck --any-owner");
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--older-than")) {
            command.append(" --older-than ").append(olderThan);
        }
        if (given.hasMatchedOption("--limit")) {
            command.append(" --limit ").append(limit);
        }
        if (from != null) {
            command.append(" --from ").append(from.key());
        }
        command.append(engineChoice.engine != null ? " --engine " + engineChoice.engine
                : Diagnosis.Here.of(localMode, sweeper, engines).repairOption());
        return command.toString();
    }

    private boolean repairOne(UUID target, PrintWriter out, WorkflowEngine engine, String kind) throws InterruptedException {
        Repairs.Result result = repairs.repair(target, Optional.ofNullable(from), engine);
        if (result instanceof Repairs.Result.Refused refused) {
            out.printf("  %s: not repaired: %s%n", target, refused.reason());
            return false;
        }
        Repairs.Result.Started started = (Repairs.Result.Started) result;
        out.printf("  %s: running again from %s as run %s%n", target, started.from().key(), started.runId());
        if (!Engines.LOCAL.equals(kind)) {
            out.printf("  %s: handed to the state machine; `intake diagnose %s` follows it%n", target, target);
            return true;
        }
        Interview settled = Settling.await(interviews, target, engineChoice.wait);
        out.printf("  %s: %s%s%n", target, settled.status().dbValue(), settled.lastError()
                .map(e -> " at " + e.getString("step") + ": " + e.getString("message")).orElse(""));
        return !settled.status().equals(dev.intake.workflow.InterviewStatus.ERROR) && settled.status().isSettled();
    }
}
