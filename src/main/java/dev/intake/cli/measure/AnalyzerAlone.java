package dev.intake.cli.measure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.intake.interview.ConversationOverview;
import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceFindings;
import dev.intake.interview.Person;
import dev.intake.interview.Question;
import dev.intake.interview.ThemeDraft;
import dev.intake.interview.Transcript;
import dev.intake.providers.analysis.AnalysisContext;
import dev.intake.providers.analysis.AnalysisProvider;
import dev.intake.providers.transcription.TranscriptFormat;
import dev.intake.providers.transcription.TranscriptParser;

/**
 * The analyzer's own time for one interview: the seven steps' analysis of a transcript, in memory, with
 * no engine, database or bucket. {@code intake throughput} sets it beside the pipeline's time per
 * interview, so what the engine and storage add is a figure, not a guess.
 */
final class AnalyzerAlone {

    private AnalyzerAlone() {
    }

    /** The median milliseconds of {@code runs} analyses of {@code file}, after one to warm up. */
    static double medianMillis(AnalysisProvider analyzer, Path file, List<Question> questions, long maxBytes, int runs)
            throws IOException {
        TranscriptFormat format = TranscriptFormat.forFileName(file.getFileName().toString())
                .orElseThrow(() -> new IllegalArgumentException(file + " is not a transcript Intake reads"));
        Transcript transcript;
        try (InputStream in = Files.newInputStream(file)) {
            transcript = TranscriptParser.parse(format, in, maxBytes);
        }
        analyze(analyzer, transcript, questions);
        long[] took = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            analyze(analyzer, transcript, questions);
            took[i] = System.nanoTime() - started;
        }
        Arrays.sort(took);
        return took[runs / 2] / 1e6;
    }

    /** What the analysis steps ask of the analyzer, in their order, each given what the one before found. */
    private static void analyze(AnalysisProvider analyzer, Transcript transcript, List<Question> questions) {
        AnalysisContext context = new AnalysisContext(null);
        EvidenceFindings found = analyzer.findEvidence(transcript, context);
        List<Evidence> evidence = found.evidence().stream()
                .map(e -> new Evidence(UUID.randomUUID(), e.kind(), e.verbatim(), e.speaker(), e.startSec(), e.endSec()))
                .toList();
        List<Person> people = found.people().stream()
                .map(p -> new Person(UUID.randomUUID(), p.name(), p.role(), null))
                .toList();
        analyzer.describePeople(people, evidence, transcript, context);
        List<ThemeDraft> themes = analyzer.findThemes(evidence, List.of(), context);
        analyzer.buildPersonas(people, evidence, themes, context);
        analyzer.answerQuestions(questions, evidence, transcript, context);
        if (transcript.text().length() >= ConversationOverview.MIN_TRANSCRIPT) {
            analyzer.summarizeConversation(transcript, evidence, context);
        }
    }
}
