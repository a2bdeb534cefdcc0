package dev.intake.providers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.providers.analysis.TimestampMapping.Segment;
import dev.intake.providers.analysis.TimestampMapping.Word;

/**
 * The cases of Insights' own {@code timestampMapping.test.ts}, one test each, passed by
 * {@link TimestampMapping}. Applies with a change of form only: "returns null for non-number/non-string
 * types" passes Java values standing for JavaScript's ({@code undefined} is null there too). Does not
 * apply: none.
 */
class TimestampMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void passes_through_small_numbers_as_seconds() {
        assertEquals(42.0, TimestampMapping.coerceSeconds(42));
        assertEquals(0.0, TimestampMapping.coerceSeconds(0));
        assertEquals(499.0, TimestampMapping.coerceSeconds(499));
    }

    @Test
    void converts_large_numbers_from_milliseconds_to_seconds() {
        assertEquals(1.0, TimestampMapping.coerceSeconds(1000));
        assertEquals(60.0, TimestampMapping.coerceSeconds(60000));
        assertEquals(0.501, TimestampMapping.coerceSeconds(501), 1e-9);
    }

    @Test
    void returns_null_for_non_finite_numbers() {
        assertNull(TimestampMapping.coerceSeconds(Double.NaN));
        assertNull(TimestampMapping.coerceSeconds(Double.POSITIVE_INFINITY));
        assertNull(TimestampMapping.coerceSeconds(Double.NEGATIVE_INFINITY));
    }

    @Test
    void parses_the_ms_string_format() {
        assertEquals(1.2, TimestampMapping.coerceSeconds("1200ms"), 1e-9);
        assertEquals(0.0, TimestampMapping.coerceSeconds("0ms"));
        assertEquals(0.5, TimestampMapping.coerceSeconds("500ms"), 1e-9);
    }

    @Test
    void parses_the_minutes_and_seconds_format() {
        assertEquals(150.0, TimestampMapping.coerceSeconds("2:30"));
        assertEquals(5.0, TimestampMapping.coerceSeconds("0:05"));
        assertEquals(600.0, TimestampMapping.coerceSeconds("10:00"));
    }

    @Test
    void parses_plain_numeric_strings() {
        assertEquals(42.0, TimestampMapping.coerceSeconds("42"));
        assertEquals(1.0, TimestampMapping.coerceSeconds("1000"), "over 500: milliseconds");
    }

    @Test
    void returns_null_for_invalid_strings() {
        assertNull(TimestampMapping.coerceSeconds("abc"));
        assertNull(TimestampMapping.coerceSeconds(""));
        assertNull(TimestampMapping.coerceSeconds("not:a:time:stamp"));
    }

    @Test
    void returns_null_for_non_number_non_string_types() {
        assertNull(TimestampMapping.coerceSeconds(null));
        assertNull(TimestampMapping.coerceSeconds(Map.of()));
        assertNull(TimestampMapping.coerceSeconds(List.of()));
        assertNull(TimestampMapping.coerceSeconds(true));
    }

    @Test
    void lowercases_and_splits_on_whitespace() {
        assertEquals(List.of("hello", "world"), TimestampMapping.normalizeTokens("Hello World"));
    }

    @Test
    void strips_punctuation_except_apostrophes() {
        assertEquals(List.of("it's", "a", "test"), TimestampMapping.normalizeTokens("It's a test!"));
    }

    @Test
    void handles_multiple_spaces_and_special_characters() {
        assertEquals(List.of("foo", "bar", "baz"), TimestampMapping.normalizeTokens("  foo   bar--baz  "));
    }

    @Test
    void returns_no_tokens_for_an_empty_string() {
        assertEquals(List.of(), TimestampMapping.normalizeTokens(""));
    }

    @Test
    void preserves_numbers() {
        assertEquals(List.of("version", "2", "0", "release"), TimestampMapping.normalizeTokens("version 2.0 release"));
    }

    @Test
    void search_text_is_lowercased_and_trimmed() {
        assertEquals("hello world", TimestampMapping.normalizeForSearchText("  Hello World  "));
    }

    @Test
    void replaces_smart_quotes_with_standard_quotes() {
        assertEquals("'test'", TimestampMapping.normalizeForSearchText("\u2018test\u2019"));
        assertEquals("\"test\"", TimestampMapping.normalizeForSearchText("\u201Ctest\u201D"));
    }

    @Test
    void collapses_whitespace() {
        assertEquals("foo bar baz", TimestampMapping.normalizeForSearchText("foo   bar\n\tbaz"));
    }

    @Test
    void replaces_non_breaking_spaces() {
        assertEquals("hello world", TimestampMapping.normalizeForSearchText("hello\u00A0world"));
    }

    @Test
    void search_text_is_empty_for_null() {
        assertEquals("", TimestampMapping.normalizeForSearchText(null));
    }

    @Test
    void builds_a_timeline_from_words_with_start_times() {
        assertEquals(List.of(new Word("hello", 1.0), new Word("world", 1.5)), TimestampMapping.buildWordTimeline(
                json("{'words': [{'text': 'Hello', 'start': 1.0}, {'text': 'world', 'start': 1.5}]}")));
    }

    @Test
    void handles_start_ms() {
        assertEquals(List.of(new Word("test", 5.0)),
                TimestampMapping.buildWordTimeline(json("{'words': [{'text': 'Test', 'start_ms': 5000}]}")));
    }

    @Test
    void skips_words_without_a_valid_start_time() {
        assertEquals(2, TimestampMapping.buildWordTimeline(json(
                "{'words': [{'text': 'Good', 'start': 1}, {'text': 'Bad'}, {'text': 'Also good', 'start': 2}]}")).size());
    }

    @Test
    void skips_empty_or_invalid_words() {
        List<Word> timeline = TimestampMapping.buildWordTimeline(
                json("{'words': [null, {'text': '', 'start': 1}, {'text': 'ok', 'start': 2}]}"));
        assertEquals(1, timeline.size());
        assertEquals("ok", timeline.get(0).text());
    }

    @Test
    void no_words_without_a_words_array() {
        assertEquals(List.of(), TimestampMapping.buildWordTimeline(json("{}")));
        assertEquals(List.of(), TimestampMapping.buildWordTimeline(json("{'words': 'not an array'}")));
    }

    @Test
    void builds_segments_from_utterances() {
        assertEquals(List.of(new Segment("Hello there", 10.0)),
                TimestampMapping.buildSegmentTimeline(json("{'utterances': [{'text': 'Hello there', 'start': 10}]}")));
    }

    @Test
    void builds_segments_from_speaker_transcripts() {
        assertEquals(List.of(new Segment("Speaker A said this", 5.0)), TimestampMapping.buildSegmentTimeline(
                json("{'speaker_transcripts': [{'text': 'Speaker A said this', 'start': 5}]}")));
    }

    @Test
    void builds_segments_from_segments() {
        assertEquals(List.of(new Segment("Segment text", 20.0)),
                TimestampMapping.buildSegmentTimeline(json("{'segments': [{'text': 'Segment text', 'start': 20}]}")));
    }

    @Test
    void combines_multiple_sources() {
        assertEquals(2, TimestampMapping.buildSegmentTimeline(json(
                "{'utterances': [{'text': 'From utterances', 'start': 1}], 'segments': [{'text': 'From segments', 'start': 2}]}"))
                .size());
    }

    @Test
    void uses_the_gist_when_there_is_no_text() {
        assertEquals(List.of(new Segment("Gist text", 5.0)),
                TimestampMapping.buildSegmentTimeline(json("{'utterances': [{'gist': 'Gist text', 'start': 5}]}")));
    }

    @Test
    void keeps_segments_without_a_start() {
        assertEquals(List.of(new Segment("No timing", null)),
                TimestampMapping.buildSegmentTimeline(json("{'utterances': [{'text': 'No timing'}]}")));
    }

    @Test
    void no_segments_without_data() {
        assertEquals(List.of(), TimestampMapping.buildSegmentTimeline(json("{}")));
    }

    private static final List<Word> WORDS = List.of(new Word("the", 0), new Word("onboarding", 1), new Word("process", 2),
            new Word("was", 3), new Word("really", 4), new Word("painful", 5), new Word("for", 6), new Word("our", 7),
            new Word("team", 8));
    private static final List<Segment> SEGMENTS = List.of(
            new Segment("The onboarding process was really painful for our team", 0.0),
            new Segment("We spent three weeks just getting set up", 10.0));

    @Test
    void matches_by_word_tokens_first() {
        assertEquals(1.0, TimestampMapping.findStartSeconds("onboarding process was", WORDS, List.of(), null, null));
    }

    @Test
    void falls_back_to_a_segment_containing_the_quote() {
        assertEquals(0.0, TimestampMapping.findStartSeconds("really painful for our team", List.of(), SEGMENTS, null, null));
    }

    @Test
    void falls_back_to_the_segment_sharing_most_words() {
        assertEquals(0.0, TimestampMapping.findStartSeconds("onboarding painful team setup", List.of(), SEGMENTS, null, null));
    }

    @Test
    void falls_back_to_the_quotes_place_in_the_whole_transcript() {
        Double start = TimestampMapping.findStartSeconds("three weeks", List.of(), List.of(),
                "The onboarding process was really painful for our team. We spent three weeks just getting set up.", 100.0);
        assertTrue(start > 40 && start < 80, String.valueOf(start));
    }

    @Test
    void returns_null_when_nothing_matches() {
        assertNull(TimestampMapping.findStartSeconds("completely unrelated text not in any source", List.of(), List.of(),
                null, null));
    }

    @Test
    void handles_an_empty_quote() {
        assertNull(TimestampMapping.findStartSeconds("", WORDS, SEGMENTS, null, null));
    }
}
