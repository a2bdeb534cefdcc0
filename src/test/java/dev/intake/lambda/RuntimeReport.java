package dev.intake.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The cold starts of the functions as a table, for people (stdout) and for later comparison
 * ({@code target/lambda-runtime-report.md}). A benchmark's numbers: reported, never asserted.
 */
final class RuntimeReport {

    static final Path FILE = Path.of("target/lambda-runtime-report.md");

    private RuntimeReport() {
    }

    static String table(List<BenchmarkRow> rows, String context) {
        StringBuilder table = new StringBuilder();
        table.append("# Intake functions under Lambda's Java runtime client\n\n").append(context).append("\n\n");
        table.append("| function | memory MB | init ms | first invocation ms | start to first answer ms | warm invocation ms | peak RSS MiB |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|\n");
        rows.stream().sorted(Comparator.comparing(row -> row.coldStart().function().name())).forEach(row -> {
            ColdStart cold = row.coldStart();
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.0f |%n", cold.function().name(),
                    cold.function().memoryMb(), ms(cold.init()), ms(cold.first().latency()), ms(cold.startToFirstAnswer()),
                    ms(row.warm().latency()), row.peakRssKib() / 1024.0));
        });
        return table.toString();
    }

    static void write(String table) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long ms(Duration duration) {
        return duration.toMillis();
    }
}
