package dev.intake.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.intake.interview.PeopleResolution.Metadata;
import dev.intake.interview.PeopleResolution.Name;
import dev.intake.interview.PeopleResolution.Participant;
import dev.intake.interview.PeopleResolution.Resolved;
import dev.intake.interview.PeopleResolution.Source;

/**
 * The cases of Insights' own {@code peopleResolution.test.ts}, one test each, passed by
 * {@link PeopleResolution}; and Intake's rule beyond them, that an honorific is never a first name.
 * Applies with a change of form only: {@code coerceString} answers an Optional where TypeScript answers
 * null. Does not apply: {@code resolveName}'s index argument, which Insights' own function never reads.
 */
class PeopleResolutionTest {

    @Test
    void detects_numbered_participants() {
        assertTrue(PeopleResolution.isGenericPersonLabel("Participant 1"));
        assertTrue(PeopleResolution.isGenericPersonLabel("participant 2"));
        assertTrue(PeopleResolution.isGenericPersonLabel("Participant A"));
        assertTrue(PeopleResolution.isGenericPersonLabel("PARTICIPANT_1"));
    }

    @Test
    void detects_speakers() {
        assertTrue(PeopleResolution.isGenericPersonLabel("Speaker A"));
        assertTrue(PeopleResolution.isGenericPersonLabel("speaker 1"));
        assertTrue(PeopleResolution.isGenericPersonLabel("SPEAKER B"));
    }

    @Test
    void detects_interviewers_and_moderators() {
        assertTrue(PeopleResolution.isGenericPersonLabel("Interviewer"));
        assertTrue(PeopleResolution.isGenericPersonLabel("Moderator"));
        assertTrue(PeopleResolution.isGenericPersonLabel("Facilitator"));
    }

    @Test
    void detects_ordinal_labels() {
        assertTrue(PeopleResolution.isGenericPersonLabel("Participant One"));
        assertTrue(PeopleResolution.isGenericPersonLabel("Speaker Two"));
        assertTrue(PeopleResolution.isGenericPersonLabel("Participant First"));
    }

    @Test
    void detects_other_generic_labels() {
        for (String label : new String[] {"Customer", "Interviewee", "User", "Client", "Respondent", "Guest", "Attendee"}) {
            assertTrue(PeopleResolution.isGenericPersonLabel(label), label);
        }
    }

    @Test
    void does_not_flag_real_names() {
        assertFalse(PeopleResolution.isGenericPersonLabel("Sarah Chen"));
        assertFalse(PeopleResolution.isGenericPersonLabel("John"));
        assertFalse(PeopleResolution.isGenericPersonLabel("Dr. Smith"));
    }

    @Test
    void returns_false_for_null_or_empty() {
        assertFalse(PeopleResolution.isGenericPersonLabel(null));
        assertFalse(PeopleResolution.isGenericPersonLabel(""));
        assertFalse(PeopleResolution.isGenericPersonLabel("   "));
    }

    @Test
    void splits_two_part_names() {
        assertEquals(new Name("Sarah", "Chen"), PeopleResolution.parseFullName("Sarah Chen"));
    }

    @Test
    void handles_single_word_names() {
        assertEquals(new Name("Madonna", null), PeopleResolution.parseFullName("Madonna"));
    }

    @Test
    void joins_multi_part_last_names() {
        assertEquals(new Name("Mary", "Jane Watson"), PeopleResolution.parseFullName("Mary Jane Watson"));
    }

    @Test
    void handles_empty_string() {
        assertEquals(new Name("", null), PeopleResolution.parseFullName(""));
    }

    @Test
    void trims_whitespace() {
        assertEquals(new Name("John", "Doe"), PeopleResolution.parseFullName("  John   Doe  "));
    }

    @Test
    void an_honorific_is_never_a_first_name() {
        assertEquals(new Name(null, "Okafor"), PeopleResolution.personName("Dr. Okafor"));
        assertEquals(new Name("Amara", "Okafor"), PeopleResolution.personName("Dr. Amara Okafor"));
        assertEquals(new Name("Ana", "María Ruiz"), PeopleResolution.personName("Prof Ana María Ruiz"));
        assertEquals("Okafor", PeopleResolution.personName("Dr. Okafor").full());
        assertEquals(new Name("Drew", "Barry"), PeopleResolution.personName("Drew Barry"), "a name that only starts like one");
    }

    @Test
    void uses_participant_name_when_available() {
        assertEquals("Sarah Chen", PeopleResolution.generateFallbackPersonName(new Metadata("Sarah Chen", null)));
    }

    @Test
    void trims_participant_name() {
        assertEquals("Sarah", PeopleResolution.generateFallbackPersonName(new Metadata("  Sarah  ", null)));
    }

