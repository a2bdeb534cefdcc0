package dev.intake.cli;

import dev.intake.local.StartupTrace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.intake.console.Diagnosis;
import dev.intake.store.Interview;
import dev.intake.workflow.InterviewStatus;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The whole pipeline on a local file, the way production runs it ({@link LocalRun}). */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = "Processes an interview file (WebVTT, SRT or plain-text transcript) to ready and prints"
                + " what was found. Uses an embedded PostgreSQL and S3 unless a database is configured; on a configured"
                + " database it files the interview under the project named with --project.")
public class ProcessCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the interview file")
    Path file;

    @Option(names = "--title", description = "the interview's title (default: the file name)")
    String title;

    @Option(names = "--instructions", description = "custom instructions for the analysis")
    String instructions;

    @Option(names = "--question", paramLabel = "TEXT",
            description = "local data only: a question for the project to answer; repeatable (default: four discovery"
                    + " questions). On a configured database the project's own research questions are used")
    List<String> questions;

    @Option(names = "--timeout", defaultValue = "PT2M", description = "how long to wait for the run (e.g. 90s, 5m, or ISO-8601; default 2 minutes); when it runs out,"
                    + " the command says where the interview is and how to finish it, and exits 3")
    Duration timeout;

    @Option(names = "--json", description = "print what was found as one JSON document instead (no progress lines)")
    boolean asJson;

    @Mixin
    ProjectOption projectOption;

    @Spec
    CommandSpec spec;

    @Inject
    LocalPipeline pipeline;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("intake process: " + file + " is not a readable file");
            return 2;
        }
        pipeline.modelWarmUp().start();
        Optional<ProjectChoice.Choice.Use> chosen = projectOption.choose(pipeline.projects(),
                questions == null ? List.of() : questions);
        if (chosen.isEmpty()) {
            return 2;
        }
        ProjectChoice.Choice.Use project = chosen.get();
        StartupTrace.mark("project ready");
        Interview done = pipeline.run().run(new LocalRun.Request(file, project.accountId(), project.projectId(), title, instructions,
                timeout), asJson ? Optional.empty() : Optional.of(out));
        if (asJson) {
            var document = pipeline.report().result(done);
            out.println(pipeline.json().writerWithDefaultPrettyPrinter().writeValueAsString(document));
            out.flush();
        } else {
            out.println();
            pipeline.report().print(done, out);
        }
        StartupTrace.mark("report printed");
        if (!done.status().isSettled()) {
            err.println("intake process: " + new WaitRanOut(done, timeout, pipeline.engines().configuredKind(),
                    Diagnosis.Here.of(pipeline.localMode(), pipeline.sweeper(), pipeline.engines()).repairOption()).line());
            err.flush();
            return WaitRanOut.EXIT_CODE;
        }
        return done.status() == InterviewStatus.READY ? 0 : 1;
    }
}
