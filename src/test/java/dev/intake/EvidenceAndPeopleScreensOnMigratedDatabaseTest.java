package dev.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link EvidenceAndPeopleScreensTest} on the database production has (built by Insights' 354
 * migrations, with its own evidence.deleted_at and is_archived, which the evidence page filters on).
 */
@QuarkusTest
@TestProfile(InsightsDropInOnMigratedDatabaseTest.OnTheMigrationsBuiltDatabase.class)
class EvidenceAndPeopleScreensOnMigratedDatabaseTest extends EvidenceAndPeopleScreensTest {
}
