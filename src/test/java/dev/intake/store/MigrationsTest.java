package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.embedded.LocalPostgres;
import dev.intake.testing.InsightsDatabase;
import dev.intake.testing.InsightsFixture;

/**
 * The migrations on databases of their own: an empty one, live Insights ones (built from Insights'
 * schema files, and by Insights' migrations as production was), and an Insights one that still has
 * the old pipeline's analysis_jobs table (only the schema files can build that: see
 * {@link InsightsFixture#SCHEMA_FILES_WITH_ANALYSIS_JOBS}).
 */
class MigrationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INCIDENT = "931e3b81-ef32-48c3-b6f3-382461b362e4";
    private static final String DONE = "0ca10000-0000-4000-8000-000000000001";
    private static final String NULL_ANALYSIS = "0ca20000-0000-4000-8000-000000000002";

    private static String emptyDatabase() throws SQLException {
        int port = InsightsDatabase.serverPort();
        String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + LocalPostgres.DATABASE,
                LocalPostgres.USER, LocalPostgres.USER); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://localhost:" + port + "/" + name;
    }

    private static String insightsDatabase(InsightsFixture fixture) {
        return fixture.create("migration_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Flyway as application.properties configures it. */
    private static Flyway flyway(String url) {
        return Flyway.configure().dataSource(url, LocalPostgres.USER, LocalPostgres.USER)
                .locations("classpath:db/migration").schemas("intake").defaultSchema("intake").createSchemas(true).load();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.USER);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> query(String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.USER);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static JsonNode analysis(String url, String interviewId) throws Exception {
        return JSON.readTree(query(url, "SELECT conversation_analysis FROM interviews WHERE id = '" + interviewId + "'").get(0));
    }

    /** Every column, index, constraint and trigger of the Insights schemas, as text. */
    private static Set<String> schemaOf(String url) throws SQLException {
        Set<String> schema = new HashSet<>(query(url, """
                SELECT 'column ' || table_schema || '.' || table_name || '.' || column_name || ' ' || data_type
                       || ' ' || is_nullable || ' ' || coalesce(column_default, '')
                FROM information_schema.columns WHERE table_schema IN ('public', 'accounts')"""));
        schema.addAll(query(url, "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname IN ('public', 'accounts')"));
        schema.addAll(query(url, """
                SELECT 'constraint ' || conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE connamespace IN ('public'::regnamespace, 'accounts'::regnamespace)"""));
        schema.addAll(query(url, "SELECT 'trigger ' || tgrelid::regclass::text || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal"));
        schema.addAll(query(url, """
                SELECT 'function ' || n.nspname || '.' || p.proname || ' ' || md5(p.prosrc) FROM pg_proc p
                JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('public', 'accounts')"""));
        return schema;
    }

    /** Every row of every table of the Insights schemas, as text. */
    private static Set<String> rowsOf(String url) throws SQLException {
        Set<String> rows = new HashSet<>();
        for (String table : query(url, """
                SELECT table_schema || '.' || table_name FROM information_schema.tables
                WHERE table_schema IN ('public', 'accounts') AND table_type = 'BASE TABLE'""")) {
            // Columns Intake adds are left out, so a row reads the same before and after they exist; so
            // are V6's soft-delete columns while they hold their defaults (not deleted, not archived).
            for (String row : query(url, """
                    SELECT (to_jsonb(t) - 'recall_recording_id' - 'recall_bot_id'
                            - CASE WHEN to_jsonb(t) -> 'deleted_at' = 'null'::jsonb THEN 'deleted_at' ELSE '' END
                            - CASE WHEN to_jsonb(t) -> 'is_archived' = 'false'::jsonb THEN 'is_archived' ELSE '' END)::text
                    FROM %s t""".formatted(table))) {
                rows.add(table + " " + row);
            }
        }
        return rows;
    }

    private static void assertSameRows(Set<String> before, Set<String> after) {
        Set<String> gone = new HashSet<>(before);
        gone.removeAll(after);
        Set<String> appeared = new HashSet<>(after);
        appeared.removeAll(before);
        assertEquals(Set.of(), gone, "rows changed or deleted");
        assertEquals(Set.of(), appeared, "rows added or changed");
    }

    @Test
    void an_empty_database_gets_the_insights_tables_and_intakes_bookkeeping_in_a_schema_of_its_own() throws Exception {
        String url = emptyDatabase();
        Migrations.Result result = Migrations.migrate(flyway(url));
        assertEquals(Migrations.Found.EMPTY, result.found());
        assertEquals(9, result.migrate().migrationsExecuted, "V1 to V9");
        assertEquals(List.of("t|t|t|t|f"), query(url, """
                SELECT to_regclass('public.interviews') IS NOT NULL, to_regclass('accounts.account_user') IS NOT NULL,
                       to_regclass('intake.interview_outputs') IS NOT NULL, to_regclass('intake.flyway_schema_history') IS NOT NULL,
                       to_regclass('public.flyway_schema_history') IS NOT NULL"""));
        assertEquals(Migrations.Found.MIGRATED_BEFORE, Migrations.migrate(flyway(url)).found());
    }

    @ParameterizedTest
    @EnumSource(value = InsightsFixture.class, names = {"SCHEMA_FILES", "MIGRATIONS"})
    void an_existing_insights_database_is_baselined_and_gains_only_intakes_columns_and_indexes(InsightsFixture fixture)
            throws Exception {
        String url = insightsDatabase(fixture);
        Set<String> schemaBefore = schemaOf(url);
        Set<String> rowsBefore = rowsOf(url);

        Migrations.Result result = Migrations.migrate(flyway(url));

        assertEquals(Migrations.Found.EXISTING_INSIGHTS, result.found());
        assertEquals(8, result.migrate().migrationsExecuted,
                "V2 to V9 run; V1 (the Insights tables) is the baseline, V7 and V8 find their tables there");
        Set<String> schemaAfter = schemaOf(url);
        assertTrue(schemaAfter.containsAll(schemaBefore), "nothing of Insights' schema is changed or dropped");
        Set<String> added = new HashSet<>(schemaAfter);
        added.removeAll(schemaBefore);
        for (String item : added) {
            assertTrue(item.matches("column public\\.interviews\\.recall_(recording|bot)_id text YES ")
                    // The soft-delete columns a production database has from Insights' own migrations.
                    || item.matches("column public\\.(evidence\\.(is_archived boolean NO false|deleted_at timestamp with time zone YES )|people\\.deleted_at timestamp with time zone YES )")
                    || item.matches("index CREATE (UNIQUE )?INDEX (intake_interviews_\\w+|interviews_recall_\\w+_key) ON public\\.interviews .*")
                    || item.startsWith("constraint intake."), "Intake added only its own columns and indexes, not: " + item);
        }
        // A database built by Insights' migrations lacks the global facet kinds its schema files seed
        // (pain, goal, ...), which evidence facets need: V7 adds the missing ones, and nothing else.
        Set<String> rowsAfter = rowsOf(url);
        Set<String> kindsAdded = new HashSet<>(rowsAfter);
        kindsAdded.removeAll(rowsBefore);
        kindsAdded.removeIf(row -> !row.startsWith("public.facet_kind_global "));
        if (fixture == InsightsFixture.SCHEMA_FILES) {
            assertEquals(Set.of(), kindsAdded, "the schema files seed every kind already");
        }
        rowsAfter.removeAll(kindsAdded);
        assertSameRows(rowsBefore, rowsAfter);
        assertEquals(List.of("t|f"), query(url, """
                SELECT to_regclass('intake.flyway_schema_history') IS NOT NULL, to_regclass('public.flyway_schema_history') IS NOT NULL"""));

        Migrations.Result again = Migrations.migrate(flyway(url));
        assertEquals(Migrations.Found.MIGRATED_BEFORE, again.found());
        assertEquals(0, again.migrate().migrationsExecuted);
        assertEquals(schemaAfter, schemaOf(url));
    }

    @Test
    void where_analysis_jobs_remains_the_newest_job_is_merged_as_insights_merges_it_and_every_job_is_archived() throws Exception {
        String url = insightsDatabase(InsightsFixture.SCHEMA_FILES_WITH_ANALYSIS_JOBS);
        List<String> updatedBefore = query(url, "SELECT id, updated_at FROM interviews ORDER BY id");

        Migrations.migrate(flyway(url));

        assertEquals(List.of("f"), query(url, "SELECT to_regclass('public.analysis_jobs') IS NOT NULL"));
        JsonNode incident = analysis(url, INCIDENT);
        assertEquals("run_cm3incident", incident.get("trigger_run_id").asText(), "the newer of its two jobs");
        assertEquals("10b00000-0000-4000-8000-000000000002", incident.get("migrated_from_analysis_job").asText());
        assertTrue(incident.get("last_error").isNull(), "as Insights' consolidation writes it: the job's own value");
        assertEquals("Focus on onboarding", incident.get("custom_instructions").asText());
        assertEquals("[\"upload\"]", incident.get("completed_steps").toString());
        assertEquals("Extracting evidence...", incident.get("status_detail").asText(), "keys the job lacks are kept");
        assertEquals(3, analysis(url, DONE).get("completed_steps").size());
        assertEquals(updatedBefore, query(url, "SELECT id, " + DiagnosticsStore.LAST_SIGN_OF_LIFE + " FROM interviews ORDER BY id"),
                "an interview stuck for hours still looks stuck");

        assertEquals(List.of(
                        "10b00000-0000-4000-8000-000000000001|error|Trigger.dev run crashed: out of memory|3|2025-11-03 09:30:00+00",
                        "10b00000-0000-4000-8000-000000000002|in_progress|null|1|2025-11-04 02:00:00+00",
                        "10b00000-0000-4000-8000-000000000003|done|null|1|2025-11-02 11:00:00+00"),
                query(url, "SELECT id, status, last_error, attempts, updated_at AT TIME ZONE 'UTC' || '+00' FROM intake.analysis_jobs_archive ORDER BY id")
                        .stream().map(row -> row.replace(".0+00", "+00")).toList(),
                "every job, with its status, error and timestamps, stays queryable");
    }

    /**
     * The production database (built by Insights' migrations, which dropped analysis_jobs) given the
     * table back as Insights' older schema had it, with insights/legacy-jobs.sql's three jobs.
     */
    private static String migratedDatabaseWithAnalysisJobs() throws Exception {
        String url = insightsDatabase(InsightsFixture.MIGRATIONS);
        execute(url, resourceText("/insights/analysis-jobs-table.sql"));
        execute(url, resourceText("/insights/legacy-jobs.sql"));
        return url;
    }

    private static String resourceText(String name) throws Exception {
        try (var in = MigrationsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void anything_depending_on_analysis_jobs_makes_migrate_fail_naming_it_and_changes_nothing() throws Exception {
        String url = migratedDatabaseWithAnalysisJobs();
        execute(url, """
                CREATE VIEW public.job_board AS SELECT interview_id, status FROM public.analysis_jobs;
                CREATE TABLE public.job_notes (job_id uuid REFERENCES public.analysis_jobs (id), note text);""");
        Set<String> rowsBefore = rowsOf(url);
        Set<String> schemaBefore = schemaOf(url);

        Exception refused = assertThrows(Exception.class, () -> Migrations.migrate(flyway(url)));

        String message = refused.getMessage();
        assertTrue(message.contains("view job_board"), message);
        assertTrue(message.contains("job_notes"), message);
        assertEquals(List.of("t|t|f"), query(url, """
                SELECT to_regclass('public.analysis_jobs') IS NOT NULL, to_regclass('public.job_board') IS NOT NULL,
                       to_regclass('intake.analysis_jobs_archive') IS NOT NULL"""));
        assertSameRows(rowsBefore, rowsOf(url));
        assertEquals(schemaBefore, schemaOf(url));

        execute(url, "DROP VIEW public.job_board; DROP TABLE public.job_notes");
        Migrations.migrate(flyway(url));
        assertEquals(List.of("f|t"), query(url, """
                SELECT to_regclass('public.analysis_jobs') IS NOT NULL, to_regclass('intake.analysis_jobs_archive') IS NOT NULL"""),
                "once nothing depends on it, the same migrate consolidates it");
    }

    @Test
    void without_dependents_the_merge_runs_with_insights_triggers_on_and_keeps_the_updated_at_before_it() throws Exception {
        String url = migratedDatabaseWithAnalysisJobs();
        List<String> updatedBefore = query(url, "SELECT id, updated_at FROM interviews ORDER BY id");
        String incidentBefore = query(url, "SELECT updated_at FROM interviews WHERE id = '" + INCIDENT + "'").get(0);

        Migrations.migrate(flyway(url));

        assertEquals(List.of("f"), query(url, "SELECT to_regclass('public.analysis_jobs') IS NOT NULL"));
        assertEquals(List.of("t|t"), query(url, """
                SELECT updated_at = (conversation_analysis->>'migrated_at')::timestamptz,
                       (conversation_analysis->>'updated_at_before_merge')::timestamptz = '%s'::timestamptz
                FROM interviews WHERE id = '%s'""".formatted(incidentBefore, INCIDENT)),
                "Insights' timestamp trigger ran on the merge, and the interview's own updated_at is kept beside it");
        assertEquals(updatedBefore, query(url, "SELECT id, " + DiagnosticsStore.LAST_SIGN_OF_LIFE + " FROM interviews ORDER BY id"),
                "every interview's last sign of life is what it was before the merge");
        assertEquals(List.of("t"), query(url, """
                SELECT bool_and(a.interview_updated_at = (i.conversation_analysis->>'updated_at_before_merge')::timestamptz)
                FROM intake.analysis_jobs_archive a JOIN interviews i ON i.id = a.interview_id"""),
                "the archive keeps the interview's updated_at too");

        String stalledOneHour = DiagnosticsStore.LIST_STALLED_ANY_OWNER.replace("$1", "3600").replace("$2", "10");
        assertTrue(query(url, stalledOneHour).stream().anyMatch(row -> row.startsWith(INCIDENT + "|")),
                "`repair --stuck --any-owner` still finds the interview stuck since before the merge");
    }

    @Test
    void a_database_that_recorded_the_previous_v2_checksum_migrates_and_validates() throws Exception {
        String url = migratedDatabaseWithAnalysisJobs();
        Migrations.migrate(flyway(url));
        assertEquals(List.of(String.valueOf(Migrations.V2_CHECKSUM)),
                query(url, "SELECT checksum FROM intake.flyway_schema_history WHERE version = '2'"),
                "the checksum Migrations records is the one Flyway computes for V2");
        execute(url, "UPDATE intake.flyway_schema_history SET checksum = " + Migrations.PREVIOUS_V2_CHECKSUM + " WHERE version = '2'");
        assertFalse(flyway(url).validateWithResult().validationSuccessful, "Flyway alone refuses the earlier checksum");

        Migrations.Result again = Migrations.migrate(flyway(url));

        assertEquals(0, again.migrate().migrationsExecuted);
        assertTrue(flyway(url).validateWithResult().validationSuccessful);
        execute(url, "UPDATE intake.flyway_schema_history SET checksum = 12345 WHERE version = '2'");
        assertThrows(Exception.class, () -> Migrations.migrate(flyway(url)), "any other checksum still fails validation");
    }

    @Test
    void a_text_last_error_of_the_newest_job_stays_a_string() throws Exception {
        String url = insightsDatabase(InsightsFixture.SCHEMA_FILES_WITH_ANALYSIS_JOBS);
        execute(url, "UPDATE analysis_jobs SET last_error = 'AssemblyAI: audio too short' WHERE id = '10b00000-0000-4000-8000-000000000003'");
        Migrations.migrate(flyway(url));
        JsonNode done = analysis(url, DONE);
        assertTrue(done.get("last_error").isTextual(), done.toString());
        assertEquals("AssemblyAI: audio too short", done.get("last_error").asText());
        assertTrue(query(url, "SELECT conversation_analysis IS NULL FROM interviews WHERE id = '" + NULL_ANALYSIS + "'")
                .equals(List.of("t")), "an interview without jobs keeps its NULL");
    }

    @Test
    void a_database_with_intakes_pre_insights_schema_is_refused_with_what_to_do() throws Exception {
        String url = emptyDatabase();
        execute(url, "CREATE TABLE public.flyway_schema_history (installed_rank int); CREATE TABLE public.interviews (id uuid)");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Migrations.migrate(flyway(url)));
        assertTrue(refused.getMessage().contains("delete the .intake folder"), refused.getMessage());
        assertFalse(query(url, "SELECT to_regclass('intake.flyway_schema_history') IS NOT NULL").contains("t"));
    }

    /**
     * A new database must be the Insights schema, so local runs write what production writes: every
     * column of every table V1 creates has Insights' name, type, nullability, default and generation.
     * Left out on purpose (V1 says why): the pgvector columns; and two defaults that need Supabase
     * (auth.uid(), the uuid-ossp extension) where V1 has plain equivalents.
     */
    @Test
    void the_tables_of_a_new_database_are_insights_tables_column_by_column() throws Exception {
        String fresh = emptyDatabase();
        Migrations.migrate(flyway(fresh));
        // Migrated too, so both have what Intake adds to every Insights database (V6's soft-delete columns).
        String insights = insightsDatabase(InsightsFixture.SCHEMA_FILES);
        Migrations.migrate(flyway(insights));
        String columns = """
                SELECT c.table_schema || '.' || c.table_name || '.' || c.column_name || ' ' || c.udt_name
                       || CASE WHEN c.is_nullable = 'NO' THEN ' not null' ELSE '' END
                       || coalesce(' default ' || c.column_default, '')
                       || coalesce(' generated ' || c.generation_expression, '')
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema IN ('public', 'accounts') AND t.table_type = 'BASE TABLE'
                  AND c.table_name IN (%s)""";
        List<String> tables = query(fresh, """
                SELECT quote_literal(table_name) FROM information_schema.tables
                WHERE table_schema IN ('public', 'accounts') AND table_type = 'BASE TABLE'""");
        Set<String> ours = new HashSet<>(query(fresh, columns.formatted(String.join(", ", tables))));
        Set<String> theirs = new HashSet<>(query(insights, columns.formatted(String.join(", ", tables))));
        theirs.removeIf(column -> column.contains(" vector"));
        theirs.remove("accounts.accounts.id uuid not null default uuid_generate_v4()");
        theirs.remove("accounts.accounts.primary_owner_user_id uuid not null default auth.uid()");
        assertTrue(ours.remove("accounts.accounts.id uuid not null default gen_random_uuid()"));
        assertTrue(ours.remove("accounts.accounts.primary_owner_user_id uuid not null"));
        Set<String> missing = new HashSet<>(theirs);
        missing.removeAll(ours);
        Set<String> invented = new HashSet<>(ours);
        invented.removeAll(theirs);
        invented.removeIf(column -> column.startsWith("public.interviews.recall_"));
        assertEquals(Set.of(), missing, "columns of Insights that a new database lacks or has otherwise");
        assertEquals(Set.of(), invented, "columns a new database has that Insights does not");
        assertEquals(22, tables.size(), String.join(", ", tables));
    }
}
