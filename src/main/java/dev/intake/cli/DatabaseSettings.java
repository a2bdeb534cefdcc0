package dev.intake.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Whether the person running a command configured a database, read where Quarkus reads it (system
 * properties, the environment, {@code .env} and {@code config/application.properties} in the working
 * directory) before the application starts, so the launcher never starts the embedded servers over a
 * database someone meant: setting only the JDBC URL (for {@code migrate}) counts as much as the
 * reactive one.
 */
record DatabaseSettings(Map<String, String> environment, Properties systemProperties, Path workingDirectory) {

    static final List<String> URL_KEYS = List.of("quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url");

    static DatabaseSettings ofThisProcess() {
        return new DatabaseSettings(System.getenv(), System.getProperties(), Path.of("").toAbsolutePath());
    }

    /** The first setting that names a database, e.g. {@code QUARKUS_DATASOURCE_JDBC_URL}; empty when there is none. */
    Optional<String> configuredBy() {
        Properties dotEnv = read(workingDirectory.resolve(".env"));
        Properties configFile = read(workingDirectory.resolve("config").resolve("application.properties"));
        for (String key : URL_KEYS) {
            String variable = key.toUpperCase(Locale.ROOT).replace('.', '_');
            if (systemProperties.getProperty(key) != null) {
                return Optional.of("-D" + key);
            }
            if (environment.get(variable) != null) {
                return Optional.of(variable);
            }
            if (dotEnv.getProperty(variable) != null) {
                return Optional.of(variable + " in .env");
            }
            if (configFile.getProperty(key) != null || configFile.getProperty("%prod." + key) != null) {
                return Optional.of(key + " in config/application.properties");
            }
        }
        return Optional.empty();
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        return properties;
    }
}
