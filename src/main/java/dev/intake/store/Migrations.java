package dev.intake.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import io.quarkus.arc.InactiveBeanException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** The Flyway migrations of src/main/resources/db/migration, run on request, never at function start. */
@ApplicationScoped
public class Migrations {

    private final Instance<Flyway> flyway;

    Migrations(Instance<Flyway> flyway) {
        this.flyway = flyway;
    }

    public MigrateResult migrate() {
        return flyway().migrate();
    }

    public String currentVersion() {
        var current = flyway().info().current();
        return current == null ? "empty" : current.getVersion().getVersion();
    }

    private Flyway flyway() {
        try {
            return flyway.get();
        } catch (InactiveBeanException e) {
            throw new IllegalStateException("no database is configured for migrations: set QUARKUS_DATASOURCE_JDBC_URL");
        }
    }
}
