package dev.intake.cli;

import java.util.List;

import dev.intake.testing.InsightsDatabaseResource;
import dev.intake.testing.InsightsFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@link ConfiguredDatabaseCommandsTest} on the database production has (built by Insights' 354 migrations). */
@QuarkusTest
@TestProfile(ConfiguredDatabaseCommandsOnMigratedDatabaseTest.OnTheMigrationsBuiltDatabase.class)
class ConfiguredDatabaseCommandsOnMigratedDatabaseTest extends ConfiguredDatabaseCommandsTest {

    public static class OnTheMigrationsBuiltDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InsightsDatabaseResource.class,
                    InsightsDatabaseResource.on(InsightsFixture.MIGRATIONS)));
        }
    }
}
