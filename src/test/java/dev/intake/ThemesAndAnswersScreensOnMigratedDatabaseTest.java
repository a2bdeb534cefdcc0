package dev.intake;

import java.util.List;

import dev.intake.testing.InsightsDatabaseResource;
import dev.intake.testing.InsightsFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@link ThemesAndAnswersScreensTest} on an empty copy of the database Insights' 354 migrations build. */
@QuarkusTest
@TestProfile(ThemesAndAnswersScreensOnMigratedDatabaseTest.OnTheMigrationsBuiltDatabase.class)
class ThemesAndAnswersScreensOnMigratedDatabaseTest extends ThemesAndAnswersScreensTest {

    public static class OnTheMigrationsBuiltDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScreensDatabase.class, InsightsDatabaseResource.on(InsightsFixture.MIGRATIONS)));
        }
    }
}
