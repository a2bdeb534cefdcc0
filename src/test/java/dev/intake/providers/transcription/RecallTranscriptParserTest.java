package dev.intake.providers.transcription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;

class RecallTranscriptParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void turns_become_utterances_with_times_in_seconds() throws IOException {
        Transcript t = RecallTranscriptParser.parse(JSON.readTree(
                Files.readString(Path.of("src/test/resources/contracts/recall-transcript.json"))));
        assertEquals(List.of("Priya Raman", "Dana Whitfield"), t.speakers());
        assertEquals(4, t.utterances().size());
        Utterance dana = t.utterances().get(1);
        assertEquals("Dana Whitfield", dana.speaker());
        assertEquals(6.4, dana.startSec(), 1e-9);
        assertEquals(14.2, dana.endSec(), 1e-9);
        assertEquals("Honestly it's painful. We copy the same spreadsheet for every hire and it takes about two weeks"
                + " before they can ship a report.", dana.text());
        assertEquals(22.6, t.durationSec(), 1e-9);
    }

    @Test
    void a_transcript_that_is_not_a_list_of_turns_is_refused() throws IOException {
        assertThrows(TranscriptParseException.class, () -> RecallTranscriptParser.parse(JSON.readTree("{}")));
        assertThrows(TranscriptParseException.class, () -> RecallTranscriptParser.parse(JSON.readTree("[{\"words\": 3}]")));
        assertThrows(TranscriptParseException.class, () -> RecallTranscriptParser.parse(JSON.readTree("[]")));
        assertThrows(TranscriptParseException.class, () -> RecallTranscriptParser.parse(JSON.readTree(
                "[{\"participant\": {\"name\": \"A\"}, \"words\": [{\"text\": \"hi\", \"start_timestamp\": {}}]}]")));
    }
}
