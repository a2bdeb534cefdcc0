package dev.intake.cli;

import java.util.UUID;
import java.util.concurrent.Callable;

import dev.intake.console.Diagnosis;
import dev.intake.console.LocalModeConfig;
import dev.intake.console.MediaPresence;
import dev.intake.engine.Engines;
import dev.intake.media.MediaBucket;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.DiagnosticsStore;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Where an interview is, what ran and for how long, its last error, whether its media is in the"
                + " bucket, what it produced, and what to do next.")
public class DiagnoseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "the interview id (its analysis job id)", converter = InterviewIds.class)
    UUID id;

    @Spec
    CommandSpec spec;

    @Inject
    InterviewStore interviews;
    @Inject
    DiagnosticsStore diagnostics;
    @Inject
    MediaBucket bucket;
    @Inject
    LocalModeConfig localMode;
    @Inject
    SweeperConfig sweeper;
    @Inject
    Engines engines;

    @Override
    public Integer call() {
        Interview interview = interviews.find(id).orElse(null);
        if (interview == null) {
            spec.commandLine().getErr().println("intake diagnose: no interview " + id);
            return 1;
        }
        new Diagnosis(interview, diagnostics.outputs(id), MediaPresence.describe(bucket, interview), Diagnosis.Here.of(localMode, sweeper, engines))
                .print(spec.commandLine().getOut());
        return 0;
    }
}
