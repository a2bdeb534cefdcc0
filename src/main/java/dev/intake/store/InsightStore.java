package dev.intake.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.intake.providers.analysis.AnswerDraft;
import dev.intake.providers.analysis.PersonaDraft;
import dev.intake.providers.analysis.ThemeDraft;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Themes, personas and answers: what the insights, personas and answers steps write. */
@ApplicationScoped
public class InsightStore {

    @Sql
    static final String DELETE_THEMES = "DELETE FROM themes WHERE interview_id = $1";
    @Sql
    static final String INSERT_THEME = """
            INSERT INTO themes (id, project_id, interview_id, name, summary, position)
            VALUES ($1, $2, $3, $4, $5, $6)""";
    @Sql
    static final String LINK_THEME_EVIDENCE = "INSERT INTO theme_evidence (theme_id, evidence_id) VALUES ($1, $2)";
    @Sql
    static final String LIST_THEMES = """
            SELECT t.id, t.name, t.summary,
                   coalesce(array_agg(te.evidence_id ORDER BY e.position) FILTER (WHERE te.evidence_id IS NOT NULL),
                            '{}') AS evidence_ids
            FROM themes t
            LEFT JOIN theme_evidence te ON te.theme_id = t.id
            LEFT JOIN evidence e ON e.id = te.evidence_id
            WHERE t.interview_id = $1
            GROUP BY t.id, t.name, t.summary, t.position
            ORDER BY t.position, t.id""";

    @Sql
    static final String DELETE_PERSONAS = "DELETE FROM personas WHERE interview_id = $1";
    @Sql
    static final String INSERT_PERSONA = """
            INSERT INTO personas (id, project_id, interview_id, name, description, goals, pains, position)
            VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)""";
    @Sql
    static final String LIST_PERSONAS = """
            SELECT name, description, goals, pains FROM personas
            WHERE interview_id = $1 ORDER BY position, id""";

    @Sql
    static final String DELETE_ANSWERS = "DELETE FROM project_answers WHERE interview_id = $1";
    @Sql
    static final String INSERT_ANSWER = """
            INSERT INTO project_answers (id, project_id, question_id, interview_id, answer, status, evidence_ids)
            VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[])""";
    @Sql
    static final String LIST_ANSWERS = """
            SELECT a.question_id, a.answer, a.evidence_ids
            FROM project_answers a JOIN project_questions q ON q.id = a.question_id
            WHERE a.interview_id = $1
            ORDER BY q.position, q.created_at, q.id""";

    private final Db db;

    InsightStore(Db db) {
        this.db = db;
    }

    public void replaceThemes(Lease lease, UUID projectId, List<ThemeDraft> themes) {
        UUID interviewId = lease.interviewId();
        List<Tuple> rows = new ArrayList<>();
        List<Tuple> links = new ArrayList<>();
        for (int i = 0; i < themes.size(); i++) {
            ThemeDraft theme = themes.get(i);
            UUID themeId = UUID.randomUUID();
            rows.add(Tuple.from(Arrays.asList(themeId, projectId, interviewId, theme.name(), theme.summary(), i)));
            theme.evidenceIds().forEach(evidenceId -> links.add(Tuple.of(themeId, evidenceId)));
        }
        db.inTransaction(tx -> {
            LeaseFence.hold(tx, lease);
            tx.execute(DELETE_THEMES, Tuple.of(interviewId));
            tx.executeBatch(INSERT_THEME, rows);
            tx.executeBatch(LINK_THEME_EVIDENCE, links);
            return null;
        });
    }

    public List<ThemeDraft> themes(UUID interviewId) {
        List<ThemeDraft> themes = new ArrayList<>();
        for (Row row : db.execute(LIST_THEMES, Tuple.of(interviewId))) {
            themes.add(new ThemeDraft(row.getString("name"), row.getString("summary"),
                    Arrays.asList(row.getArrayOfUUIDs("evidence_ids"))));
        }
        return themes;
    }

    public void replacePersonas(Lease lease, UUID projectId, List<PersonaDraft> personas) {
        UUID interviewId = lease.interviewId();
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < personas.size(); i++) {
            PersonaDraft p = personas.get(i);
            rows.add(Tuple.from(Arrays.asList(UUID.randomUUID(), projectId, interviewId, p.name(), p.description(),
                    new JsonArray(p.goals()), new JsonArray(p.pains()), i)));
        }
        replace(lease, DELETE_PERSONAS, INSERT_PERSONA, rows);
    }

    public List<PersonaDraft> personas(UUID interviewId) {
        List<PersonaDraft> personas = new ArrayList<>();
        for (Row row : db.execute(LIST_PERSONAS, Tuple.of(interviewId))) {
            personas.add(new PersonaDraft(row.getString("name"), row.getString("description"),
                    strings(row.getJsonArray("goals")), strings(row.getJsonArray("pains"))));
        }
        return personas;
    }

    public void replaceAnswers(Lease lease, UUID projectId, List<AnswerDraft> answers) {
        UUID interviewId = lease.interviewId();
        List<Tuple> rows = answers.stream()
                .map(a -> Tuple.from(Arrays.asList(UUID.randomUUID(), projectId, a.questionId(), interviewId,
                        a.answer(), a.answered() ? "answered" : "unanswered",
                        a.evidenceIds().toArray(UUID[]::new))))
                .toList();
        replace(lease, DELETE_ANSWERS, INSERT_ANSWER, rows);
    }

    public List<AnswerDraft> answers(UUID interviewId) {
        List<AnswerDraft> answers = new ArrayList<>();
        for (Row row : db.execute(LIST_ANSWERS, Tuple.of(interviewId))) {
            answers.add(new AnswerDraft(row.getUUID("question_id"), row.getString("answer"),
                    Arrays.asList(row.getArrayOfUUIDs("evidence_ids"))));
        }
        return answers;
    }

    /** Deletes the interview's rows with {@code delete} and inserts {@code rows}, in one fenced transaction. */
    private void replace(Lease lease, String delete, String insert, List<Tuple> rows) {
        db.inTransaction(tx -> {
            LeaseFence.hold(tx, lease);
            tx.execute(delete, Tuple.of(lease.interviewId()));
            tx.executeBatch(insert, rows);
            return null;
        });
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.stream().map(String::valueOf).toList();
    }
}
