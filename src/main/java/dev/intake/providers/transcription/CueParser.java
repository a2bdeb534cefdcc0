package dev.intake.providers.transcription;

import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVTT and SRT: blocks separated by blank lines, each a timing line {@code start --> end} with the
 * text below it. WebVTT names speakers with voice tags ({@code <v Name>}); SRT, and WebVTT without
 * voice tags, with a {@code Name:} prefix.
 */
final class CueParser {

    private static final Pattern VOICE = Pattern.compile("^<v(?:\\.[^ >]*)?\\s+([^>]+)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WEBVTT_HEADER = Pattern.compile("^\uFEFF?WEBVTT(?:[ \\t].*)?$");

    private CueParser() {
    }

    static Transcript parse(TranscriptFormat format, List<String> lines) {
        boolean vtt = format == TranscriptFormat.WEBVTT;
        if (vtt && (lines.isEmpty() || !WEBVTT_HEADER.matcher(lines.get(0)).matches())) {
            throw new TranscriptParseException("line 1: a WebVTT file starts with 'WEBVTT'");
        }
        List<Utterance> utterances = new ArrayList<>();
        int i = vtt ? skipBlock(lines, 0) : 0;
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            int blockStart = i;
            int end = skipBlock(lines, i);
            List<String> block = lines.subList(blockStart, end);
            int timing = indexOfTiming(block);
            if (timing < 0) {
                String first = block.get(0).strip();
                boolean vttMetadata = vtt && (first.startsWith("NOTE") || first.equals("STYLE") || first.equals("REGION"));
                if (!vttMetadata) {
                    throw new TranscriptParseException("line " + (blockStart + 1) + ": expected a cue timing line"
                            + " ('00:00:01.000 --> 00:00:04.000'), found '" + first + "'");
                }
            } else {
                cue(block, timing, blockStart + timing + 1).ifPresent(utterances::add);
            }
            i = end;
        }
        if (utterances.isEmpty()) {
            throw new TranscriptParseException("the " + format.key() + " file has no cues with text");
        }
        return new Transcript(format.key(), utterances);
    }

    private static Optional<Utterance> cue(List<String> block, int timing, int lineNumber) {
        String[] times = block.get(timing).split("-->");
        if (times.length != 2) {
            throw new TranscriptParseException("line " + lineNumber + ": a timing line has one '-->'");
        }
        double start = Timestamps.seconds(times[0], lineNumber);
        // WebVTT allows cue settings after the end time ("00:05.000 align:start").
        double end = Timestamps.seconds(times[1].strip().split("\\s+")[0], lineNumber);
        if (end < start) {
            throw new TranscriptParseException("line " + lineNumber + ": the cue ends before it starts");
        }
        String speaker = null;
        StringBuilder text = new StringBuilder();
        for (String raw : block.subList(timing + 1, block.size())) {
            String line = raw.strip();
            Matcher voice = VOICE.matcher(line);
            if (voice.find()) {
                speaker = voice.group(1).strip();
            }
            line = TAG.matcher(line).replaceAll("").strip();
            if (speaker == null && text.isEmpty()) {
                Optional<SpeakerPrefix.Split> split = SpeakerPrefix.split(line);
                if (split.isPresent()) {
                    speaker = split.get().speaker();
                    line = split.get().text();
                }
            }
            if (!line.isEmpty()) {
                text.append(text.isEmpty() ? "" : " ").append(line);
            }
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(new Utterance(speaker, start, end, text.toString()));
    }

    private static int indexOfTiming(List<String> block) {
        for (int i = 0; i < block.size(); i++) {
            if (block.get(i).contains("-->")) {
                return i;
            }
        }
        return -1;
    }

    private static int skipBlock(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && !lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }
}
