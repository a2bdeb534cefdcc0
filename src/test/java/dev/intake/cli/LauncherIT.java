package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
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
import dev.intake.embedded.LocalS3;

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
        Process process = start(environment, List.of(), args);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command ended");
        return new Run(process.exitValue(), Files.readString(home.resolve("out")), Files.readString(home.resolve("err")));
    }

    private Process start(Map<String, String> environment, List<String> systemProperties, String... args) throws IOException {
        assertTrue(Files.isRegularFile(RUNNER), "the build writes " + RUNNER);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", RUNNER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out").toFile()).redirectError(home.resolve("err").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("INTAKE_")
                || name.equals("AWS_REGION") || name.equals("AWS_DEFAULT_REGION"));
        builder.environment().put("INTAKE_HOME", home.resolve("local-data").toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static Connection connect(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + database.port() + "/" + name,
                LocalPostgres.USER, LocalPostgres.USER);
    }

    /** A database of its own for one test, as an operator's would be. */
    private static String freshDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private static boolean migrated(String name) throws SQLException {
        try (Connection c = connect(name); ResultSet rows = c.createStatement().executeQuery(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'intake' AND tablename = 'flyway_schema_history'")) {
            rows.next();
            return rows.getLong(1) == 1;
        }
    }

    @Test
    void migrate_with_only_the_jdbc_url_set_migrates_that_database_and_starts_no_embedded_one() throws Exception {
        String name = freshDatabase("only_jdbc_url");
        String url = "jdbc:postgresql://localhost:" + database.port() + "/" + name + "?user=postgres&password=postgres";

        Run migrate = intake(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url), "migrate");

        assertEquals(0, migrate.exit(), migrate.out() + migrate.err());
        assertTrue(migrated(name), "the configured database was migrated");
        assertTrue(migrate.err().contains("intake migrate: database jdbc:postgresql://localhost:" + database.port()
                + "/" + name + "?user=postgres&password=***; bucket s3://intake-media on AWS S3"), migrate.err());
        assertFalse(migrate.err().contains("embedded"), migrate.err());
        assertFalse(Files.exists(home.resolve("local-data")), "no local data was made");
    }

    @Test
    void process_on_a_configured_database_without_bucket_settings_names_them_in_one_line_and_writes_nothing() throws Exception {
        String name = freshDatabase("no_bucket_settings");
        String url = "postgresql://localhost:" + database.port() + "/" + name;

        Run process = intake(Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", url, "QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.USER), "process", "samples/onboarding-interview.vtt",
                "--project", "bbbbbbbb-0000-4000-8000-00000000000b");

        assertEquals(2, process.exit(), process.out() + process.err());
        assertTrue(process.err().contains("intake process: database " + url + " as postgres; bucket s3://intake-media on AWS S3"
                + System.lineSeparator() + "intake process: no bucket is configured: set QUARKUS_S3_ENDPOINT_OVERRIDE (R2 or"
                + " another S3-compatible server) or the AWS region of the bucket (QUARKUS_S3_AWS_REGION, AWS_REGION or"
                + " AWS_DEFAULT_REGION)"), process.err());
        assertFalse(process.err().contains("\tat "), "no stack trace: " + process.err());
        assertFalse(migrated(name), "nothing was written to the database");
    }

    @Test
    void serve_gets_the_port_it_is_given_even_the_one_quarkus_would_serve_on() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        // A configured database, migrated, with a project its web app made: serve files interviews under it.
        String name = freshDatabase("serve_in_a_project");
        String jdbcUrl = "jdbc:postgresql://localhost:" + database.port() + "/" + name;
        assertEquals(0, intake(Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl + "?user=postgres&password=postgres"), "migrate").exit());
        String project = "bbbbbbbb-0000-4000-8000-00000000000b";
        try (Connection c = connect(name)) {
            c.createStatement().execute("INSERT INTO accounts.accounts (id, name, primary_owner_user_id) VALUES"
                    + " ('aaaaaaaa-0000-4000-8000-00000000000a', 'Acme', gen_random_uuid());"
                    + " INSERT INTO projects (id, account_id, name) VALUES ('" + project + "', 'aaaaaaaa-0000-4000-8000-00000000000a',"
                    + " 'Interviews')");
        }
        List<String> settings = new ArrayList<>(List.of(
                "-Dquarkus.datasource.reactive.url=postgresql://localhost:" + database.port() + "/" + name,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + LocalPostgres.USER, "-Dquarkus.datasource.password=" + LocalPostgres.USER));
        try (LocalS3 s3 = LocalS3.start(null)) {
            s3.clientProperties().forEach((key, value) -> settings.add("-D" + key + "=" + value));
            // Quarkus's own HTTP port is 8080 by default, serve's too: the README's `./intake serve`.
            Process serve = start(Map.of("QUARKUS_HTTP_PORT", String.valueOf(port)), settings, "serve", "--port",
                    String.valueOf(port), "--project", project);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.readString(home.resolve("out")).contains("Intake is serving on") && serve.isAlive()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                String out = Files.readString(home.resolve("out"));
                assertTrue(out.contains("Intake is serving on http://127.0.0.1:" + port), out + Files.readString(home.resolve("err")));
            } finally {
                serve.destroy();
                serve.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void started_by_lambda_with_no_arguments_the_executable_serves_invocations_until_lambda_stops_it() throws Exception {
        // The native bootstrap runs this same main. Lambda starts it with no arguments and the Runtime
        // API's address; the CLI, given no command, would print its usage and end the process.
        String url = "postgresql://localhost:" + database.port() + "/postgres";
        Process bootstrap = start(Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001", "QUARKUS_FUNQY_EXPORT", "interview-status",
                "QUARKUS_DATASOURCE_REACTIVE_URL", url, "QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.USER), List.of());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(home.resolve("err")).contains("Lambda Runtime API") && bootstrap.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String err = Files.readString(home.resolve("err"));
            assertTrue(err.contains("serving interview-status to the Lambda Runtime API at 127.0.0.1:9001"), err);
            assertTrue(bootstrap.isAlive(), "still serving: " + err);
            assertFalse(Files.readString(home.resolve("out")).contains("Usage:"), "no command was run");
        } finally {
            bootstrap.destroy();
        }
        assertTrue(bootstrap.waitFor(30, TimeUnit.SECONDS), "Lambda's shutdown signal ends it");
    }

    @Test
    void a_mistyped_argument_is_refused_before_any_embedded_server_starts() throws Exception {
        Run diagnose = intake(Map.of(), "diagnose", "not-a-uuid");

        assertEquals(2, diagnose.exit(), diagnose.err());
        assertEquals("intake diagnose: Invalid value for positional parameter at index 0 (ID): 'not-a-uuid' is not an"
                + " interview id (see intake diagnose --help)", diagnose.err().strip());
        assertFalse(Files.exists(home.resolve("local-data")), "no embedded PostgreSQL or S3 server was started");
    }
}
