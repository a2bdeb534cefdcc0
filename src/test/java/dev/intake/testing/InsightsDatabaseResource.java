package dev.intake.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import dev.intake.embedded.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application at a real Insights database, built from Insights' schema files, holding the
 * rows the old system left (insights/legacy-rows.sql) and its analysis_jobs table with their jobs.
 * Nothing is migrated at start: the tests run `intake migrate` as an operator would.
 */
public class InsightsDatabaseResource implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "insights_dropin";

    @Override
    public Map<String, String> start() {
        int port = InsightsDatabase.serverPort();
        String url = InsightsDatabase.create(port, DATABASE, true);
        try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.USER);
             Statement s = c.createStatement()) {
            s.execute(resource("insights/legacy-rows.sql"));
            s.execute(resource("insights/legacy-jobs.sql"));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not load the legacy rows into the Insights database", e);
        }
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/" + DATABASE,
                "quarkus.datasource.jdbc.url", url,
                "quarkus.flyway.migrate-at-start", "false");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = InsightsDatabaseResource.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void stop() {
        // The database stays on the shared server until the JVM stops it.
    }
}
