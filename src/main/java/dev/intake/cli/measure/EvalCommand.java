package dev.intake.cli.measure;

import dev.intake.cli.InterviewReport;
import dev.intake.cli.LocalPipeline;
import dev.intake.cli.LocalRun;
import dev.intake.local.LocalWorkspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

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

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "bench/eval",
            description = "the evaluation set (default: bench/eval)")
    Path directory;

    @Option(names = "--json", description = "print the scores as one JSON document instead of a table")
    boolean asJson;

    @Option(names = "--misses", description = "also print, per interview, the labels it missed or gave another kind,"
            + " its quotes on no label and its wrong answers: for tuning on the tuning set only")
    boolean misses;

    @Option(names = "--timeout", defaultValue = "PT2M", description = "how long to wait for each interview (e.g. 90s, 5m; default 2 minutes)")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Inject
    Measuring measuring;

    record Row(String file, String status, Score score, long analysisMillis) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalPipeline pipeline = measuring.pipeline();
        if (!pipeline.target().localMode()) {
            // Scores mean something only against the questions an interview was labeled with, which would
            // have to be written into a customer's project, with throwaway interviews beside its own.
            err.println("intake eval: runs on local data only, never on a configured database: each labeled interview needs"
                    + " a project of its own holding the questions it was labeled with, and Intake creates no project or"
                    + " question there; run it with no QUARKUS_DATASOURCE_* settings");
            return 2;
        }
        List<EvalSet> sets = EvalSet.in(directory);
        if (sets.isEmpty()) {
            err.println("intake eval: " + directory + " holds no *" + EvalSet.LABELS_SUFFIX + " files, nor folders of them");
            return 2;
        }
        Map<String, List<Row>> scored = new LinkedHashMap<>();
        boolean prepared = false;
        measuring.clock().start();
        for (EvalSet set : sets) {
            List<Row> rows = new ArrayList<>();
            for (Path labelFile : set.labelFiles()) {
                Labels labels;
                try {
                    labels = pipeline.json().readValue(labelFile.toFile(), Labels.class);
                } catch (IOException | IllegalArgumentException e) {
                    err.println("intake eval: " + labelFile + " is not a labels file: " + e.getMessage());
                    return 2;
                }
                Path transcript = labelFile.resolveSibling(labels.transcript());
                if (!Files.isRegularFile(transcript)) {
                    err.println("intake eval: " + labelFile + " names " + transcript + ", which is not a file");
                    return 2;
                }
                String name = labelFile.getFileName().toString().replace(EvalSet.LABELS_SUFFIX, "");
                List<String> questions = labels.questions().stream().map(Labels.QuestionLabel::question).toList();
                if (!prepared) {
                    measuring.localWorkspace().prepare(List.of());
                    prepared = true;
                }
                Interview done = pipeline.run().run(new LocalRun.Request(transcript, LocalWorkspace.ACCOUNT_ID,
                        measuring.localWorkspace().prepareProject("eval: " + set.name() + "/" + name, questions), labels.transcript(), null,
                        timeout), Optional.empty());
                InterviewResult result = pipeline.report().result(done);
                rows.add(new Row(labels.transcript(), result.status(), Scorer.score(labels, result),
                        measuring.clock().take(done.id()).toMillis()));
                if (!asJson) {
                    err.printf("  %s/%s: %s%n", set.name(), labels.transcript(), result.status());
                }
                if (misses) {
                    Scorer.misses(labels, result).forEach(m -> err.printf("      %s%n", m));
                }
            }
            scored.put(set.name(), rows);
        }
        if (asJson) {
            out.println(pipeline.json().writerWithDefaultPrettyPrinter().writeValueAsString(asJson(scored)));
        } else {
            scored.forEach((name, rows) -> printTable(name, rows, out));
            if (scored.size() > 1) {
                printSummary(scored, out);
            }
        }
        out.flush();
        return scored.values().stream().flatMap(List::stream)
                .allMatch(r -> r.status().equals(InterviewStatus.READY.dbValue())) ? 0 : 1;
    }

    static Score overall(List<Row> rows) {
        return rows.stream().map(Row::score).reduce(Score.NONE, Score::plus);
    }

    private static final String FORMAT = "%-34s %-6s %14s %14s %14s %6s %11s %14s %14s %14s %8s%n";

    private static void printTable(String set, List<Row> rows, PrintWriter out) {
        out.printf("%n%s (%d interview%s)%n", set, rows.size(), rows.size() == 1 ? "" : "s");
        header(out, "interview", "status");
        rows.forEach(row -> line(out, row.file(), row.status(), row.score(), row.analysisMillis()));
        line(out, "overall", "", overall(rows), medianMillis(rows));
    }

    /** One line per set, so what the analyzer was tuned on and what it never saw sit side by side. */
    private static void printSummary(Map<String, List<Row>> scored, PrintWriter out) {
        out.printf("%nsummary%n");
        header(out, "set", "");
        scored.forEach((set, rows) -> line(out, set, "", overall(rows), medianMillis(rows)));
    }

    private static void header(PrintWriter out, String first, String second) {
        out.printf(FORMAT, first, second, "evidence", "kind right", "precision", "words", "interviewer", "people+role",
                "answers", "takeaways", "ms");
    }

    /**
     * The median time the analysis steps of an interview took: the overall line and the summary show it per
     * set (a median, as the first interview of a process also loads the sentence model).
     */
    private static long medianMillis(List<Row> rows) {
        long[] sorted = rows.stream().mapToLong(Row::analysisMillis).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    private static void line(PrintWriter out, String first, String second, Score s, long millis) {
        out.printf(FORMAT, first, second, cell(s.evidenceFound(), s.evidenceLabels()), cell(s.kindsRight(), s.evidenceFound()),
                cell(s.quotesOnALabel(), s.quotes()), String.format("%.1f", s.meanQuoteWords()),
                String.valueOf(s.interviewerQuotes()), cell(s.peopleFoundWithRole(), s.peopleLabels()),
                cell(s.answersRight(), s.questions()), cell(s.takeawaysCovered(), s.takeawayLabels()), String.valueOf(millis));
    }

    private static String cell(int part, int whole) {
        return String.format("%d/%d %3.0f%%", part, whole, whole == 0 ? 100.0 : 100.0 * part / whole);
    }

    private ObjectNode asJson(Map<String, List<Row>> scored) {
        ObjectNode document = measuring.pipeline().json().createObjectNode();
        ObjectNode sets = document.putObject("sets");
        scored.forEach((name, rows) -> {
            ObjectNode set = sets.putObject(name);
            ArrayNode files = set.putArray("interviews");
            rows.forEach(r -> figures(files.addObject().put("transcript", r.file()).put("status", r.status())
                    .put("analysisMillis", r.analysisMillis()), r.score()));
            figures(set.putObject("overall").put("medianAnalysisMillis", medianMillis(rows)), overall(rows));
        });
        return document;
    }

    private void figures(ObjectNode node, Score score) {
        node.put("evidenceRecall", score.evidenceRecall()).put("kindAccuracy", score.kindAccuracy())
                .put("precision", score.precision()).put("meanQuoteWords", score.meanQuoteWords())
                .put("interviewerEvidence", score.interviewerQuotes()).put("peopleRecall", score.peopleRecall())
                .put("answersRight", score.answersRightShare()).put("takeawayRecall", score.takeawayRecall())
                .put("takeawayPrecision", score.takeawayPrecision());
        node.set("counts", measuring.pipeline().json().valueToTree(score));
    }
}
