package dev.intake.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Insights' rules for when a title is generated and how a generated one is kept. */
class InterviewTitleTest {

    @Test
    void no_title_a_recording_time_and_the_media_file_name_are_placeholders() {
        assertTrue(InterviewTitle.isPlaceholder(null, "call.mp4"));
        assertTrue(InterviewTitle.isPlaceholder("  ", "call.mp4"));
        assertTrue(InterviewTitle.isPlaceholder("Dec-17 02:30pm", "call.mp4"), "Insights' timestamp title");
        assertTrue(InterviewTitle.isPlaceholder("Jan-5 9:05 recording", null));
        assertTrue(InterviewTitle.isPlaceholder("call.mp4", "call.mp4"));
    }

    @Test
    void a_title_someone_chose_is_not_a_placeholder() {
        assertFalse(InterviewTitle.isPlaceholder("Dana, onboarding", "call.mp4"));
        assertFalse(InterviewTitle.isPlaceholder("Recorded Meeting on pricing", "call.mp4"));
        assertFalse(InterviewTitle.isPlaceholder("dec-17 02:30pm", null), "the pattern starts with a capital");
        assertFalse(InterviewTitle.isPlaceholder("call.mp4", null));
    }

    @Test
    void a_generated_title_loses_quotes_and_closing_punctuation_and_untitled_is_none() {
        assertEquals(Optional.of("Analyst Onboarding"), InterviewTitle.clean("\"Analyst Onboarding.\""));
        assertEquals(Optional.of("Pricing Pain"), InterviewTitle.clean("  Pricing Pain!? "));
        assertEquals(Optional.empty(), InterviewTitle.clean("Untitled"));
        assertEquals(Optional.empty(), InterviewTitle.clean(null));
        assertEquals(Optional.empty(), InterviewTitle.clean("\"\""));
        assertEquals(100, InterviewTitle.clean("x".repeat(150)).orElseThrow().length());
    }
}
