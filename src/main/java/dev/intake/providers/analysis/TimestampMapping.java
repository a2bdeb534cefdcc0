package dev.intake.providers.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a quote starts in the media, found as Insights' pipeline finds it ({@code timestampMapping.ts}):
 * by the words' own times, else by the transcript segment that contains the quote (or shares most of
 * its words), else by where it falls in the whole transcript. A model's own times are only the last
 * resort, since a model may invent them.
 */
final class TimestampMapping {

    record Word(String text, double start) {
    }

    /** A transcript segment; {@code start} is null when the source has no times. */
    record Segment(String text, Double start) {
    }

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final List<String> SEGMENT_SOURCES = List.of("utterances", "segments", "sentences", "speaker_transcripts");

    private TimestampMapping() {
    }

    /**
     * Seconds from a number or text in any of the forms transcripts use: seconds, milliseconds (a
     * number over 500 is taken as milliseconds), "1200ms", "2:30"; null for anything else.
     */
    static Double coerceSeconds(Object value) {
        if (value instanceof JsonNode node) {
            value = node.isNumber() ? (Object) node.doubleValue() : node.isTextual() ? node.textValue() : null;
        }
        if (value instanceof Number number) {
            double n = number.doubleValue();
            if (!Double.isFinite(n)) {
                return null;
            }
            return n > 500 ? n / 1000 : n;
        }
        if (value instanceof String text) {
            if (text.endsWith("ms")) {
                Double ms = parseFloat(text.substring(0, text.length() - 2));
                return ms == null ? null : ms / 1000;
            }
            if (text.contains(":")) {
                String[] parts = text.split(":", -1);
                if (parts.length == 2) {
                    Double minutes = parseFloat(parts[0]);
                    Double seconds = parseFloat(parts[1]);
                    if (minutes != null && seconds != null) {
                        return minutes * 60 + seconds;
                    }
                }
            }
            Double numeric = parseFloat(text);
            if (numeric != null) {
                return numeric > 500 ? numeric / 1000 : numeric;
            }
        }
        return null;
    }

    /** JavaScript's parseFloat: the number a text starts with, or null. */
    private static Double parseFloat(String text) {
        Matcher m = LEADING_NUMBER.matcher(text);
        return m.find() ? Double.valueOf(m.group().strip()) : null;
    }

    static List<String> normalizeTokens(String input) {
        return Arrays.stream(input.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\s']", " ").split("\\s+"))
                .filter(t -> !t.isEmpty()).toList();
    }

    static String normalizeForSearchText(String value) {
        if (value == null) {
            return "";
        }
        String replaced = value.replaceAll("[\u2018\u2019\u201B\u2032]", "'")
                .replaceAll("[\u201C\u201D\u2033]", "\"")
                .replace('\u00A0', ' ');
        return replaced.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** The timed words of a transcript's {@code words} array, lower-cased. */
    static List<Word> buildWordTimeline(JsonNode transcriptData) {
        List<Word> timeline = new ArrayList<>();
        JsonNode words = transcriptData.path("words");
        if (!words.isArray()) {
            return timeline;
        }
        for (JsonNode word : words) {
            if (!word.isObject()) {
                continue;
            }
            String text = word.path("text").isTextual() ? word.path("text").textValue().strip().toLowerCase(Locale.ROOT) : "";
            if (text.isEmpty()) {
                continue;
            }
            Double start = coerceSeconds(firstPresent(word, "start", "start_ms", "startTime"));
            if (start != null) {
                timeline.add(new Word(text, start));
            }
        }
        return timeline;
    }

    /** The segments of a transcript's utterances, segments, sentences and speaker_transcripts, in that order. */
    static List<Segment> buildSegmentTimeline(JsonNode transcriptData) {
        List<Segment> timeline = new ArrayList<>();
        for (String key : SEGMENT_SOURCES) {
            JsonNode items = transcriptData.path(key);
            if (!items.isArray()) {
                continue;
            }
            for (JsonNode item : items) {
                if (!item.isObject()) {
                    continue;
                }
                String text = item.path("text").isTextual() ? item.path("text").textValue()
                        : item.path("gist").isTextual() ? item.path("gist").textValue() : null;
                if (text == null || text.isEmpty()) {
                    continue;
                }
                timeline.add(new Segment(text, coerceSeconds(firstPresent(item, "start", "start_ms", "startTime"))));
            }
        }
        return timeline;
    }

    private static JsonNode firstPresent(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    /** The quote's start in seconds, or null when nothing places it. */
    static Double findStartSeconds(String snippet, List<Word> words, List<Segment> segments, String fullTranscript,
                                   Double durationSeconds) {
        List<String> tokens = normalizeTokens(snippet);
        List<String> search = tokens.subList(0, Math.min(4, tokens.size()));
        if (!search.isEmpty() && !words.isEmpty()) {
            for (int i = 0; i <= words.size() - search.size(); i++) {
                boolean matches = true;
                for (int j = 0; j < search.size() && matches; j++) {
                    matches = words.get(i + j).text().equals(search.get(j));
                }
                if (matches) {
                    return words.get(i).start();
                }
            }
        }
        String normalized = normalizeForSearchText(snippet);
        String sample = normalized.substring(0, Math.min(160, normalized.length()));
        if (!sample.isEmpty()) {
            for (Segment segment : segments) {
                if (segment.start() != null && normalizeForSearchText(segment.text()).contains(sample)) {
                    return segment.start();
                }
            }
        }
        if (tokens.size() >= 3) {
            Set<String> snippetWords = new HashSet<>(tokens);
            Double best = null;
            double bestScore = 0;
            for (Segment segment : segments) {
                if (segment.start() == null) {
                    continue;
                }
                List<String> segmentTokens = normalizeTokens(segment.text());
                if (segmentTokens.size() < 3) {
                    continue;
                }
                long overlap = segmentTokens.stream().filter(snippetWords::contains).count();
                // At least 40% of the quote's words, as a model's paraphrase still shares its key words.
                double score = (double) overlap / tokens.size();
                if (score >= 0.4 && (best == null || score > bestScore)) {
                    best = segment.start();
                    bestScore = score;
                }
            }
            if (best != null) {
                return best;
            }
        }
        if (durationSeconds != null && durationSeconds != 0 && fullTranscript != null && !fullTranscript.isEmpty()) {
            String transcript = normalizeForSearchText(fullTranscript);
            int index = transcript.indexOf(sample);
            if (index >= 0) {
                double ratio = transcript.isEmpty() ? 0 : (double) index / transcript.length();
                return Math.max(0, Math.min(durationSeconds, durationSeconds * ratio));
            }
        }
        return null;
    }
}