    @Test
    void falls_back_to_unknown_participant_when_no_name_is_available() {
        assertEquals("Unknown Participant", PeopleResolution.generateFallbackPersonName(Metadata.none()));
    }

    @Test
    void ignores_placeholder_participant_names() {
        assertEquals("Unknown Participant", PeopleResolution.generateFallbackPersonName(new Metadata("Participant 1", null)));
        assertEquals("Unknown Participant", PeopleResolution.generateFallbackPersonName(new Metadata("Speaker A", null)));
    }

    @Test
    void converts_underscores_to_spaces_and_title_cases() {
        assertEquals("John Doe", PeopleResolution.humanizeKey("john_doe"));
    }

    @Test
    void converts_hyphens_to_spaces() {
        assertEquals("Sarah Chen", PeopleResolution.humanizeKey("sarah-chen"));
    }

    @Test
    void handles_mixed_separators() {
        assertEquals("First Name Last", PeopleResolution.humanizeKey("first_name-last"));
    }

    @Test
    void collapses_multiple_separators() {
        assertEquals("Foo Bar Baz", PeopleResolution.humanizeKey("foo___bar--baz"));
    }

    @Test
    void humanize_returns_null_for_null_or_empty() {
        assertNull(PeopleResolution.humanizeKey(null));
        assertNull(PeopleResolution.humanizeKey(""));
    }

    @Test
    void returns_trimmed_string_value() {
        assertEquals("person-1", PeopleResolution.sanitizePersonKey("person-1", "fallback"));
        assertEquals("key", PeopleResolution.sanitizePersonKey("  key  ", "fallback"));
    }

    @Test
    void returns_fallback_for_empty_or_non_string() {
        assertEquals("fallback", PeopleResolution.sanitizePersonKey("", "fallback"));
        assertEquals("fallback", PeopleResolution.sanitizePersonKey("  ", "fallback"));
        assertEquals("fallback", PeopleResolution.sanitizePersonKey(null, "fallback"));
        assertEquals("fallback", PeopleResolution.sanitizePersonKey(42, "fallback"));
    }

    @Test
    void coerce_returns_trimmed_string() {
        assertEquals(Optional.of("hello"), PeopleResolution.coerceString("  hello  "));
    }

    @Test
    void coerce_returns_nothing_for_empty_string_after_trim() {
        assertEquals(Optional.empty(), PeopleResolution.coerceString(""));
        assertEquals(Optional.empty(), PeopleResolution.coerceString("   "));
    }

    @Test
    void coerce_returns_nothing_for_non_string_types() {
        assertEquals(Optional.empty(), PeopleResolution.coerceString(null));
        assertEquals(Optional.empty(), PeopleResolution.coerceString(42));
        assertEquals(Optional.empty(), PeopleResolution.coerceString(Map.of()));
    }

    private static final Metadata META = new Metadata("Meta Name", null);

    @Test
    void prefers_display_name() {
        assertEquals(new Resolved("Sarah Chen", Source.DISPLAY),
                PeopleResolution.resolveName(new Participant("Sarah Chen", null, "speaker-a"), META));
    }

    @Test
    void falls_back_to_inferred_name() {
        assertEquals(new Resolved("John Doe", Source.INFERRED),
                PeopleResolution.resolveName(new Participant(null, "John Doe", "speaker-a"), META));
    }

    @Test
    void falls_back_to_humanized_person_key() {
        assertEquals(new Resolved("John Doe", Source.PERSON_KEY),
                PeopleResolution.resolveName(new Participant(null, null, "john_doe"), Metadata.none()));
    }

    @Test
    void falls_back_to_metadata_participant_name() {
        assertEquals(new Resolved("Meta Name", Source.METADATA),
                PeopleResolution.resolveName(new Participant(null, null, ""), META));
    }

    @Test
    void falls_back_to_unknown_participant_when_nothing_matches() {
        assertEquals(new Resolved("Unknown Participant", Source.FALLBACK),
                PeopleResolution.resolveName(new Participant(null, null, ""), Metadata.none()));
    }

    @Test
    void skips_empty_or_whitespace_only_candidates() {
        assertEquals(new Resolved("Real Name", Source.INFERRED),
                PeopleResolution.resolveName(new Participant("   ", "Real Name", "speaker-a"), Metadata.none()));
    }

    @Test
    void skips_generic_placeholder_labels_across_all_candidate_sources() {
        assertEquals(new Resolved("Unknown Participant", Source.FALLBACK),
                PeopleResolution.resolveName(new Participant("Speaker A", "Participant 1", "participant_1"),
                        new Metadata("Participant 1", "Moderator")));
    }
}
