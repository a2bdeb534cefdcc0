package dev.intake.providers.transcription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;
import dev.intake.testing.TestData;

class TranscriptParserTest {

    private static final long LIMIT = 1_000_000;

    private static Transcript parse(TranscriptFormat format, String text) {
        return TranscriptParser.parse(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), LIMIT);
    }

    @Test
    void webvtt_keeps_voice_tag_speakers_and_cue_times() {
        Transcript t = parse(TranscriptFormat.WEBVTT, TestData.sample("onboarding-interview.vtt"));
        assertEquals("webvtt", t.format());
        assertEquals(List.of("Priya Raman", "Dana Whitfield"), t.speakers());
        assertEquals(22, t.utterances().size());
        Utterance first = t.utterances().get(0);
        assertEquals(new Utterance("Priya Raman", 1.5, 6.0, "Thanks for making time today. Could you start by telling me what your team does?"), first);
        assertEquals(151.5, t.durationSec(), 1e-9);
    }

    @Test
    void a_json_file_is_read_as_recall_ais_transcript() throws java.io.IOException {
        String recall = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/contracts/recall-transcript.json"));
        assertEquals(java.util.Optional.of(TranscriptFormat.RECALL_JSON), TranscriptFormat.forFileName("call.JSON"));

        Transcript t = parse(TranscriptFormat.RECALL_JSON, recall);

        assertEquals("recall", t.format());
        assertEquals("Priya Raman", t.utterances().get(0).speaker());
        assertEquals(1.52, t.utterances().get(0).startSec(), 1e-9);
        TranscriptParseException notJson = assertThrows(TranscriptParseException.class,
                () -> parse(TranscriptFormat.RECALL_JSON, "WEBVTT\n\n00:00.000 --> 00:01.000\nhello"));
        assertTrue(notJson.getMessage().startsWith("the .json file is not JSON"), notJson.getMessage());
    }

    @Test
    void srt_takes_speakers_from_name_prefixes_and_comma_milliseconds() {
        Transcript t = parse(TranscriptFormat.SRT, TestData.sample("pricing-interview.srt"));
        assertEquals(List.of("Interviewer", "Sam Okafor"), t.speakers());
        Utterance second = t.utterances().get(1);
        assertEquals("Sam Okafor", second.speaker());
        assertEquals(5.2, second.startSec(), 1e-9);
        assertEquals(14.9, second.endSec(), 1e-9);
        assertTrue(second.text().startsWith("Our invoices kept failing"));
    }

    @Test
    void plain_text_has_speakers_but_no_times() {
        Transcript t = parse(TranscriptFormat.PLAIN_TEXT, TestData.sample("standup-notes.txt"));
        assertEquals(List.of("Interviewer", "Lee Chen"), t.speakers());
        assertEquals(8, t.utterances().size());
        assertNull(t.utterances().get(0).startSec());
        assertEquals(0, t.durationSec());
    }

    @Test
    void plain_text_lines_without_a_speaker_continue_the_turn_above() {
        Transcript t = parse(TranscriptFormat.PLAIN_TEXT, "Ana: first line\nsecond line\nBo: reply\n");
        assertEquals(List.of("first line second line", "reply"), t.utterances().stream().map(Utterance::text).toList());
    }

    @Test
    void webvtt_cue_settings_identifiers_notes_and_styling_tags_are_understood() {
        String vtt = """
                WEBVTT - with a title

                NOTE a comment
                spanning lines

                intro
                00:01.000 --> 00:04.250 align:start position:10%
                <v.loud Ana Ruiz><i>Hello</i> there.

                00:01:05.000 --> 00:01:07.000
                Bo: Hi.
                """;
        Transcript t = parse(TranscriptFormat.WEBVTT, vtt);
        assertEquals(List.of(new Utterance("Ana Ruiz", 1.0, 4.25, "Hello there."),
                new Utterance("Bo", 65.0, 67.0, "Hi.")), t.utterances());
    }

    @Test
    void a_webvtt_file_without_its_header_is_refused() {
        var e = assertThrows(TranscriptParseException.class,
                () -> parse(TranscriptFormat.WEBVTT, "00:01.000 --> 00:02.000\nhi\n"));
        assertEquals("line 1: a WebVTT file starts with 'WEBVTT'", e.getMessage());
    }

    @Test
    void a_bad_timestamp_is_refused_with_its_line() {
        var e = assertThrows(TranscriptParseException.class,
                () -> parse(TranscriptFormat.SRT, "1\n00:00:01,000 --> 00:00:xx,000\nhi\n"));
        assertEquals("line 2: '00:00:xx,000' is not a timestamp", e.getMessage());
    }

    @Test
    void a_cue_that_ends_before_it_starts_is_refused() {
        var e = assertThrows(TranscriptParseException.class,
                () -> parse(TranscriptFormat.SRT, "1\n00:00:05,000 --> 00:00:01,000\nhi\n"));
        assertTrue(e.getMessage().contains("ends before it starts"), e.getMessage());
    }

    @Test
    void an_srt_block_without_a_timing_line_is_refused() {
        var e = assertThrows(TranscriptParseException.class, () -> parse(TranscriptFormat.SRT, "just some prose\n"));
        assertTrue(e.getMessage().startsWith("line 1: expected a cue timing line"), e.getMessage());
    }

    @Test
    void an_empty_transcript_is_refused() {
        assertThrows(TranscriptParseException.class, () -> parse(TranscriptFormat.PLAIN_TEXT, "\n\n"));
        assertThrows(TranscriptParseException.class, () -> parse(TranscriptFormat.WEBVTT, "WEBVTT\n\n"));
    }

    @Test
    void bytes_that_are_not_utf8_are_refused() {
        byte[] latin1 = "Ana: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        var e = assertThrows(TranscriptParseException.class, () -> TranscriptParser.parse(
                TranscriptFormat.PLAIN_TEXT, new ByteArrayInputStream(latin1), LIMIT));
        assertEquals("the transcript is not UTF-8 text", e.getMessage());
    }

    @Test
    void a_transcript_over_the_size_limit_is_refused_without_reading_it_all() {
        byte[] big = "Ana: words words words\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(TranscriptParseException.class, () -> TranscriptParser.parse(
                TranscriptFormat.PLAIN_TEXT, new ByteArrayInputStream(big), 1024));
        assertEquals("the transcript is larger than the 1024-byte limit", e.getMessage());
    }

    @Test
    void the_format_comes_from_the_file_extension() {
        assertEquals(TranscriptFormat.WEBVTT, TranscriptFormat.forFileName("Call.VTT").orElseThrow());
        assertEquals(TranscriptFormat.SRT, TranscriptFormat.forFileName("a.b.srt").orElseThrow());
        assertEquals(TranscriptFormat.PLAIN_TEXT, TranscriptFormat.forFileName("notes.txt").orElseThrow());
        assertTrue(TranscriptFormat.forFileName("call.mp4").isEmpty());
    }
}
