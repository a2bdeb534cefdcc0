package dev.intake.store;

import org.junit.jupiter.api.BeforeEach;

import dev.intake.testing.OnMigratedInsightsDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * {@link SchemaAuditTest} on the database production has (built by Insights' 354 migrations),
 * migrated by Intake as an operator would, before the audit.
 */
@QuarkusTest
@TestProfile(SchemaAuditOnMigratedDatabaseTest.OnTheMigrationsBuiltDatabase.class)
class SchemaAuditOnMigratedDatabaseTest extends SchemaAuditTest {

    public static class OnTheMigrationsBuiltDatabase extends OnMigratedInsightsDatabase {
    }

    @Inject
    Migrations migrations;

    /** Idempotent: the first call baselines and migrates, later ones find it migrated. */
    @BeforeEach
    void migrate() {
        migrations.migrate();
    }
}
