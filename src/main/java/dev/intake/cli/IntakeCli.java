package dev.intake.cli;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** Runs the picocli command tree inside the started application, with CDI creating the commands. */
public class IntakeCli implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    @Override
    public int run(String... args) {
        return new CommandLine(IntakeCommand.class, factory).execute(args);
    }
}
