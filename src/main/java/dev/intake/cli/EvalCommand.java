package dev.intake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.eval.InterviewResult;
import dev.intake.eval.Labels;
import dev.intake.eval.Score;
import dev.intake.eval.Scorer;
import dev.intake.store.Interview;
import dev.intake.workflow.InterviewStatus;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs the pipeline on every labeled interview of an evaluation set and prints how much of what a
 * researcher marked it found: per file and overall (every label weighs the same).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Processes each labeled interview of DIR (its *.labels.json files) and scores what was found:"
                + " evidence recall, kind accuracy, precision, evidence attributed to interviewers, speakers found as people with"
                + " their role, questions answered right. Local data only (no database configured): each interview goes to"
                + " a project of its own, made with the questions it was labeled with.")
public class EvalCommand implements Callable<Integer> {

    static final String LABELS_SUFFIX = ".labels.json";

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "bench/eval",
            description = "the evaluation set (default: bench/eval)")
    Path directory;

    @Option(names = "--json", description = "print the scores as one JSON document instead of a table")
    boolean asJson;

    @Option(names = "--timeout", defaultValue = "PT2M", description = "how long to wait for each interview (e.g. 90s, 5m; default 2 minutes)")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Inject
    CommandTarget target;
    @Inject
    LocalWorkspace workspace;
    @Inject
    LocalRun run;
    @Inject
    InterviewReport report;
    @Inject
    ObjectMapper json;

    record Row(String file, String status, Score score) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!target.localMode()) {
            // Scores mean something only against the questions an interview was labeled with, which would
            // have to be written into a customer's project, with throwaway interviews beside its own.
            err.println("intake eval: runs on local data only, never on a configured database: each labeled interview needs"
                    + " a project of its own holding the questions it was labeled with, and Intake creates no project or"
                    + " question there; run it with no QUARKUS_DATASOURCE_* settings");
            return 2;
        }
        List<Path> labelFiles = labelFiles();
        if (labelFiles.isEmpty()) {
            err.println("intake eval: " + directory + " holds no *" + LABELS_SUFFIX + " files");
            return 2;
        }
        List<Row> rows = new ArrayList<>();
        for (Path labelFile : labelFiles) {
            Labels labels;
            try {
                labels = json.readValue(labelFile.toFile(), Labels.class);
            } catch (IOException | IllegalArgumentException e) {
                err.println("intake eval: " + labelFile + " is not a labels file: " + e.getMessage());
                return 2;
            }
            Path transcript = labelFile.resolveSibling(labels.transcript());
            if (!Files.isRegularFile(transcript)) {
                err.println("intake eval: " + labelFile + " names " + transcript + ", which is not a file");
                return 2;
            }
            String name = labelFile.getFileName().toString().replace(LABELS_SUFFIX, "");
            List<String> questions = labels.questions().stream().map(Labels.QuestionLabel::question).toList();
            if (rows.isEmpty()) {
                workspace.prepare(List.of());
            }
            Interview done = run.run(new LocalRun.Request(transcript, LocalWorkspace.ACCOUNT_ID,
                    workspace.prepareProject("eval: " + name, questions), labels.transcript(), null, timeout), Optional.empty());
            InterviewResult result = report.result(done);
            rows.add(new Row(labels.transcript(), result.status(), Scorer.score(labels, result)));
            if (!asJson) {
                err.printf("  %s: %s%n", labels.transcript(), result.status());
            }
        }
        if (asJson) {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(asJson(rows)));
        } else {
            printTable(rows, out);
        }
        out.flush();
        return rows.stream().allMatch(r -> r.status().equals(InterviewStatus.READY.dbValue())) ? 0 : 1;
    }

    private List<Path> labelFiles() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(LABELS_SUFFIX)).sorted().toList();
        }
    }

    static Score overall(List<Row> rows) {
        return rows.stream().map(Row::score).reduce(Score.NONE, Score::plus);
    }

    private static void printTable(List<Row> rows, PrintWriter out) {
        String format = "%-34s %-6s %14s %14s %14s %11s %14s %14s%n";
        out.printf(format, "interview", "status", "evidence", "kind right", "precision", "interviewer", "people+role",
                "answers");
        for (Row row : rows) {
            out.printf(format, row.file(), row.status(), cell(row.score().evidenceFound(), row.score().evidenceLabels()),
                    cell(row.score().kindsRight(), row.score().evidenceFound()),
                    cell(row.score().quotesOnALabel(), row.score().quotes()), String.valueOf(row.score().interviewerQuotes()),
                    cell(row.score().peopleFoundWithRole(), row.score().peopleLabels()),
                    cell(row.score().answersRight(), row.score().questions()));
        }
        Score all = overall(rows);
        out.printf(format, "overall", "", cell(all.evidenceFound(), all.evidenceLabels()), cell(all.kindsRight(), all.evidenceFound()),
                cell(all.quotesOnALabel(), all.quotes()), String.valueOf(all.interviewerQuotes()),
                cell(all.peopleFoundWithRole(), all.peopleLabels()), cell(all.answersRight(), all.questions()));
    }

    private static String cell(int part, int whole) {
        return String.format("%d/%d %3.0f%%", part, whole, whole == 0 ? 100.0 : 100.0 * part / whole);
    }

    private ObjectNode asJson(List<Row> rows) {
        ObjectNode document = json.createObjectNode();
        ArrayNode files = document.putArray("interviews");
        rows.forEach(r -> figures(files.addObject().put("transcript", r.file()).put("status", r.status()), r.score()));
        figures(document.putObject("overall"), overall(rows));
        return document;
    }

    private static void figures(ObjectNode node, Score score) {
        node.put("evidenceRecall", score.evidenceRecall()).put("kindAccuracy", score.kindAccuracy())
                .put("precision", score.precision()).put("interviewerEvidence", score.interviewerQuotes())
                .put("peopleRecall", score.peopleRecall()).put("answersRight", score.answersRightShare());
        node.set("counts", new ObjectMapper().valueToTree(score));
    }
}
