package dev.intake.cli;

import java.util.concurrent.Callable;

import org.flywaydb.core.Flyway;

import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Applies the pending database migrations to the configured database.")
public class MigrateCommand implements Callable<Integer> {

    @Inject
    Flyway flyway;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var result = flyway.migrate();
        spec.commandLine().getOut().printf("Applied %d migration(s); schema is at version %s.%n",
                result.migrationsExecuted, flyway.info().current().getVersion());
        return 0;
    }
}
