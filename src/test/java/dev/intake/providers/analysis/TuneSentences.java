package dev.intake.providers.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.intake.testing.LongTranscript;

/**
 * Real sentences to embed: those spoken in the evaluation set's tune half (every format: WebVTT, SRT,
 * plain text and Recall.ai's JSON words), then, when more are asked for, those of a generated long call.
 * Distinct and in a fixed order, so two runs embed the same texts.
 */
final class TuneSentences {

    private static final Path TUNE = Path.of("bench/eval/tune");
    private static final Pattern JSON_TEXT = Pattern.compile("\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TIMING = Pattern.compile("^(\\d+|WEBVTT.*|NOTE .*|\\S+ --> \\S+.*|\\[\\d.*)$");

    private TuneSentences() {
    }

    static List<String> first(int count) {
        Set<String> sentences = new LinkedHashSet<>();
        for (String line : spokenLines()) {
            addSentences(line, sentences, count);
        }
        for (String line : LongTranscript.webVtt(LongTranscript.THREE_HOURS).split("\n")) {
            if (sentences.size() >= count) {
                break;
            }
            if (!TIMING.matcher(line.trim()).matches()) {
                addSentences(line, sentences, count);
            }
        }
        return List.copyOf(sentences);
    }

    private static void addSentences(String line, Set<String> into, int count) {
        String text = line.replaceAll("<v [^>]*>", "").replaceAll("</v>", "").replaceFirst("^[A-Z][\\w .'-]{0,40}:\\s+", "");
        for (String sentence : text.split("(?<=[.?!])\\s+")) {
            if (into.size() < count && !sentence.isBlank()) {
                into.add(sentence.trim());
            }
        }
    }

    private static List<String> spokenLines() {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(TUNE)) {
            for (Path file : files.filter(f -> !f.toString().endsWith(".labels.json")).sorted().toList()) {
                String content = Files.readString(file);
                if (file.toString().endsWith(".json")) {
                    Matcher m = JSON_TEXT.matcher(content);
                    while (m.find()) {
                        lines.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                    }
                } else {
                    content.lines().map(String::trim).filter(l -> !l.isEmpty() && !TIMING.matcher(l).matches()).forEach(lines::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
