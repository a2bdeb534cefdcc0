package dev.intake;

import dev.intake.testing.InsightsFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link InsightsTeamCheckTest} on the database production has: built by Insights' 354 migrations. */
@QuarkusTest
@TestProfile(InsightsTeamCheckOnMigratedDatabaseTest.OnTheirMigratedDatabaseAndBucket.class)
class InsightsTeamCheckOnMigratedDatabaseTest extends InsightsTeamCheckTest {

    public static class OnTheirMigratedDatabaseAndBucket extends OnTheirDatabaseAndBucket {
        @Override
        InsightsFixture fixture() {
            return InsightsFixture.MIGRATIONS;
        }
    }
}
