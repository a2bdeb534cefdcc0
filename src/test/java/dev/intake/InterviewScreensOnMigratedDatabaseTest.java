package dev.intake;

import org.junit.jupiter.api.BeforeEach;

import dev.intake.store.Migrations;
import dev.intake.testing.OnMigratedInsightsDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * {@link InterviewScreensTest} on the database production has (built by Insights' 354 migrations, with
 * the rows the old system left), migrated by Intake first as an operator would.
 */
@QuarkusTest
@TestProfile(InterviewScreensOnMigratedDatabaseTest.OnTheMigrationsBuiltDatabase.class)
class InterviewScreensOnMigratedDatabaseTest extends InterviewScreensTest {

    public static class OnTheMigrationsBuiltDatabase extends OnMigratedInsightsDatabase {
    }

    @Inject
    Migrations migrations;

    /** Idempotent: the first call baselines and migrates, later ones find it migrated. */
    @Override
    @BeforeEach
    void aProcessedUpload() {
        migrations.migrate();
        super.aProcessedUpload();
    }
}
