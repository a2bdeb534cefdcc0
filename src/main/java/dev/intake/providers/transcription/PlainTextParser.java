package dev.intake.providers.transcription;

import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain text: a turn per {@code Name: text} line; a line with no prefix continues the turn above it.
 * There are no timestamps, so utterances carry none.
 */
final class PlainTextParser {

    private PlainTextParser() {
    }

    static Transcript parse(List<String> lines) {
        List<Utterance> utterances = new ArrayList<>();
        String speaker = null;
        StringBuilder text = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Optional<SpeakerPrefix.Split> split = SpeakerPrefix.split(line);
            if (split.isPresent()) {
                flush(utterances, speaker, text);
                speaker = split.get().speaker();
                text.append(split.get().text());
            } else {
                text.append(text.isEmpty() ? "" : " ").append(line);
            }
        }
        flush(utterances, speaker, text);
        if (utterances.isEmpty()) {
            throw new TranscriptParseException("the text file is empty");
        }
        return new Transcript(TranscriptFormat.PLAIN_TEXT.key(), utterances);
    }

    private static void flush(List<Utterance> utterances, String speaker, StringBuilder text) {
        if (!text.isEmpty()) {
            utterances.add(new Utterance(speaker, null, null, text.toString()));
            text.setLength(0);
        }
    }
}
