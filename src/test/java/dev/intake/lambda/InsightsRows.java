package dev.intake.lambda;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The rows Insights' web app and desktop app write before Intake sees an upload (an account, a project, an
 * interview waiting for its file), and what the test reads back: plain JDBC on the migrated database.
 */
final class InsightsRows {

    record Workspace(UUID accountId, UUID projectId, UUID ownerId) {
    }

    record InterviewRow(String status, String currentStep, Integer progress, String completedSteps, String error,
                        long evidence) {
    }

    private final String url;
    private final String user;
    private final String password;

    InsightsRows(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Workspace workspace() {
        Workspace workspace = new Workspace(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        update("INSERT INTO accounts.accounts (id, name, primary_owner_user_id, personal_account) VALUES (?, ?, ?, false)",
                workspace.accountId(), "Lambda runtime test", workspace.ownerId());
        update("INSERT INTO accounts.account_user (account_id, user_id, account_role) VALUES (?, ?, 'owner')",
                workspace.accountId(), workspace.ownerId());
        update("INSERT INTO projects (id, account_id, name) VALUES (?, ?, ?)",
                workspace.projectId(), workspace.accountId(), "Onboarding research");
        return workspace;
    }

    /** An interview in {@code uploading}, as the desktop app creates it before it uploads the file. */
    UUID uploadingInterview(Workspace workspace, String fileName) {
        UUID id = UUID.randomUUID();
        update("INSERT INTO interviews (id, account_id, project_id, title, status, source_type, original_filename, created_by)"
                        + " VALUES (?, ?, ?, ?, 'uploading', 'transcript_import', ?, ?)",
                id, workspace.accountId(), workspace.projectId(), fileName, fileName, workspace.ownerId());
        return id;
    }

    InterviewRow interview(UUID id) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement("""
                SELECT status::text, conversation_analysis->>'current_step', (conversation_analysis->>'progress')::int,
                       conversation_analysis->>'completed_steps', processing_metadata->>'error',
                       (SELECT count(*) FROM evidence e WHERE e.interview_id = i.id)
                FROM interviews i WHERE id = ?""")) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no interview " + id);
                }
                return new InterviewRow(row.getString(1), row.getString(2), (Integer) row.getObject(3), row.getString(4),
                        row.getString(5), row.getLong(6));
            }
        } catch (SQLException e) {
            throw new AssertionError("could not read interview " + id + ": " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
