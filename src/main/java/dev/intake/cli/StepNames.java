package dev.intake.cli;

import dev.intake.workflow.Step;
import picocli.CommandLine;

/** Reads a step argument by the name the UI uses ({@code enrich-person}). */
final class StepNames implements CommandLine.ITypeConverter<Step> {

    @Override
    public Step convert(String value) {
        try {
            return Step.requireKey(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
