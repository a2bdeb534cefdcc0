package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Durations on the command line, as people write them and as ISO-8601. */
class DurationArgumentTest {

    private final DurationArgument durations = new DurationArgument();

    @Test
    void short_forms_and_their_combinations() {
        assertEquals(Duration.ofMinutes(90), durations.convert("90m"));
        assertEquals(Duration.ofHours(1), durations.convert("1h"));
        assertEquals(Duration.ofDays(2), durations.convert("2d"));
        assertEquals(Duration.ofSeconds(45), durations.convert("45s"));
        assertEquals(Duration.ofMillis(500), durations.convert("500ms"));
        assertEquals(Duration.ofMinutes(90), durations.convert("1h30m"));
    }

    @Test
    void iso_8601_in_any_case() {
        assertEquals(Duration.ofMinutes(15), durations.convert("PT15M"));
        assertEquals(Duration.ofMinutes(15), durations.convert("pt15m"));
        assertEquals(Duration.ofDays(1), durations.convert("P1D"));
    }

    @Test
    void anything_else_is_refused_saying_how_to_write_one() {
        for (String wrong : new String[] {"2 weeks", "15", "m15", "1.5h", "PTX", ""}) {
            CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                    () -> durations.convert(wrong), wrong);
            assertEquals("'" + wrong + "' is not a duration: write it as 90s, 15m, 1h30m, 2d or ISO-8601 (PT15M)", e.getMessage());
        }
        assertEquals("'-PT5M' is negative: a duration here is a length of time",
                assertThrows(CommandLine.TypeConversionException.class, () -> durations.convert("-PT5M")).getMessage());
    }
}
