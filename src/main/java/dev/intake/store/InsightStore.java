package dev.intake.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.intake.interview.AnswerDraft;
import dev.intake.interview.PersonaDraft;
import dev.intake.interview.Question;
import dev.intake.interview.ThemeDraft;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Themes, personas and answers, as Insights keeps them: themes and personas belong to the project,
 * found by name or created, and an interview reaches them through its links (theme_evidence,
 * people_personas); answers go to project_answers for the project's research questions, with their
 * evidence in project_answer_evidence. A re-run replaces only the links and answers Intake wrote.
 */
@ApplicationScoped
public class InsightStore {

    /**
     * Serialises find-or-create of one name within a project for the transaction, so two interviews
     * of a project naming the same theme or persona at once make one row, not two. A transaction takes
     * all its names' locks first, in one order, so two of them never wait on each other.
     */
    @Sql
    static final String LOCK_NAME = "SELECT pg_advisory_xact_lock(hashtextextended($1::text || ':' || lower($2), 0))";

    @Sql
    static final String DELETE_THEME_LINKS = Outputs.deleteWritten("theme_evidence", "uuid");
    @Sql
    static final String FIND_THEME = """
            SELECT id FROM themes WHERE account_id = $1 AND project_id = $2 AND lower(name) = lower($3)
            ORDER BY created_at, id LIMIT 1""";
    @Sql
    static final String INSERT_THEME = Outputs.recorded("themes", "$5", "0", """
            INSERT INTO themes (account_id, project_id, name, statement) VALUES ($1, $2, $3, $4)
            RETURNING id""");
    @Sql
    static final String LINK_THEME_EVIDENCE = Outputs.recorded("theme_evidence", "$5", "$6", """
            INSERT INTO theme_evidence (theme_id, evidence_id, account_id, project_id) VALUES ($1, $2, $3, $4)
            ON CONFLICT (theme_id, evidence_id, account_id) DO NOTHING
            RETURNING id""");
    /** The themes this interview's evidence is linked to by Intake, in the order they were found. */
    @Sql
    static final String LIST_THEMES = """
            SELECT t.id, t.name, t.statement,
                   array_agg(te.evidence_id ORDER BY eo.position, te.evidence_id) AS evidence_ids
            FROM intake.interview_outputs o
            JOIN theme_evidence te ON te.id = o.row_id::uuid
            JOIN themes t ON t.id = te.theme_id
            LEFT JOIN intake.interview_outputs eo ON eo.table_name = 'evidence' AND eo.row_id = te.evidence_id::text
            WHERE o.interview_id = $1 AND o.table_name = 'theme_evidence'
            GROUP BY t.id, t.name, t.statement
            ORDER BY min(o.position), t.id""";

    @Sql
    static final String DELETE_PERSONA_LINKS = """
            WITH gone AS (
                DELETE FROM intake.interview_outputs WHERE interview_id = $1 AND table_name = 'people_personas'
                RETURNING row_id)
            DELETE FROM people_personas pp USING gone
            WHERE pp.person_id = split_part(gone.row_id, ':', 1)::uuid
              AND pp.persona_id = split_part(gone.row_id, ':', 2)::uuid""";
    @Sql
    static final String FIND_PERSONA = """
            SELECT id FROM personas WHERE account_id = $1 AND project_id = $2 AND lower(name) = lower($3)
            ORDER BY created_at, id LIMIT 1""";
    @Sql
    static final String INSERT_PERSONA = Outputs.recorded("personas", "$7", "0", """
            INSERT INTO personas (account_id, project_id, name, description, goals, pains, kind)
            VALUES ($1, $2, $3, $4, $5::text[], $6::text[], 'provisional')
            RETURNING id""");
    /**
     * Assigns the persona to the interview's interviewees ($4: only the one it was drawn from, when
     * known). An assignment already there (made by Insights or a person) stays theirs.
     */
    @Sql
    static final String ASSIGN_PERSONA = Outputs.recorded("people_personas", "$1", "$5", """
            INSERT INTO people_personas (person_id, persona_id, interview_id, project_id, source, confidence_score)
            SELECT ip.person_id, $2, $1, $3, 'intake', 1.0
            FROM interview_people ip JOIN people p ON p.id = ip.person_id
            WHERE ip.interview_id = $1 AND ip.role = 'participant' AND p.deleted_at IS NULL
              AND ($4::text IS NULL OR p.name_hash = lower($4))
            ORDER BY ip.person_id
            ON CONFLICT (person_id, persona_id) DO NOTHING
            RETURNING person_id || ':' || persona_id AS id""");
    @Sql
    static final String LIST_PERSONAS = """
            SELECT DISTINCT ON (pp.persona_id) pe.name, pe.description, pe.goals, pe.pains, p.name AS drawn_from,
                   o.position
            FROM intake.interview_outputs o
            JOIN people_personas pp ON pp.person_id = split_part(o.row_id, ':', 1)::uuid
                                   AND pp.persona_id = split_part(o.row_id, ':', 2)::uuid
            JOIN personas pe ON pe.id = pp.persona_id
            JOIN people p ON p.id = pp.person_id
            WHERE o.interview_id = $1 AND o.table_name = 'people_personas'
            ORDER BY pp.persona_id, o.position""";

