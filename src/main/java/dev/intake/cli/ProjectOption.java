package dev.intake.cli;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --project ID}, for the commands that file interviews ({@code process}, {@code serve},
 * {@code throughput}): on a configured database the operator names the project, since Intake creates
 * no account or project there; on local data the local project is the default.
 */
public class ProjectOption {

    @Option(names = "--project", paramLabel = "ID", converter = Ids.class,
            description = "the project to file interviews under: an id of the database's projects table (the interviews"
                    + " go to its account). Required on a configured database; on local data the local project by default")
    UUID project;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The project the command files its interviews under ({@code questions}: the ones given with
     * {@code --question}, empty when none were); empty when it must not run, once the command has said
     * why on its error stream.
     */
    public Optional<ProjectChoice.Choice.Use> choose(ProjectChoice projects, List<String> questions) {
        ProjectChoice.Choice choice = projects.choose(Optional.ofNullable(project), questions);
        if (choice instanceof ProjectChoice.Choice.Refuse refused) {
            command.commandLine().getErr().println("intake " + command.name() + ": " + refused.reason());
            return Optional.empty();
        }
        return Optional.of((ProjectChoice.Choice.Use) choice);
    }

    /** Reads a project id, saying plainly when it is not one. */
    static final class Ids implements CommandLine.ITypeConverter<UUID> {
        @Override
        public UUID convert(String value) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a project id");
            }
        }
    }
}
