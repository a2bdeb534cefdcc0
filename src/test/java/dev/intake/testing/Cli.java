package dev.intake.testing;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.intake.cli.IntakeCli;
import picocli.CommandLine;

/** Runs an `intake` command in the test's application, as a person would type it, and keeps what it printed. */
public final class Cli {

    public record Run(int exit, String out, String err) {
    }

    private Cli() {
    }

    public static Run run(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = IntakeCli.commandLine(factory).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
