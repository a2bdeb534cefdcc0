package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The migrations on a database of their own: legacy rows are loaded at version 1, before the
 * consolidation, and must all be there, merged, after the last migration.
 */
@QuarkusTest
class MigrationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String B = "bbbbbbbb-0000-4000-8000-000000000002";
    private static final String C = "cccccccc-0000-4000-8000-000000000003";
    private static final String INCIDENT = "931e3b81-ef32-48c3-b6f3-382461b362e4";
    private static final List<String> TABLES = List.of("accounts", "account_members", "projects", "project_questions",
            "interviews", "evidence", "themes", "theme_evidence", "personas", "project_answers");

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String serverUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private String url;

    @BeforeEach
    void aFreshDatabaseWithLegacyRows() throws Exception {
        String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
        flyway("1").migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(resource("migration/legacy-rows.sql"));
        }
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target(target).load();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MigrationsTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
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

    private JsonNode analysis(String interviewId) throws Exception {
        return JSON.readTree(query("SELECT conversation_analysis FROM interviews WHERE id = '" + interviewId + "'").get(0));
    }

    private void migrateToLatest() {
        flyway("latest").migrate();
    }

    @Test
    void the_consolidation_drops_the_legacy_table() throws Exception {
        assertEquals(List.of("t"), query(resource("migration/legacy-table-exists.sql")));
        migrateToLatest();
        assertEquals(List.of("f"), query(resource("migration/legacy-table-exists.sql")));
    }

    @Test
    void every_row_of_every_other_table_survives() throws Exception {
        List<String> before = new ArrayList<>();
        for (String table : TABLES) {
            before.add(table + "=" + query("SELECT count(*) FROM " + table).get(0));
        }
        String interviewsBefore = String.join("\n", query(
                "SELECT id, account_id, project_id, title, status, media_key, transcript, created_at FROM interviews ORDER BY id"));
        migrateToLatest();
        List<String> after = new ArrayList<>();
        for (String table : TABLES) {
            after.add(table + "=" + query("SELECT count(*) FROM " + table).get(0));
        }
        assertEquals(before, after);
        assertEquals(interviewsBefore, String.join("\n", query(
                "SELECT id, account_id, project_id, title, status, media_key, transcript, created_at FROM interviews ORDER BY id")));
    }

    @Test
    void a_jobs_state_is_merged_into_the_interview_keeping_what_the_interview_had() throws Exception {
        migrateToLatest();
        JsonNode a = analysis(A);
        assertEquals("Analyzing", a.get("status_detail").asText());
        assertEquals("run_a", a.get("trigger_run_id").asText());
        assertEquals(JSON.readTree("{\"phase\": \"insights\"}"), a.get("workflow_state"));
        assertEquals(JSON.readTree("[\"upload\", \"evidence\"]"), a.get("completed_steps"));
        assertEquals("insights", a.get("current_step").asText());
        assertEquals(12, a.get("evidence_count").asInt());
        assertEquals("Focus on pricing", a.get("custom_instructions").asText());
        assertEquals(JSON.readTree("{\"speakers\": 2}"), a.get("transcript_data"));
        assertEquals("aaaaaaaa-1111-4000-8000-000000000001", a.get("migrated_from_analysis_job").asText());
        assertTrue(a.hasNonNull("migrated_at"));
    }

    @Test
    void a_legacy_text_error_becomes_a_structured_last_error() throws Exception {
        migrateToLatest();
        JsonNode error = analysis(A).get("last_error");
        assertEquals("OpenAI timeout", error.get("message").asText());
        assertEquals("insights", error.get("step").asText());
        assertEquals("legacy", error.get("kind").asText());
        assertTrue(error.get("at").asText().startsWith("2026-02-01T10:04:00"), error.toString());
    }

    @Test
    void with_several_jobs_the_newest_is_the_state_and_its_nulls_erase_nothing() throws Exception {
        migrateToLatest();
        JsonNode b = analysis(B);
        assertEquals("finalize", b.get("current_step").asText());
        assertEquals("run_b2", b.get("trigger_run_id").asText());
        assertEquals("from the interview", b.get("custom_instructions").asText());
        assertFalse(b.has("evidence_count"), b.toString());
        assertFalse(b.has("last_error"), b.toString());
        assertEquals(7, b.get("completed_steps").size());
        assertEquals("bbbbbbbb-1111-4000-8000-000000000002", b.get("migrated_from_analysis_job").asText());
        assertEquals(JSON.readTree("[\"bbbbbbbb-1111-4000-8000-000000000001\", \"bbbbbbbb-1111-4000-8000-000000000002\"]"),
                b.get("migrated_analysis_job_ids"));
    }

    @Test
    void an_interview_without_a_job_is_left_as_it_was() throws Exception {
        migrateToLatest();
        assertEquals(JSON.readTree("{\"progress\": 40}"), analysis(C));
    }

    @Test
    void the_stuck_incident_interview_keeps_its_status_and_gains_its_jobs_step() throws Exception {
        migrateToLatest();
        assertEquals(List.of("processing"), query("SELECT status FROM interviews WHERE id = '" + INCIDENT + "'"));
        JsonNode incident = analysis(INCIDENT);
        assertEquals("evidence", incident.get("current_step").asText());
        assertEquals(JSON.readTree("[\"upload\"]"), incident.get("completed_steps"));
        assertEquals("run_incident", incident.get("trigger_run_id").asText());
    }

    @Test
    void the_same_person_under_two_spellings_becomes_one_with_both_interviews() throws Exception {
        migrateToLatest();
        assertEquals(List.of("99999999-0000-4000-8000-000000000001|Dana Whitfield|Team lead"),
                query("SELECT id, name, description FROM people"));
        assertEquals(List.of(A + "|interviewee", B + "|interviewee"),
                query("SELECT interview_id, role FROM interview_people ORDER BY interview_id"));
    }

    @Test
    void migrating_twice_changes_nothing_the_second_time() throws Exception {
        migrateToLatest();
        String first = String.join("\n", query("SELECT id, conversation_analysis, updated_at FROM interviews ORDER BY id"));
        assertEquals(0, flyway("latest").migrate().migrationsExecuted);
        assertEquals(first, String.join("\n", query("SELECT id, conversation_analysis, updated_at FROM interviews ORDER BY id")));
    }
}
