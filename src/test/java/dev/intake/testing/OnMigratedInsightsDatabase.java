package dev.intake.testing;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile on the database production has, built by Insights' migrations
 * ({@link InsightsFixture#MIGRATIONS}). Each test class that needs a database of its own extends it
 * with a class of its own: a profile class Quarkus has not run yet restarts the application, and with
 * it the resource that rebuilds the database.
 */
public class OnMigratedInsightsDatabase implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(InsightsDatabaseResource.class,
                InsightsDatabaseResource.on(InsightsFixture.MIGRATIONS)));
    }
}
