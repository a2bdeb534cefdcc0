package dev.intake;

import java.util.List;

import dev.intake.testing.InsightsDatabaseResource;
import dev.intake.testing.InsightsFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link InsightsDropInTest} on the database production has: built by Insights' 354 migrations, so
 * with its soft-delete columns and without analysis_jobs (Insights consolidated it itself).
 */
@QuarkusTest
@TestProfile(InsightsDropInOnMigratedDatabaseTest.OnTheMigrationsBuiltDatabase.class)
class InsightsDropInOnMigratedDatabaseTest extends InsightsDropInTest {

    public static class OnTheMigrationsBuiltDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InsightsDatabaseResource.class,
                    InsightsDatabaseResource.on(InsightsFixture.MIGRATIONS)));
        }
    }

    @Override
    InsightsFixture fixture() {
        return InsightsFixture.MIGRATIONS;
    }
}
