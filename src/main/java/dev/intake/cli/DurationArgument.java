package dev.intake.cli;

import java.time.Duration;

import dev.intake.workflow.Durations;
import picocli.CommandLine;

/** A command's duration option, read as {@link Durations#parse} reads it; its refusal is picocli's usage error. */
final class DurationArgument implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