    @Sql
    static final String DELETE_ANSWERS = Outputs.deleteWritten("project_answers", "uuid");
    /**
     * An answer to one research question, as Insights' own analysis writes one (origin 'analysis',
     * status 'answered', the interview's first participant as respondent); analysis_run_metadata says
     * it was Intake, and in which run.
     */
    @Sql
    static final String INSERT_ANSWER = Outputs.recorded("project_answers", "$2", "$6", """
            INSERT INTO project_answers (project_id, interview_id, research_question_id, decision_question_id,
                                         question_text, answer_text, analysis_summary, status, origin, answered_at,
                                         analysis_run_metadata, respondent_person_id)
            SELECT q.project_id, $2, q.id, q.decision_question_id, q.text, $3, $3, 'answered', 'analysis', now(),
                   $4::jsonb,
                   (SELECT ip.person_id FROM interview_people ip
                    WHERE ip.interview_id = $2 AND ip.role = 'participant'
                      AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = ip.person_id AND p.deleted_at IS NOT NULL)
                    ORDER BY ip.id LIMIT 1)
            FROM research_questions q WHERE q.id = $1 AND q.project_id = $5
            RETURNING id""");
    @Sql
    static final String LINK_ANSWER_EVIDENCE = """
            INSERT INTO project_answer_evidence (project_id, answer_id, evidence_id, interview_id, source, text,
                                                 start_seconds, end_seconds, payload)
            SELECT $1, $2, e.id, e.interview_id, 'analysis', e.verbatim,
                   (e.anchors->0->>'start_ms')::numeric / 1000, (e.anchors->0->>'end_ms')::numeric / 1000,
                   $4::jsonb
            FROM evidence e WHERE e.id = $3 AND e.deleted_at IS NULL AND NOT e.is_archived
            ON CONFLICT (project_id, answer_id, evidence_id) DO NOTHING""";
    /**
     * Insights' research rollup finds an answer's evidence through evidence.project_answer_id: set on
     * Intake's own evidence only, to the first answer that cites it.
     */
    @Sql
    static final String MARK_EVIDENCE_ANSWER = """
            UPDATE evidence SET project_answer_id = $2, updated_at = now()
            WHERE id = $1 AND project_answer_id IS NULL
              AND EXISTS (SELECT 1 FROM intake.interview_outputs o WHERE o.table_name = 'evidence' AND o.row_id = $1::text)""";
    /** Each research question of the project with Intake's answer from this interview, if there is one. */
    @Sql
    static final String LIST_ANSWERS = """
            SELECT q.id AS question_id, a.answer_text,
                   coalesce((SELECT array_agg(pae.evidence_id ORDER BY eo.position)
                             FROM project_answer_evidence pae
                             LEFT JOIN intake.interview_outputs eo
                                    ON eo.table_name = 'evidence' AND eo.row_id = pae.evidence_id::text
                             WHERE pae.answer_id = a.id), '{}') AS evidence_ids
            FROM research_questions q
            LEFT JOIN (intake.interview_outputs o JOIN project_answers a ON a.id = o.row_id::uuid)
                   ON o.interview_id = $1 AND o.table_name = 'project_answers' AND a.research_question_id = q.id
            WHERE q.project_id = $2
            ORDER BY q.created_at, q.id""";

    private final Db db;

    InsightStore(Db db) {
        this.db = db;
    }

    /** Links the interview's evidence to the project's themes of these names, creating the missing ones. */
    public void replaceThemes(Lease lease, UUID accountId, UUID projectId, List<ThemeDraft> themes) {
        UUID interviewId = lease.interviewId();
        db.inTransaction(tx -> {
            LeaseFence.hold(tx, lease);
            tx.execute(DELETE_THEME_LINKS, Tuple.of(interviewId));
            lockNames(tx, projectId, themes.stream().map(ThemeDraft::name).toList());
            List<Tuple> links = new ArrayList<>();
            for (int i = 0; i < themes.size(); i++) {
                ThemeDraft theme = themes.get(i);
                UUID themeId = findOrCreate(tx, FIND_THEME, Tuple.of(accountId, projectId, theme.name()),
                        INSERT_THEME, Tuple.from(Arrays.asList(accountId, projectId, theme.name(), theme.summary(), interviewId)));
                for (UUID evidenceId : theme.evidenceIds()) {
                    links.add(Tuple.from(Arrays.asList(themeId, evidenceId, accountId, projectId, interviewId, i)));
                }
            }
            tx.executeBatch(LINK_THEME_EVIDENCE, links);
            return null;
        });
    }

    public List<ThemeDraft> themes(UUID interviewId) {
        List<ThemeDraft> themes = new ArrayList<>();
        for (Row row : db.execute(LIST_THEMES, Tuple.of(interviewId))) {
            themes.add(new ThemeDraft(row.getString("name"), row.getString("statement"),
                    Arrays.asList(row.getArrayOfUUIDs("evidence_ids"))));
        }
        return themes;
    }

