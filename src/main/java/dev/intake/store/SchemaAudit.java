package dev.intake.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Prepares statements against the live schema without running them. PostgreSQL parses and plans a
 * prepared statement, so a table or column that does not exist fails here, not in production.
 */
@ApplicationScoped
public class SchemaAudit {

    public record Finding(String statement, String problem) {
    }

    private static final Duration PREPARE_TIMEOUT = Duration.ofSeconds(30);

    private final Db db;

    SchemaAudit(Db db) {
        this.db = db;
    }

    /** Audits every statement of the application; empty when the schema serves them all. */
    public List<Finding> auditAll() {
        return audit(SqlCatalog.statements());
    }

    public List<Finding> audit(List<SqlCatalog.Statement> statements) {
        return db.withConnection(connection -> {
            List<Finding> findings = new ArrayList<>();
            for (SqlCatalog.Statement statement : statements) {
                // Each statement in a transaction of its own: behind a transaction-mode pooler the
                // prepare and its close then reach the same server connection, and a failure does not
                // abort the checks that follow.
                var transaction = connection.begin().await().atMost(PREPARE_TIMEOUT);
                try {
                    connection.prepare(statement.sql()).await().atMost(PREPARE_TIMEOUT)
                            .close().await().atMost(PREPARE_TIMEOUT);
                } catch (RuntimeException e) {
                    findings.add(new Finding(statement.name(), e.getMessage()));
                } finally {
                    transaction.rollback().await().atMost(PREPARE_TIMEOUT);
                }
            }
            return findings;
        });
    }
}
