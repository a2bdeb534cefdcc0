package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as a configured database for the launcher, which then starts no embedded server. */
class DatabaseSettingsTest {

    @TempDir
    Path workingDirectory;

    private Optional<String> configuredBy(Map<String, String> environment, Properties system) {
        return new DatabaseSettings(environment, system, workingDirectory).configuredBy();
    }

    @Test
    void only_the_jdbc_url_is_a_configured_database() {
        assertEquals(Optional.of("QUARKUS_DATASOURCE_JDBC_URL"),
                configuredBy(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/postgres"), new Properties()));
    }

    @Test
    void the_reactive_url_as_a_system_property_is_a_configured_database() {
        Properties system = new Properties();
        system.setProperty("quarkus.datasource.reactive.url", "postgresql://db:5432/postgres");
        assertEquals(Optional.of("-Dquarkus.datasource.reactive.url"), configuredBy(Map.of(), system));
    }

    @Test
    void a_url_in_the_dot_env_file_or_the_config_folder_is_a_configured_database() throws IOException {
        Files.writeString(workingDirectory.resolve(".env"), "QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://db/postgres\n");
        assertEquals(Optional.of("QUARKUS_DATASOURCE_REACTIVE_URL in .env"), configuredBy(Map.of(), new Properties()));
        Files.delete(workingDirectory.resolve(".env"));
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(workingDirectory.resolve("config/application.properties"),
                "%prod.quarkus.datasource.jdbc.url=jdbc:postgresql://db/postgres\n");
        assertEquals(Optional.of("quarkus.datasource.jdbc.url in config/application.properties"),
                configuredBy(Map.of(), new Properties()));
    }

    @Test
    void credentials_alone_or_nothing_are_no_database() {
        assertEquals(Optional.empty(), configuredBy(Map.of("QUARKUS_DATASOURCE_PASSWORD", "x", "PATH", "/bin"), new Properties()));
    }
}
