package dev.intake;

import dev.intake.testing.InsightsFixture;
import dev.intake.testing.OnMigratedInsightsDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link InsightsDropInTest} on the database production has: built by Insights' 354 migrations, so
 * with its soft-delete columns and without analysis_jobs (Insights consolidated it itself).
 */
@QuarkusTest
@TestProfile(InsightsDropInOnMigratedDatabaseTest.OnTheMigrationsBuiltDatabase.class)
class InsightsDropInOnMigratedDatabaseTest extends InsightsDropInTest {

    public static class OnTheMigrationsBuiltDatabase extends OnMigratedInsightsDatabase {
    }

    @Override
    InsightsFixture fixture() {
        return InsightsFixture.MIGRATIONS;
    }
}
