package dev.intake.testing;

import java.util.Locale;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application at a real Insights database holding the rows the old system left
 * (insights/legacy-rows.sql): by default the schema-files one with the old pipeline's analysis_jobs
 * table and its jobs; init argument {@value #FIXTURE} names another {@link InsightsFixture}.
 * Nothing is migrated at start: the tests run `intake migrate` as an operator would.
 */
public class InsightsDatabaseResource implements QuarkusTestResourceLifecycleManager {

    /** The init argument naming the {@link InsightsFixture}. */
    public static final String FIXTURE = "fixture";

    private InsightsFixture fixture = InsightsFixture.SCHEMA_FILES_WITH_ANALYSIS_JOBS;

    /** The resource entry of a test profile that runs on {@code fixture}. */
    public static Map<String, String> on(InsightsFixture fixture) {
        return Map.of(FIXTURE, fixture.name());
    }

    @Override
    public void init(Map<String, String> initArgs) {
        String name = initArgs.get(FIXTURE);
        if (name != null) {
            fixture = InsightsFixture.valueOf(name);
        }
    }

    @Override
    public Map<String, String> start() {
        int port = InsightsDatabase.serverPort();
        String database = "insights_dropin_" + fixture.name().toLowerCase(Locale.ROOT);
        String url = fixture.create(database);
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/" + database,
                "quarkus.datasource.jdbc.url", url,
                "quarkus.flyway.migrate-at-start", "false");
    }

    @Override
    public void stop() {
        // The database stays on the shared server until the JVM stops it.
    }
}
