package dev.intake.cli.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One folder of labeled interviews. An evaluation directory is a set itself when it holds labels, or
 * holds sets as folders ({@code bench/eval/tune} and {@code bench/eval/holdout}), the one named
 * {@code tune} first so a reader sees what the analyzer was fitted on before what it never saw.
 */
record EvalSet(String name, List<Path> labelFiles) {

    static final String LABELS_SUFFIX = ".labels.json";
    static final String TUNE = "tune";

    static List<EvalSet> in(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> own = labelFiles(directory);
        if (!own.isEmpty()) {
            return List.of(new EvalSet(directory.getFileName().toString(), own));
        }
        List<EvalSet> sets = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path folder : entries.filter(Files::isDirectory)
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().equals(TUNE))
                            .thenComparing(p -> p.getFileName().toString())).toList()) {
                List<Path> files = labelFiles(folder);
                if (!files.isEmpty()) {
                    sets.add(new EvalSet(folder.getFileName().toString(), files));
                }
            }
        }
        return sets;
    }

    private static List<Path> labelFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(LABELS_SUFFIX)).sorted().toList();
        }
    }
}
