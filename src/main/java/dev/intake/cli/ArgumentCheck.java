package dev.intake.cli;

import java.util.Optional;

import picocli.CommandLine;

/**
 * The command line read before anything starts: a mistyped id or duration is refused in a line, without
 * first starting an embedded PostgreSQL and S3 server for a command that will not run.
 */
public final class ArgumentCheck {

    private ArgumentCheck() {
    }

    /** What is wrong with {@code args}, as the command would say it; empty when they parse. */
    public static Optional<String> problem(String... args) {
        CommandLine line = IntakeCli.commandLine(CommandLine.defaultFactory());
        try {
            line.parseArgs(args);
            return Optional.empty();
        } catch (CommandLine.ParameterException e) {
            String command = e.getCommandLine().getCommandName();
            return Optional.of("intake" + (command.equals("intake") ? "" : " " + command) + ": " + e.getMessage()
                    + " (see intake " + (command.equals("intake") ? "" : command + " ") + "--help)");
        }
    }
}
