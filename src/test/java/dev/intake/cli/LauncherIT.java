package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.intake.embedded.LocalPostgres;

/**
 * Runs after `package`, on the built runner jar, as an operator runs it against a real database: a
 * configured database is the one used, never replaced by an embedded one.
 */
class LauncherIT {

    private static final Path RUNNER = Path.of("target/intake-0.1.0-SNAPSHOT-runner.jar");

    private static LocalPostgres database;

    @TempDir
    Path home;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void aDatabaseOfTheirOwn() {
        database = LocalPostgres.start(null);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** {@code java -jar runner.jar ARGS} with the environment given and nothing else of Intake's. */
    private Run intake(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(RUNNER), "the build writes " + RUNNER);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", RUNNER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out").toFile()).redirectError(home.resolve("err").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("INTAKE_"));
        builder.environment().put("INTAKE_HOME", home.resolve("local-data").toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command ended");
        return new Run(process.exitValue(), Files.readString(home.resolve("out")), Files.readString(home.resolve("err")));
    }

    private static boolean migrated() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + database.port() + "/postgres",
                LocalPostgres.USER, LocalPostgres.USER);
             ResultSet rows = c.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_tables WHERE schemaname = 'intake' AND tablename = 'flyway_schema_history'")) {
            rows.next();
            return rows.getLong(1) == 1;
        }
    }

    @Test
    void migrate_with_only_the_jdbc_url_set_migrates_that_database_and_starts_no_embedded_one() throws Exception {
        String url = "jdbc:postgresql://localhost:" + database.port() + "/postgres?user=postgres&password=postgres";
        assertFalse(migrated());

        Run migrate = intake(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url), "migrate");

        assertEquals(0, migrate.exit(), migrate.out() + migrate.err());
        assertTrue(migrated(), "the configured database was migrated");
        assertTrue(migrate.err().contains("intake migrate: database jdbc:postgresql://localhost:" + database.port()
                + "/postgres?user=postgres&password=***; bucket s3://intake-media on AWS S3"), migrate.err());
        assertFalse(migrate.err().contains("embedded"), migrate.err());
        assertFalse(Files.exists(home.resolve("local-data")), "no local data was made");
    }
}
