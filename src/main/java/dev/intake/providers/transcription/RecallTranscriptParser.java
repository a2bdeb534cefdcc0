package dev.intake.providers.transcription;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;

/**
 * Recall.ai's transcript: a list of turns, each a participant and the words they said, with word times
 * ({@code relative}) in seconds from the start of the recording. The participant marked {@code is_host}
 * runs the meeting: the transcript keeps them as its host.
 */
public final class RecallTranscriptParser {

    public static final String FORMAT = "recall";

    private RecallTranscriptParser() {
    }

    public static Transcript parse(JsonNode turns) {
        if (turns == null || !turns.isArray()) {
            throw new TranscriptParseException("a Recall.ai transcript is a JSON array of turns");
        }
        List<Utterance> utterances = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        for (int i = 0; i < turns.size(); i++) {
            JsonNode turn = turns.get(i);
            JsonNode words = turn.path("words");
            if (!words.isArray()) {
                throw new TranscriptParseException("turn " + i + " has no words array");
            }
            if (words.isEmpty()) {
                continue;
            }
            String speaker = turn.path("participant").path("name").asText(null);
            if (speaker != null && !speaker.isBlank() && turn.path("participant").path("is_host").asBoolean(false)) {
                hosts.add(speaker.strip());
            }
            StringBuilder text = new StringBuilder();
            for (JsonNode word : words) {
                String w = word.path("text").asText("").strip();
                if (!w.isEmpty()) {
                    text.append(text.isEmpty() ? "" : " ").append(w);
                }
            }
            if (text.isEmpty()) {
                continue;
            }
            double start = seconds(words.get(0).path("start_timestamp"), i);
            double end = Math.max(start, seconds(words.get(words.size() - 1).path("end_timestamp"), i));
            utterances.add(new Utterance(speaker, start, end, text.toString()));
        }
        if (utterances.isEmpty()) {
            throw new TranscriptParseException("the Recall.ai transcript has no words");
        }
        return new Transcript(FORMAT, utterances, hosts);
    }

    private static double seconds(JsonNode timestamp, int turn) {
        JsonNode relative = timestamp.path("relative");
        if (!relative.isNumber()) {
            throw new TranscriptParseException("turn " + turn + " has a word without a relative time in seconds");
        }
        return relative.asDouble();
    }
}
