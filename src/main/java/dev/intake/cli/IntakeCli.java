package dev.intake.cli;

import dev.intake.local.StartupTrace;
import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** Runs the picocli command tree inside the started application, with CDI creating the commands. */
public class IntakeCli implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    @Override
    public int run(String... args) {
        StartupTrace.mark("application started");
        return commandLine(factory).execute(args);
    }

    /** The command tree as the launcher runs it (tests run it the same way). */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(IntakeCommand.class, factory).setExecutionStrategy(IntakeCli::execute)
                .setExecutionExceptionHandler(IntakeCli::report)
                .registerConverter(java.time.Duration.class, new DurationArgument());
    }

    /** Before a command runs, one line on stderr says which database and bucket it works on. */
    private static int execute(CommandLine.ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        List<CommandLine> chosen = parsed.asCommandLineList();
        CommandLine command = chosen.get(chosen.size() - 1);
        if (chosen.size() > 1) {
            command.getErr().println(Arc.container().instance(CommandTarget.class).get().describe(command.getCommandName()));
            command.getErr().flush();
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** A failed command says what went wrong in a line, not a stack trace; exit code 1. */
    private static int report(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        StringBuilder message = new StringBuilder("intake " + command.getCommandName() + ": " + failure.getMessage());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append(System.lineSeparator()).append("  caused by: ").append(cause.getMessage());
        }
        command.getErr().println(message);
        return 1;
    }
}
