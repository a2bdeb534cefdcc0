package dev.intake;

import dev.intake.testing.OnMigratedInsightsDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link EvidenceAndPeopleScreensTest} on the database production has (built by Insights' 354
 * migrations, with its own evidence.deleted_at and is_archived, which the evidence page filters on).
 * Its own profile, so its database is not the one {@link InsightsDropInOnMigratedDatabaseTest} checks
 * row by row.
 */
@QuarkusTest
@TestProfile(EvidenceAndPeopleScreensOnMigratedDatabaseTest.OnTheMigrationsBuiltDatabase.class)
class EvidenceAndPeopleScreensOnMigratedDatabaseTest extends EvidenceAndPeopleScreensTest {

    public static class OnTheMigrationsBuiltDatabase extends OnMigratedInsightsDatabase {
    }
}
