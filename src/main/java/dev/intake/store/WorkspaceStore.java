package dev.intake.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.intake.interview.Question;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Accounts and their members (Insights' {@code accounts} schema), projects and the projects' research
 * questions. The ensure* statements set up local and test workspaces; against a live Insights
 * database Intake only reads these tables.
 */
@ApplicationScoped
public class WorkspaceStore {

    @Sql
    static final String ENSURE_ACCOUNT = """
            INSERT INTO accounts.accounts (id, name, primary_owner_user_id, personal_account) VALUES ($1, $2, $3, false)
            ON CONFLICT (id) DO NOTHING""";
    @Sql
    static final String ENSURE_MEMBER = """
            INSERT INTO accounts.account_user (account_id, user_id, account_role) VALUES ($1, $2, $3::accounts.account_role)
            ON CONFLICT (user_id, account_id) DO NOTHING""";
    @Sql
    static final String ENSURE_PROJECT = """
            INSERT INTO projects (id, account_id, name, description) VALUES ($1, $2, $3, $4)
            ON CONFLICT (id) DO NOTHING""";
    /** $4 orders the questions: Insights lists research questions by when they were created. */
    @Sql
    static final String ENSURE_QUESTION = """
            INSERT INTO research_questions (id, project_id, text, created_at, updated_at)
            VALUES ($1, $2, $3, now() + make_interval(secs => $4::int * 0.001), now())
            ON CONFLICT (id) DO NOTHING""";
    @Sql
    static final String LIST_QUESTIONS = """
            SELECT id, text FROM research_questions
            WHERE project_id = $1 ORDER BY created_at, id""";

    @Sql
    static final String ROLE_IN_ACCOUNT = """
            SELECT account_role::text AS role FROM accounts.account_user WHERE account_id = $1 AND user_id = $2""";
    @Sql
    static final String PROJECT_IN_ACCOUNT = "SELECT 1 FROM projects WHERE id = $1 AND account_id = $2";
    @Sql
    static final String ACCOUNT_OF_PROJECT = "SELECT account_id FROM projects WHERE id = $1";

    private final Db db;

    WorkspaceStore(Db db) {
        this.db = db;
    }

    /** An account owned by {@code ownerUserId}; Insights' accounts always have a primary owner. */
    public void ensureAccount(UUID id, String name, UUID ownerUserId) {
        db.execute(ENSURE_ACCOUNT, Tuple.of(id, name, ownerUserId));
    }

    /** {@code role} is one of Insights' account roles: owner, member, viewer. */
    public void ensureMember(UUID accountId, UUID userId, String role) {
        db.execute(ENSURE_MEMBER, Tuple.of(accountId, userId, role));
    }

    public void ensureProject(UUID id, UUID accountId, String name, String description) {
        db.execute(ENSURE_PROJECT, Tuple.of(id, accountId, name, description));
    }

    public void ensureQuestion(UUID id, UUID projectId, String question, int position) {
        db.execute(ENSURE_QUESTION, Tuple.of(id, projectId, question, position));
    }

    /** The user's role in the account (owner, member, viewer), or empty when they are not a member. */
    public Optional<String> roleIn(UUID accountId, UUID userId) {
        var rows = db.execute(ROLE_IN_ACCOUNT, Tuple.of(accountId, userId));
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("role"));
    }

    public boolean projectInAccount(UUID projectId, UUID accountId) {
        return db.execute(PROJECT_IN_ACCOUNT, Tuple.of(projectId, accountId)).rowCount() > 0;
    }

    /** The account {@code projectId} belongs to, or empty when there is no such project. */
    public Optional<UUID> accountOf(UUID projectId) {
        var rows = db.execute(ACCOUNT_OF_PROJECT, Tuple.of(projectId));
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("account_id"));
    }

    public List<Question> questions(UUID projectId) {
        return questionsOf(projectId).rows().apply(db.execute(LIST_QUESTIONS, Tuple.of(projectId)));
    }

    /** {@link #questions}, to read together with other inputs of a step. */
    public Read<List<Question>> questionsOf(UUID projectId) {
        return new Read<>(new Db.Statement(LIST_QUESTIONS, Tuple.of(projectId)), rows -> {
            List<Question> questions = new ArrayList<>();
            for (Row row : rows) {
                questions.add(new Question(row.getUUID("id"), row.getString("text")));
            }
            return questions;
        });
    }
}
