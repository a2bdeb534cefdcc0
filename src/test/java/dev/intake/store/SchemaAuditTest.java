package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class SchemaAuditTest {

    @Inject
    SchemaAudit audit;

    @Test
    void every_statement_the_application_issues_prepares_against_the_migrated_schema() {
        assertTrue(SqlCatalog.statements().size() > 30, "the catalog lists the application's statements");
        assertEquals(List.of(), audit.auditAll());
    }

    @Test
    void a_statement_naming_the_dropped_legacy_table_fails_the_audit() throws IOException {
        // The write that lost interviews in the old system, kept as a resource so no Java code names the table.
        String legacyInsert;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("audit/legacy-job-insert.sql")) {
            legacyInsert = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var findings = audit.audit(List.of(new SqlCatalog.Statement("Legacy.INSERT_JOB", legacyInsert)));
        assertEquals(1, findings.size());
        assertEquals("Legacy.INSERT_JOB", findings.get(0).statement());
        assertTrue(findings.get(0).problem().contains("does not exist"), findings.get(0).problem());
    }

    @Test
    void a_statement_naming_a_missing_column_fails_the_audit() {
        var findings = audit.audit(List.of(
                new SqlCatalog.Statement("ok", "SELECT id FROM interviews WHERE id = $1"),
                new SqlCatalog.Statement("bad", "UPDATE interviews SET job_state = $2 WHERE id = $1")));
        assertEquals(1, findings.size());
        assertEquals("bad", findings.get(0).statement());
        assertTrue(findings.get(0).problem().contains("job_state"), findings.get(0).problem());
    }
}
