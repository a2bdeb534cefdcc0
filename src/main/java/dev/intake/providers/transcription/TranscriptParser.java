package dev.intake.providers.transcription;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.interview.Transcript;

/** Reads a transcript file (WebVTT, SRT, plain text, Recall.ai JSON) into a {@link Transcript}. */
public final class TranscriptParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TranscriptParser() {
    }

    /**
     * Parses at most {@code maxBytes} of UTF-8 from {@code in}; a larger file is refused rather than
     * read whole into memory.
     */
    public static Transcript parse(TranscriptFormat format, InputStream in, long maxBytes) {
        List<String> lines = readLines(in, maxBytes);
        return switch (format) {
            case WEBVTT, SRT -> CueParser.parse(format, lines);
            case PLAIN_TEXT -> PlainTextParser.parse(lines);
            case RECALL_JSON -> RecallTranscriptParser.parse(json(String.join("\n", lines)));
        };
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new TranscriptParseException("the .json file is not JSON: " + e.getOriginalMessage());
        }
    }

    private static List<String> readLines(InputStream in, long maxBytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new SizeLimitedInputStream(in, maxBytes), decoder))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
            }
        } catch (CharacterCodingException e) {
            throw new TranscriptParseException("the transcript is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
