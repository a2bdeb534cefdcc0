package dev.intake;

import java.util.List;

import dev.intake.testing.InsightsDatabaseResource;
import dev.intake.testing.InsightsFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
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

    public static class OnTheMigrationsBuiltDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InsightsDatabaseResource.class,
                    InsightsDatabaseResource.on(InsightsFixture.MIGRATIONS)));
        }
    }
}
