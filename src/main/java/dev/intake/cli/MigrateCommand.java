package dev.intake.cli;

import java.util.concurrent.Callable;

import dev.intake.store.Migrations;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Applies the pending database migrations to the configured database.")
public class MigrateCommand implements Callable<Integer> {

    @Inject
    Migrations migrations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var result = migrations.migrate();
        spec.commandLine().getOut().printf("Applied %d migration(s); schema is at version %s.%n",
                result.migrationsExecuted, migrations.currentVersion());
        return 0;
    }
}
