package dev.intake.cli;

import java.util.concurrent.Callable;

import dev.intake.store.Migrations;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Applies the pending database migrations to the configured database.",
                "On an existing Insights database it adds only Intake's columns, indexes and its own `intake`"
                        + " schema, and never rewrites a row; on an empty one it creates the Insights tables first."})
public class MigrateCommand implements Callable<Integer> {

    @Inject
    Migrations migrations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var result = migrations.migrate();
        var out = spec.commandLine().getOut();
        switch (result.found()) {
            case EXISTING_INSIGHTS -> out.println("Found an existing Insights database: its tables are used as they are.");
            case EMPTY -> out.println("Found an empty database: creating the Insights tables.");
            case MIGRATED_BEFORE -> { }
        }
        out.printf("Applied %d migration(s); schema is at version %s.%n",
                result.migrate().migrationsExecuted, migrations.currentVersion());
        return 0;
    }
}
