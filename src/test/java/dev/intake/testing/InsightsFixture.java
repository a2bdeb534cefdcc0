package dev.intake.testing;

import static dev.intake.testing.SqlScript.resource;
import static dev.intake.testing.SqlScript.run;

/**
 * Which Insights database a test runs on, with the rows the old system left loaded
 * (insights/legacy-rows.sql). Tests take it as a parameter, so one body runs on each.
 */
public enum InsightsFixture {

    /** Built from Insights' declarative schema files ({@link InsightsDatabase}). */
    SCHEMA_FILES(false),

    /**
     * Built from the schema files, plus the old pipeline's analysis_jobs table and its jobs
     * (insights/legacy-jobs.sql): a database that never ran Insights' consolidation. Only the schema
     * files can give this: every database built by the migrations ran 20251202150000, which dropped
     * the table, and stopping the migrations before it would test a database no one runs today.
     */
    SCHEMA_FILES_WITH_ANALYSIS_JOBS(true),

    /** Built by Insights' 354 migrations, as production was ({@link InsightsMigratedDatabase}). */
    MIGRATIONS(false);

    private final boolean analysisJobs;

    InsightsFixture(boolean analysisJobs) {
        this.analysisJobs = analysisJobs;
    }

    /** Whether the database still has the old pipeline's analysis_jobs table, with three jobs. */
    public boolean hasAnalysisJobs() {
        return analysisJobs;
    }

    /**
     * (Re)creates database {@code database} on the tests' embedded server as this fixture, with the
     * legacy rows (and jobs) loaded.
     *
     * @return its JDBC URL (user and password {@code postgres})
     */
    public String create(String database) {
        String url = this == MIGRATIONS
                ? InsightsMigratedDatabase.create(database)
                : InsightsDatabase.create(database, analysisJobs);
        run(url, resource("/insights/legacy-rows.sql"));
        if (analysisJobs) {
            run(url, resource("/insights/legacy-jobs.sql"));
        }
        return url;
    }
}
