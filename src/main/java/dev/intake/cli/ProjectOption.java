package dev.intake.cli;

import java.util.Optional;
import java.util.UUID;

import picocli.CommandLine;
import picocli.CommandLine.Option;

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

    public Optional<UUID> project() {
        return Optional.ofNullable(project);
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
