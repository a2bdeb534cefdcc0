package dev.intake.cli;

import java.util.UUID;

import picocli.CommandLine;

/** Reads an interview id argument, saying plainly when it is not one. */
final class InterviewIds implements CommandLine.ITypeConverter<UUID> {

    @Override
    public UUID convert(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an interview id");
        }
    }
}
