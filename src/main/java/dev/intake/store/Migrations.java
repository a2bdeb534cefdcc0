package dev.intake.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import io.quarkus.arc.InactiveBeanException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The Flyway migrations of src/main/resources/db/migration, run on request, never at function start.
 * Their history lives in the {@code intake} schema. On a database that already holds Insights'
 * tables (a live Supabase project) V1, which creates them, is recorded as the baseline instead of
 * run, so only the additive migrations after it apply.
 */
@ApplicationScoped
public class Migrations {

    /** The version that creates the Insights tables on an empty database. */
    static final String INSIGHTS_TABLES_VERSION = "1";

    /**
     * V2's checksum as released before it stopped turning triggers off and dropping the old pipeline's job table
     * with CASCADE. A database that recorded it ran the same merge (or, having no such table, the
     * same no-op), so its record is moved to the current checksum instead of failing validation.
     */
    static final int PREVIOUS_V2_CHECKSUM = -796278100;

    /** V2's checksum as Flyway computes it today (MigrationsTest checks it against Flyway's). */
    static final int V2_CHECKSUM = 1095082130;

    /** Run through JDBC before Flyway, on its history table, so not in the catalog of application statements. */
    static final String ACCEPT_PREVIOUS_V2 = """
            UPDATE intake.flyway_schema_history SET checksum = ?
            WHERE version = '2' AND checksum = ? AND success""";

    private final Instance<Flyway> flyway;

    Migrations(Instance<Flyway> flyway) {
        this.flyway = flyway;
    }

    /** What the database held before migrating, as {@link #migrate()} found it. */
    public enum Found {
        /** No Insights tables: Intake creates them. */
        EMPTY,
        /** Insights' tables without Intake's history: V1 is the baseline. */
        EXISTING_INSIGHTS,
        /** Intake has migrated this database before. */
        MIGRATED_BEFORE
    }

    public record Result(Found found, MigrateResult migrate) {
    }

    public Result migrate() {
        return migrate(flyway());
    }

    /** Migrates the database {@code flyway} is configured for, baselining an existing Insights one first. */
    static Result migrate(Flyway flyway) {
        Found found = inspect(flyway.getConfiguration().getDataSource());
        if (found == Found.MIGRATED_BEFORE) {
            acceptPreviousV2(flyway.getConfiguration().getDataSource());
        }
        if (found == Found.EXISTING_INSIGHTS) {
            Flyway.configure().configuration(flyway.getConfiguration())
                    .baselineVersion(INSIGHTS_TABLES_VERSION)
                    .baselineDescription("existing Insights database: its tables are used as they are")
                    .load()
                    .baseline();
        }
        return new Result(found, flyway.migrate());
    }

    public String currentVersion() {
        var current = flyway().info().current();
        return current == null ? "empty" : current.getVersion().getVersion();
    }

    private static Found inspect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection, "intake.flyway_schema_history")) {
                return Found.MIGRATED_BEFORE;
            }
            if (exists(connection, "public.flyway_schema_history") && !exists(connection, "accounts.account_user")) {
                throw new IllegalStateException("this database holds the schema of an Intake release before 0.2"
                        + " (its migration history is public.flyway_schema_history, and Insights' accounts schema"
                        + " is missing); Intake now runs on the Insights schema. For local data, delete the"
                        + " .intake folder; otherwise point Intake at the Insights database");
            }
            return exists(connection, "public.interviews") ? Found.EXISTING_INSIGHTS : Found.EMPTY;
        } catch (SQLException e) {
            throw new IllegalStateException("could not inspect the database before migrating: " + e.getMessage(), e);
        }
    }

    private static void acceptPreviousV2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(ACCEPT_PREVIOUS_V2)) {
            statement.setInt(1, V2_CHECKSUM);
            statement.setInt(2, PREVIOUS_V2_CHECKSUM);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record V2's current checksum before migrating: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String relation) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, relation);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private Flyway flyway() {
        try {
            return flyway.get();
        } catch (InactiveBeanException e) {
            throw new IllegalStateException("no database is configured for migrations: set QUARKUS_DATASOURCE_JDBC_URL");
        }
    }
}
