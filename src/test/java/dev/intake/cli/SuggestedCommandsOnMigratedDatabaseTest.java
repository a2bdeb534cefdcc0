package dev.intake.cli;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link SuggestedCommandsTest} on the database production has (built by Insights' 354 migrations). */
@QuarkusTest
@TestProfile(ConfiguredDatabaseCommandsOnMigratedDatabaseTest.OnTheMigrationsBuiltDatabase.class)
class SuggestedCommandsOnMigratedDatabaseTest extends SuggestedCommandsTest {
}
