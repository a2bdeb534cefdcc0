package dev.intake.cli;

import dev.intake.testing.OnMigratedInsightsDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ConfiguredDatabaseCommandsTest} on the database production has (built by Insights' 354 migrations). */
@QuarkusTest
@TestProfile(ConfiguredDatabaseCommandsOnMigratedDatabaseTest.OnTheMigrationsBuiltDatabase.class)
class ConfiguredDatabaseCommandsOnMigratedDatabaseTest extends ConfiguredDatabaseCommandsTest {

    public static class OnTheMigrationsBuiltDatabase extends OnMigratedInsightsDatabase {
    }
}
