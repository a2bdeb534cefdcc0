package dev.intake.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The fixture builds the database Insights' migrations build, and hands out independent copies of it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsMigratedDatabaseTest {

    private String migrated;

    @BeforeAll
    void build() {
        migrated = InsightsMigratedDatabase.create("insights_migrated_fixture_test");
    }

    @Test
    void it_has_what_only_the_migrations_made_and_no_analysis_jobs() throws SQLException {
        assertEquals(List.of("evidence.deleted_at timestamp with time zone YES", "evidence.is_archived boolean NO",
                        "people.deleted_at timestamp with time zone YES"),
                query(migrated, """
                        SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
                        FROM information_schema.columns WHERE table_schema = 'public'
                          AND (table_name, column_name) IN (('evidence', 'deleted_at'), ('evidence', 'is_archived'),
                                                            ('people', 'deleted_at'))
                        ORDER BY 1"""));
        assertEquals(List.of("f|t"), query(migrated,
                "SELECT to_regclass('public.analysis_jobs') IS NOT NULL, to_regclass('public.person_merge_history') IS NOT NULL"));
    }

    @Test
    void the_nested_project_folder_is_not_a_migration_and_was_not_applied() throws SQLException {
        Path folder = InsightsDatabase.contractsDir().resolve("supabase/migrations");
        List<Path> files = InsightsMigratedDatabase.migrationFiles(folder);
        assertEquals(353, files.size(), "354 entries, one of them the folder 20251123044738_supabase");
        assertTrue(files.stream().noneMatch(f -> f.getFileName().toString().startsWith("20251123044738")));
        // The db diff inside it drops themes.interview_id, which the real migrations keep.
        assertEquals(List.of("1"), query(migrated, """
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = 'themes' AND column_name = 'interview_id'"""));
    }

    @Test
    void each_copy_is_a_database_of_its_own_with_supabases_search_path() throws SQLException {
        String other = InsightsMigratedDatabase.create("insights_migrated_fixture_test_other");
        query(other, "INSERT INTO auth.users (id, email) VALUES ('00000000-0000-4000-8000-0000000000f1', 'f@example.com')"
                + " RETURNING id");
        assertEquals(List.of("1"), query(other, "SELECT count(*) FROM auth.users"));
        assertEquals(List.of("0"), query(migrated, "SELECT count(*) FROM auth.users"));
        assertEquals(List.of("\"$user\", public, extensions"), query(other, "SHOW search_path"),
                "the copy has the prelude's search_path, which CREATE DATABASE ... TEMPLATE does not copy");
    }

    @Test
    void a_skip_that_matches_no_statement_fails_the_build() {
        SqlScript.Skip stale = new SqlScript.Skip("*", "create extension if not exists nothing", "no such statement");
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> SqlScript.requireUsed(List.of(stale), Set.of()));
        assertTrue(failed.getMessage().contains("nothing"), failed.getMessage());
    }

    private static List<String> query(String url, String sql) throws SQLException {
        try (Connection c = SqlScript.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }
}
