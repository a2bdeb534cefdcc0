package dev.intake.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The fixture builds Insights' real schema, with and without the legacy analysis_jobs table. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsDatabaseTest {

    private String consolidated;
    private String withJobs;

    @BeforeAll
    void build() {
        consolidated = InsightsDatabase.create("insights_fixture_test", false);
        withJobs = InsightsDatabase.create("insights_fixture_test_jobs", true);
    }

    @Test
    void an_insights_database_is_built_from_the_contract_files() throws SQLException {
        assertEquals("'{}'::jsonb", column(consolidated, "interviews", "processing_metadata", "column_default"));
        assertEquals("integer", column(consolidated, "interviews", "duration_sec", "data_type"));
        assertEquals("ALWAYS", column(consolidated, "people", "name", "is_generated"));
        assertEquals("jsonb", column(consolidated, "evidence", "anchors", "data_type"));
        assertEquals("NO", column(consolidated, "evidence", "anchors", "is_nullable"));
        assertEquals(List.of("accounts.account_role e"), query(consolidated,
                "SELECT format_type(t.oid, NULL) || ' ' || t.typtype::text FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                        + " WHERE a.attrelid = 'accounts.account_user'::regclass AND a.attname = 'account_role'"));
        assertEquals(List.of("f", "f"), List.of(exists(consolidated, "public.project_questions"),
                exists(withJobs, "public.project_questions")));
    }

    @Test
    void the_interview_triggers_that_overwrite_progress_are_installed() throws SQLException {
        List<String> triggers = query(consolidated,
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'public.interviews'::regclass AND NOT tgisinternal");
        assertTrue(triggers.containsAll(List.of("trigger_cleanup_jobs_on_ready", "trigger_mark_jobs_error")),
                triggers::toString);
    }

    @Test
    void only_the_database_that_asked_for_it_still_has_analysis_jobs() throws SQLException {
        assertEquals("f", exists(consolidated, "public.analysis_jobs"));
        assertEquals("t", exists(withJobs, "public.analysis_jobs"));
        assertEquals("job_status", column(withJobs, "analysis_jobs", "status", "udt_name"));
        List<String> columns = query(withJobs, "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = 'analysis_jobs'");
        assertTrue(columns.containsAll(List.of("workflow_state", "completed_steps", "current_step", "evidence_count",
                "trigger_run_id")), columns::toString);
    }

    @Test
    void insights_triggers_run_against_the_stubs_when_rows_are_written() throws SQLException {
        String sql = """
                INSERT INTO auth.users (id, email) VALUES ('00000000-0000-0000-0000-00000000000a', 'ana@example.com');
                INSERT INTO projects (id, account_id, name)
                    VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-00000000000a', 'Smoke');
                INSERT INTO interviews (id, account_id, project_id, media_url)
                    VALUES ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-00000000000a',
                            '00000000-0000-0000-0000-0000000000b1', 'uploads/a.mp3');
                UPDATE interviews SET status = 'ready' WHERE id = '00000000-0000-0000-0000-0000000000c1';
                """;
        try (Connection c = connect(consolidated)) {
            c.createStatement().execute(sql);
        }
        // on_auth_user_created made a personal and a team account; trg_enqueue_transcribe_interview
        // used the pgmq stub on the insert (the update kept media_url); trigger_cleanup_jobs_on_ready
        // rewrote the progress.
        assertEquals(List.of("2"), query(consolidated,
                "SELECT count(*) FROM accounts.account_user WHERE user_id = '00000000-0000-0000-0000-00000000000a'"));
        assertEquals(List.of("1"), query(consolidated, "SELECT count(*) FROM pgmq.q_transcribe_interview_queue"));
        assertEquals(List.of("complete"), query(consolidated, "SELECT processing_metadata ->> 'current_step'"
                + " FROM interviews WHERE id = '00000000-0000-0000-0000-0000000000c1'"));
    }

    private static String column(String url, String table, String column, String attribute) throws SQLException {
        List<String> values = query(url, "SELECT " + attribute + "::text FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = '" + table + "' AND column_name = '" + column + "'");
        return values.isEmpty() ? null : values.get(0);
    }

    private static String exists(String url, String relation) throws SQLException {
        return query(url, "SELECT to_regclass('" + relation + "') IS NOT NULL").get(0);
    }

    private static List<String> query(String url, String sql) throws SQLException {
        try (Connection c = connect(url);
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}
