package dev.intake.interview;

import java.util.List;
import java.util.UUID;

/**
 * A theme the project already has (from its other interviews, Insights or a person), with some of the
 * quotes linked to it: what a new interview's themes are compared with, so that a pattern seen again
 * gathers its evidence in one theme instead of a second one of another name.
 */
public record ProjectTheme(UUID id, String name, String statement, List<String> quotes) {
    public ProjectTheme {
        quotes = List.copyOf(quotes);
    }
}
