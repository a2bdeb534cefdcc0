package dev.intake.store;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.intake.providers.analysis.Question;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Accounts, their members, projects and the projects' questions. */
@ApplicationScoped
public class WorkspaceStore {

    @Sql
    static final String ENSURE_ACCOUNT = "INSERT INTO accounts (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING";
    @Sql
    static final String ENSURE_MEMBER = """
            INSERT INTO account_members (account_id, user_id, role) VALUES ($1, $2, $3)
            ON CONFLICT (account_id, user_id) DO NOTHING""";
    @Sql
    static final String ENSURE_PROJECT = """
            INSERT INTO projects (id, account_id, name, description) VALUES ($1, $2, $3, $4)
            ON CONFLICT (id) DO NOTHING""";
    @Sql
    static final String ENSURE_QUESTION = """
            INSERT INTO project_questions (id, project_id, question, position) VALUES ($1, $2, $3, $4)
            ON CONFLICT (id) DO NOTHING""";
    @Sql
    static final String LIST_QUESTIONS = """
            SELECT id, question FROM project_questions
            WHERE project_id = $1 ORDER BY position, created_at, id""";

    @Sql
    static final String IS_MEMBER = "SELECT 1 FROM account_members WHERE account_id = $1 AND user_id = $2";
    @Sql
    static final String PROJECT_IN_ACCOUNT = "SELECT 1 FROM projects WHERE id = $1 AND account_id = $2";

    private final Db db;

    WorkspaceStore(Db db) {
        this.db = db;
    }

    public void ensureAccount(UUID id, String name) {
        db.execute(ENSURE_ACCOUNT, Tuple.of(id, name));
    }

    public void ensureMember(UUID accountId, UUID userId, String role) {
        db.execute(ENSURE_MEMBER, Tuple.of(accountId, userId, role));
    }

    public void ensureProject(UUID id, UUID accountId, String name, String description) {
        db.execute(ENSURE_PROJECT, Tuple.of(id, accountId, name, description));
    }

    public void ensureQuestion(UUID id, UUID projectId, String question, int position) {
        db.execute(ENSURE_QUESTION, Tuple.of(id, projectId, question, position));
    }

    public boolean isMember(UUID accountId, UUID userId) {
        return db.execute(IS_MEMBER, Tuple.of(accountId, userId)).rowCount() > 0;
    }

    public boolean projectInAccount(UUID projectId, UUID accountId) {
        return db.execute(PROJECT_IN_ACCOUNT, Tuple.of(projectId, accountId)).rowCount() > 0;
    }

    public List<Question> questions(UUID projectId) {
        List<Question> questions = new ArrayList<>();
        for (Row row : db.execute(LIST_QUESTIONS, Tuple.of(projectId))) {
            questions.add(new Question(row.getUUID("id"), row.getString("question")));
        }
        return questions;
    }
}