    /** Assigns the project's personas of these names (created when missing) to the interview's interviewees. */
    public void replacePersonas(Lease lease, UUID accountId, UUID projectId, List<PersonaDraft> personas) {
        UUID interviewId = lease.interviewId();
        db.inTransaction(tx -> {
            LeaseFence.hold(tx, lease);
            tx.execute(DELETE_PERSONA_LINKS, Tuple.of(interviewId));
            lockNames(tx, projectId, personas.stream().map(PersonaDraft::name).toList());
            for (int i = 0; i < personas.size(); i++) {
                PersonaDraft p = personas.get(i);
                UUID personaId = findOrCreate(tx, FIND_PERSONA, Tuple.of(accountId, projectId, p.name()),
                        INSERT_PERSONA, Tuple.from(Arrays.asList(accountId, projectId, p.name(), p.description(),
                                p.goals().toArray(String[]::new), p.pains().toArray(String[]::new), interviewId)));
                String drawnFrom = p.drawnFrom() == null ? null : PersonName.normalize(p.drawnFrom());
                tx.execute(ASSIGN_PERSONA, Tuple.from(Arrays.asList(interviewId, personaId, projectId, drawnFrom, i)));
            }
            return null;
        });
    }

    public List<PersonaDraft> personas(UUID interviewId) {
        List<Map.Entry<Integer, PersonaDraft>> found = new ArrayList<>();
        for (Row row : db.execute(LIST_PERSONAS, Tuple.of(interviewId))) {
            found.add(Map.entry(row.getInteger("position"), new PersonaDraft(row.getString("name"),
                    row.getString("description"), strings(row.getArrayOfStrings("goals")),
                    strings(row.getArrayOfStrings("pains")), row.getString("drawn_from"))));
        }
        found.sort(Map.Entry.comparingByKey());
        return found.stream().map(Map.Entry::getValue).toList();
    }

    /**
     * Replaces Intake's answers from this interview: one project_answers row per answered question,
     * with its evidence. Unanswered questions get no row; scripted and planned answers are not touched.
     */
    public void replaceAnswers(Lease lease, UUID projectId, String runId, List<AnswerDraft> answers) {
        UUID interviewId = lease.interviewId();
        JsonObject metadata = new JsonObject().put("writer", "intake").put("last_run_id", runId);
        db.inTransaction(tx -> {
            LeaseFence.hold(tx, lease);
            tx.execute(DELETE_ANSWERS, Tuple.of(interviewId));
            List<Tuple> links = new ArrayList<>();
            List<Tuple> marks = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                AnswerDraft a = answers.get(i);
                if (!a.answered()) {
                    continue;
                }
                UUID answerId = Outputs.writtenId(tx.execute(INSERT_ANSWER, Tuple.from(Arrays.asList(a.questionId(),
                        interviewId, a.answer(), metadata, projectId, i)))).orElseThrow(() -> new IllegalStateException(
                        "question " + a.questionId() + " is not a research question of project " + projectId));
                for (UUID evidenceId : a.evidenceIds()) {
                    links.add(Tuple.of(projectId, answerId, evidenceId, metadata));
                    marks.add(Tuple.of(evidenceId, answerId));
                }
            }
            tx.executeBatch(LINK_ANSWER_EVIDENCE, links);
            tx.executeBatch(MARK_EVIDENCE_ANSWER, marks);
            return null;
        });
    }

    /** One per research question of the project, in their order: Intake's answer, or unanswered. */
    public List<AnswerDraft> answers(UUID interviewId, UUID projectId) {
        List<AnswerDraft> answers = new ArrayList<>();
        for (Row row : db.execute(LIST_ANSWERS, Tuple.of(interviewId, projectId))) {
            String answer = row.getString("answer_text");
            answers.add(answer == null ? AnswerDraft.unanswered(row.getUUID("question_id"))
                    : new AnswerDraft(row.getUUID("question_id"), answer, Arrays.asList(row.getArrayOfUUIDs("evidence_ids"))));
        }
        return answers;
    }

    private static void lockNames(Db.Tx tx, UUID projectId, List<String> names) {
        names.stream().map(name -> name.toLowerCase(java.util.Locale.ROOT)).distinct().sorted()
                .forEach(name -> tx.execute(LOCK_NAME, Tuple.of(projectId.toString(), name)));
    }

    /** The project's row of that name, or a new one; its name is locked ({@link #lockNames}). */
    private static UUID findOrCreate(Db.Tx tx, String find, Tuple findArgs, String insert, Tuple insertArgs) {
        var found = tx.execute(find, findArgs);
        if (found.rowCount() > 0) {
            return found.iterator().next().getUUID("id");
        }
        return Outputs.writtenId(tx.execute(insert, insertArgs)).orElseThrow();
    }

    private static List<String> strings(String[] values) {
        return values == null ? List.of() : List.of(values);
    }
}
