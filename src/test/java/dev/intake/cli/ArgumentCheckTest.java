package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The command line is read, and refused, before any server would start. */
class ArgumentCheckTest {

    @Test
    void a_malformed_interview_id_is_refused_naming_the_command() {
        assertEquals(Optional.of("intake diagnose: Invalid value for positional parameter at index 0 (ID):"
                + " 'not-a-uuid' is not an interview id (see intake diagnose --help)"), ArgumentCheck.problem("diagnose", "not-a-uuid"));
    }

    @Test
    void a_malformed_duration_and_an_unknown_option_are_refused() {
        String duration = ArgumentCheck.problem("repair", "--stuck", "--older-than", "2 weeks").orElseThrow();
        assertTrue(duration.startsWith("intake repair: Invalid value for option '--older-than': '2 weeks' is not a duration"), duration);
        String unknown = ArgumentCheck.problem("sweep", "--olderthan", "1h").orElseThrow();
        assertTrue(unknown.startsWith("intake sweep: Unknown options: '--olderthan', '1h'"), unknown);
    }

    @Test
    void well_formed_arguments_pass() {
        assertEquals(Optional.empty(), ArgumentCheck.problem("repair", "--stuck", "--older-than", "90m", "--dry-run"));
        assertEquals(Optional.empty(), ArgumentCheck.problem("diagnose", "5b0c8a2e-4e36-4f0e-9a55-0d7f5a3c1e10"));
        assertEquals(Optional.empty(), ArgumentCheck.problem("process", "samples/onboarding-interview.vtt", "--timeout", "5m"));
    }
}
