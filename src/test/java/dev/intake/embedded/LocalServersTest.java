package dev.intake.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode's two servers, started side by side on one data folder. */
class LocalServersTest {

    @TempDir
    Path home;

    private static int selectOne(int port) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + LocalPostgres.DATABASE,
                LocalPostgres.USER, LocalPostgres.USER); ResultSet rows = c.createStatement().executeQuery("SELECT 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Any answer over HTTP (S3 refuses an unsigned request) shows the server is there. */
    private static int httpStatus(String endpoint) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void both_servers_answer_once_started_and_keep_their_data_in_the_folder_named() throws Exception {
        try (LocalServers servers = LocalServers.start(home)) {
            assertEquals(1, selectOne(servers.postgres().port()));
            assertTrue(httpStatus(servers.s3().endpoint()) > 0);
            assertTrue(Files.isDirectory(home.resolve("postgres")), "PostgreSQL's data is in postgres/");
            assertTrue(Files.isDirectory(home.resolve("s3")), "the bucket's data is in s3/");
        }
    }

    @Test
    void a_folder_another_command_uses_is_refused_saying_so_and_that_command_s_servers_keep_running()
            throws Exception {
        try (LocalServers first = LocalServers.start(home)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LocalServers.start(home));
            assertTrue(refused.getMessage().contains("in use by another Intake command"), refused.getMessage());
            assertEquals(1, selectOne(first.postgres().port()), "the first command's server is left running");
        }
        // Stopped cleanly, the folder is free again, for both servers.
        try (LocalServers again = LocalServers.start(home)) {
            assertEquals(1, selectOne(again.postgres().port()));
        }
    }
}
