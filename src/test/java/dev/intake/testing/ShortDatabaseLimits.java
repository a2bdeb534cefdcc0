package dev.intake.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Database limits short enough to watch them act: statements and idle transactions end after 2 s, an
 * acquire gives up after 1 s, a pool of 2 whose connections idle out after 1 s and retire after 2 s.
 * Its sessions carry their own application name, so a test can count them in pg_stat_activity.
 */
public class ShortDatabaseLimits implements QuarkusTestProfile {

    public static final String APPLICATION_NAME = "intake-short-limits";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "intake.database.statement-timeout", "PT2S",
                "intake.database.acquire-timeout", "PT1S",
                "quarkus.datasource.reactive.max-size", "2",
                "quarkus.datasource.reactive.idle-timeout", "PT1S",
                "quarkus.datasource.reactive.max-lifetime", "PT2S",
                "quarkus.datasource.reactive.additional-properties.application_name", APPLICATION_NAME);
    }
}
