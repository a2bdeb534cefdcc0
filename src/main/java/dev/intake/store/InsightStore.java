package dev.intake.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.intake.interview.AnswerDraft;
import dev.intake.interview.PersonaDraft;
import dev.intake.interview.ProjectTheme;
import dev.intake.interview.Question;
import dev.intake.interview.ThemeDraft;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
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
     * all its names' locks first, in one order, so two of them never wait on each other: every name of
     * $2 in its order, in one statement (a long interview has hundreds of themes).
     */
    @Sql
    static final String LOCK_NAMES = """
            SELECT count(pg_advisory_xact_lock(hashtextextended($1::text || ':' || lower(n.name), 0))) AS locked
            FROM (SELECT name FROM unnest($2::text[]) WITH ORDINALITY AS u(name, i) ORDER BY i) n""";

    @Sql
    static final String DELETE_THEME_LINKS = Outputs.deleteWritten("theme_evidence", "uuid");
    @Sql
    static final String FIND_THEME = """
            SELECT id FROM themes WHERE account_id = $1 AND project_id = $2 AND lower(name) = lower($3)
            ORDER BY created_at, id LIMIT 1""";
    /** The project's theme a draft was matched to, if it is still there (it may have been deleted meanwhile). */
    @Sql
    static final String FIND_THEME_BY_ID = "SELECT id FROM themes WHERE id = $1 AND project_id = $2";
    /** The names of themes by id, to lock them before they are linked to or removed. */
    @Sql
    static final String THEME_NAMES = "SELECT name FROM themes WHERE id = ANY($1::uuid[])";
    /** The themes this interview's runs created, by name: candidates for removal once nothing uses them. */
    @Sql
    static final String OWN_THEME_NAMES = """
            SELECT t.name FROM intake.interview_outputs o JOIN themes t ON t.id = o.row_id::uuid
            WHERE o.interview_id = $1 AND o.table_name = 'themes'""";
    /**
     * A theme as Insights' theme generation writes one: name, statement, what belongs and what does not,
     * other names for it; priority and the rest keep their defaults.
     */
    @Sql
    static final String INSERT_THEME = Outputs.recorded("themes", "$8", "0", """
            INSERT INTO themes (account_id, project_id, name, statement, inclusion_criteria, exclusion_criteria, synonyms)
            VALUES ($1, $2, $3, $4, $5, $6, $7::text[])
            RETURNING id""");
    /**
     * Another interview's name for a theme Intake created is kept as a synonym, as Insights does when it
     * finds a theme by meaning; a theme Intake did not create, or that a person has edited since, is left as it is.
     */
    @Sql
    static final String ADD_THEME_SYNONYM = """
            UPDATE themes SET synonyms = array_append(coalesce(synonyms, '{}'), $2)
            WHERE id = $1 AND updated_by IS NULL AND lower(name) <> lower($2)
              AND NOT lower($2) = ANY(SELECT lower(s) FROM unnest(coalesce(synonyms, '{}')) s)
              AND EXISTS (SELECT 1 FROM intake.interview_outputs o WHERE o.table_name = 'themes' AND o.row_id = $1::text)""";
    @Sql
    static final String LINK_THEME_EVIDENCE = Outputs.recorded("theme_evidence", "$5", "$6", """
            INSERT INTO theme_evidence (theme_id, evidence_id, account_id, project_id, rationale, confidence)
            VALUES ($1, $2, $3, $4, $7, $8)
            ON CONFLICT (theme_id, evidence_id, account_id) DO NOTHING
            RETURNING id""");
    /**
     * Removes the themes this interview's runs created that nothing references any more: no row of any
     * table with a foreign key to themes (theme_evidence, Insights' tags, personas' and opportunities'
     * links, ...; the catalogue names them, so a table Insights adds later counts too), and nobody
     * edited since (updated_by is set by Insights' trigger when a person does).
     */
    @Sql
    static final String DELETE_UNUSED_THEMES = """
            WITH gone AS (
                DELETE FROM themes t USING intake.interview_outputs o
                WHERE o.interview_id = $1 AND o.table_name = 'themes' AND t.id = o.row_id::uuid AND t.updated_by IS NULL
                  AND NOT EXISTS (
                      SELECT 1 FROM pg_constraint fk
                      JOIN pg_attribute a ON a.attrelid = fk.conrelid AND a.attnum = fk.conkey[1]
                      WHERE fk.contype = 'f' AND fk.confrelid = 'public.themes'::regclass
                        AND query_to_xml(format('SELECT 1 AS used FROM %s WHERE %I = %L LIMIT 1',
                                                fk.conrelid::regclass, a.attname, t.id), false, true, '')::text <> '')
                RETURNING t.id)
            DELETE FROM intake.interview_outputs o USING gone WHERE o.table_name = 'themes' AND o.row_id = gone.id::text""";
    /** The themes this interview's evidence is linked to by Intake, in the order they were found. */
    @Sql
    static final String LIST_THEMES = """
            SELECT t.id, t.name, t.statement, t.inclusion_criteria, t.exclusion_criteria, t.synonyms,
                   array_agg(te.evidence_id ORDER BY eo.position, te.evidence_id) AS evidence_ids,
                   array_agg(coalesce(te.confidence, 1) ORDER BY eo.position, te.evidence_id) AS confidences,
                   array_agg(te.rationale ORDER BY eo.position, te.evidence_id) AS rationales
            FROM intake.interview_outputs o
            JOIN theme_evidence te ON te.id = o.row_id::uuid
            JOIN themes t ON t.id = te.theme_id
            LEFT JOIN intake.interview_outputs eo ON eo.table_name = 'evidence' AND eo.row_id = te.evidence_id::text
            WHERE o.interview_id = $1 AND o.table_name = 'theme_evidence'
            GROUP BY t.id, t.name, t.statement, t.inclusion_criteria, t.exclusion_criteria, t.synonyms
            ORDER BY min(o.position), t.id""";
    /**
     * The project's themes, newest first, each with some of the quotes other interviews linked to it:
     * what interview $2's themes are compared with. Its own quotes, and the themes only its own earlier
     * run made, are left out, so a re-run finds what the first run found instead of matching itself.
     */
    @Sql
    static final String PROJECT_THEMES = """
            SELECT t.id, t.name, t.statement,
                   coalesce((SELECT array_agg(q.verbatim) FROM (
                                SELECT e.verbatim FROM theme_evidence te JOIN evidence e ON e.id = te.evidence_id
                                WHERE te.theme_id = t.id AND e.interview_id IS DISTINCT FROM $2
                                ORDER BY te.created_at, e.id LIMIT 12) q), '{}') AS quotes
            FROM themes t
            WHERE t.project_id = $1
              AND NOT (EXISTS (SELECT 1 FROM intake.interview_outputs o
                               WHERE o.interview_id = $2 AND o.table_name = 'themes' AND o.row_id = t.id::text)
                       AND NOT EXISTS (SELECT 1 FROM theme_evidence te JOIN evidence e ON e.id = te.evidence_id
                                       WHERE te.theme_id = t.id AND e.interview_id IS DISTINCT FROM $2))
            ORDER BY t.created_at DESC, t.id LIMIT 200""";

    @Sql
    static final String DELETE_PERSONA_LINKS = """
            WITH gone AS (
                DELETE FROM intake.interview_outputs WHERE interview_id = $1 AND table_name = 'people_personas'
                RETURNING row_id)
            DELETE FROM people_personas pp USING gone
            WHERE pp.person_id = split_part(gone.row_id, ':', 1)::uuid
              AND pp.persona_id = split_part(gone.row_id, ':', 2)::uuid""";
    @Sql
    static final String OWN_PERSONA_NAMES = """
            SELECT p.name FROM intake.interview_outputs o JOIN personas p ON p.id = o.row_id::uuid
            WHERE o.interview_id = $1 AND o.table_name = 'personas'""";
    /** As {@link #DELETE_UNUSED_THEMES}, for the personas this interview's runs created. */
    @Sql
    static final String DELETE_UNUSED_PERSONAS = """
            WITH gone AS (
                DELETE FROM personas p USING intake.interview_outputs o
                WHERE o.interview_id = $1 AND o.table_name = 'personas' AND p.id = o.row_id::uuid
                  AND NOT EXISTS (
                      SELECT 1 FROM pg_constraint fk
                      JOIN pg_attribute a ON a.attrelid = fk.conrelid AND a.attnum = fk.conkey[1]
                      WHERE fk.contype = 'f' AND fk.confrelid = 'public.personas'::regclass
                        AND query_to_xml(format('SELECT 1 AS used FROM %s WHERE %I = %L LIMIT 1',
                                                fk.conrelid::regclass, a.attname, p.id), false, true, '')::text <> '')
                RETURNING p.id)
            DELETE FROM intake.interview_outputs o USING gone WHERE o.table_name = 'personas' AND o.row_id = gone.id::text""";
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

    /** Would go with their answers (ON DELETE CASCADE); deleted first so their records go too. */
    @Sql
    static final String DELETE_ANSWER_EVIDENCE = Outputs.deleteWritten("project_answer_evidence", "uuid");
    @Sql
    static final String DELETE_ANSWERS = Outputs.deleteWritten("project_answers", "uuid");
    /**
     * An answer to one research question, as Insights' research analysis writes one (origin 'analysis',
     * status 'answered', answer_text and analysis_summary the same bulleted text, the rationale, next
     * steps and confidence, the interview's first participant as respondent); analysis_run_metadata has
     * Insights' keys (last_run_id, updated_at, evidence_links) and says it was Intake.
     */
    @Sql
    static final String INSERT_ANSWER = Outputs.recorded("project_answers", "$2", "$6", """
            INSERT INTO project_answers (project_id, interview_id, research_question_id, decision_question_id,
                                         question_text, answer_text, analysis_summary, analysis_rationale,
                                         analysis_next_steps, confidence, status, origin, answered_at,
                                         analysis_run_metadata, respondent_person_id)
            SELECT q.project_id, $2, q.id, q.decision_question_id, q.text, $3, $3, $7, $8, $9, 'answered', 'analysis', now(),
                   $4::jsonb,
                   (SELECT ip.person_id FROM interview_people ip
                    WHERE ip.interview_id = $2 AND ip.role = 'participant'
                      AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = ip.person_id AND p.deleted_at IS NOT NULL)
                    ORDER BY ip.id LIMIT 1)
            FROM research_questions q WHERE q.id = $1 AND q.project_id = $5
            RETURNING id""");
    /** An answer's evidence, its payload in the keys Insights' research analysis writes. */
    @Sql
    static final String LINK_ANSWER_EVIDENCE = Outputs.recorded("project_answer_evidence", "$5", "0", """
            INSERT INTO project_answer_evidence (project_id, answer_id, evidence_id, interview_id, source, text,
                                                 start_seconds, end_seconds, payload)
            SELECT $1, $2, e.id, e.interview_id, 'analysis', e.verbatim,
                   (e.anchors->0->>'start_ms')::numeric / 1000, (e.anchors->0->>'end_ms')::numeric / 1000,
                   $4::jsonb
            FROM evidence e WHERE e.id = $3 AND e.deleted_at IS NULL AND NOT e.is_archived
            ON CONFLICT (project_id, answer_id, evidence_id) DO NOTHING
            RETURNING id""");
    /**
     * Insights' research rollup finds an answer's evidence through evidence.project_answer_id: set on
     * Intake's own evidence only, to the answer that cites it most confidently (marked in that order).
     */
    @Sql
    static final String MARK_EVIDENCE_ANSWER = """
            UPDATE evidence SET project_answer_id = $2, updated_at = now()
            WHERE id = $1 AND project_answer_id IS NULL
              AND EXISTS (SELECT 1 FROM intake.interview_outputs o WHERE o.table_name = 'evidence' AND o.row_id = $1::text)""";
    /** Each research question of the project with Intake's answer from this interview, if there is one. */
    @Sql
    static final String LIST_ANSWERS = """
            SELECT q.id AS question_id, a.answer_text, a.confidence, a.analysis_rationale, a.analysis_next_steps,
                   coalesce((SELECT json_agg(json_build_object('evidence_id', pae.evidence_id,
                                                               'relationship', pae.payload->>'relationship',
                                                               'confidence', (pae.payload->>'confidence')::numeric,
                                                               'rationale', pae.payload->>'rationale') ORDER BY eo.position)
                             FROM project_answer_evidence pae
                             LEFT JOIN intake.interview_outputs eo
                                    ON eo.table_name = 'evidence' AND eo.row_id = pae.evidence_id::text
                             WHERE pae.answer_id = a.id), '[]') AS evidence
            FROM research_questions q
            LEFT JOIN (intake.interview_outputs o JOIN project_answers a ON a.id = o.row_id::uuid)
                   ON o.interview_id = $1 AND o.table_name = 'project_answers' AND a.research_question_id = q.id
            WHERE q.project_id = $2
            ORDER BY q.created_at, q.id""";

    private final Db db;
    private final FencedWrites writes;
    private final Reads reads;

    InsightStore(Db db, FencedWrites writes, Reads reads) {
        this.db = db;
        this.writes = writes;
        this.reads = reads;
    }

    /**
     * Links the interview's evidence to its themes: the project's theme a draft was matched to, else the
     * project's theme of the draft's name, else a new theme. The links of the earlier run go first, and
     * the themes that run created and nothing uses any more go last.
     */
    public void replaceThemes(Lease lease, UUID accountId, UUID projectId, List<ThemeDraft> themes) {
        UUID interviewId = lease.interviewId();
        writes.write(lease, tx -> {
            List<String> names = new ArrayList<>(themes.stream().map(ThemeDraft::name).toList());
            UUID[] matched = themes.stream().map(ThemeDraft::projectThemeId).filter(Objects::nonNull).toArray(UUID[]::new);
            tx.execute(THEME_NAMES, Tuple.of(matched)).forEach(row -> names.add(row.getString("name")));
            tx.execute(OWN_THEME_NAMES, Tuple.of(interviewId)).forEach(row -> names.add(row.getString("name")));
            lockNames(tx, projectId, names);
            tx.send(DELETE_THEME_LINKS, Tuple.of(interviewId));
            List<Tuple> links = new ArrayList<>();
            List<Tuple> synonyms = new ArrayList<>();
            for (int i = 0; i < themes.size(); i++) {
                ThemeDraft theme = themes.get(i);
                UUID themeId = theme.projectThemeId() == null ? null
                        : first(tx.execute(FIND_THEME_BY_ID, Tuple.of(theme.projectThemeId(), projectId)));
                if (themeId == null) {
                    themeId = findOrCreate(tx, FIND_THEME, Tuple.of(accountId, projectId, theme.name()),
                            INSERT_THEME, Tuple.from(Arrays.asList(accountId, projectId, theme.name(), theme.statement(),
                                    theme.inclusionCriteria(), theme.exclusionCriteria(),
                                    theme.synonyms().toArray(String[]::new), interviewId)));
                }
                synonyms.add(Tuple.of(themeId, theme.name()));
                for (ThemeDraft.Link link : theme.evidence()) {
                    links.add(Tuple.from(Arrays.asList(themeId, link.evidenceId(), accountId, projectId, interviewId, i,
                            link.rationale(), link.confidence())));
                }
            }
            tx.sendBatch(ADD_THEME_SYNONYM, synonyms);
            tx.sendBatch(LINK_THEME_EVIDENCE, links);
            tx.send(DELETE_UNUSED_THEMES, Tuple.of(interviewId));
        });
    }

    public List<ThemeDraft> themes(UUID interviewId) {
        return reads.one(themesOf(interviewId));
    }

    /** {@link #themes}, to read together with other inputs of a step. */
    public Read<List<ThemeDraft>> themesOf(UUID interviewId) {
        return new Read<>(new Db.Statement(LIST_THEMES, Tuple.of(interviewId)), InsightStore::themesFrom);
    }

    private static List<ThemeDraft> themesFrom(RowSet<Row> rows) {
        List<ThemeDraft> themes = new ArrayList<>();
        for (Row row : rows) {
            UUID[] ids = row.getArrayOfUUIDs("evidence_ids");
            Number[] confidences = row.getArrayOfNumerics("confidences");
            String[] rationales = row.getArrayOfStrings("rationales");
            List<ThemeDraft.Link> links = new ArrayList<>();
            for (int i = 0; i < ids.length; i++) {
                links.add(new ThemeDraft.Link(ids[i], confidences[i].doubleValue(), rationales[i]));
            }
            themes.add(new ThemeDraft(row.getString("name"), row.getString("statement"), row.getString("inclusion_criteria"),
                    row.getString("exclusion_criteria"), strings(row.getArrayOfStrings("synonyms")), links, row.getUUID("id")));
        }
        return themes;
    }

    /** The project's themes as the interview's themes are compared with them ({@link #PROJECT_THEMES}), newest first. */
    public List<ProjectTheme> projectThemes(UUID projectId, UUID interviewId) {
        return reads.one(projectThemesOf(projectId, interviewId));
    }

    /** {@link #projectThemes}, to read together with other inputs of a step. */
    public Read<List<ProjectTheme>> projectThemesOf(UUID projectId, UUID interviewId) {
        return new Read<>(new Db.Statement(PROJECT_THEMES, Tuple.of(projectId, interviewId)), rows -> {
            List<ProjectTheme> themes = new ArrayList<>();
            for (Row row : rows) {
                themes.add(new ProjectTheme(row.getUUID("id"), row.getString("name"), row.getString("statement"),
                        strings(row.getArrayOfStrings("quotes"))));
            }
            return themes;
        });
    }

    /**
     * Assigns the project's personas of these names (created when missing) to the interview's
     * interviewees; the personas the earlier run created that nothing uses any more are removed.
     */
    public void replacePersonas(Lease lease, UUID accountId, UUID projectId, List<PersonaDraft> personas) {
        UUID interviewId = lease.interviewId();
        writes.write(lease, tx -> {
            List<String> names = new ArrayList<>(personas.stream().map(PersonaDraft::name).toList());
            tx.execute(OWN_PERSONA_NAMES, Tuple.of(interviewId)).forEach(row -> names.add(row.getString("name")));
            lockNames(tx, projectId, names);
            tx.send(DELETE_PERSONA_LINKS, Tuple.of(interviewId));
            for (int i = 0; i < personas.size(); i++) {
                PersonaDraft p = personas.get(i);
                UUID personaId = findOrCreate(tx, FIND_PERSONA, Tuple.of(accountId, projectId, p.name()),
                        INSERT_PERSONA, Tuple.from(Arrays.asList(accountId, projectId, p.name(), p.description(),
                                p.goals().toArray(String[]::new), p.pains().toArray(String[]::new), interviewId)));
                String drawnFrom = p.drawnFrom() == null ? null : PersonName.normalize(p.drawnFrom());
                tx.send(ASSIGN_PERSONA, Tuple.from(Arrays.asList(interviewId, personaId, projectId, drawnFrom, i)));
            }
            tx.send(DELETE_UNUSED_PERSONAS, Tuple.of(interviewId));
            // A person an earlier run created and linked no more may have been held only by its persona.
            tx.send(InterviewPeople.DELETE_UNUSED_PEOPLE, Tuple.of(interviewId));
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
        String now = java.time.Instant.now().toString();
        writes.write(lease, tx -> {
            tx.send(DELETE_ANSWER_EVIDENCE, Tuple.of(interviewId));
            tx.send(DELETE_ANSWERS, Tuple.of(interviewId));
            List<Tuple> links = new ArrayList<>();
            List<Map.Entry<Double, Tuple>> marks = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                AnswerDraft a = answers.get(i);
                if (!a.answered()) {
                    continue;
                }
                JsonObject evidenceLinks = new JsonObject();
                a.evidence().forEach(e -> evidenceLinks.put(e.evidenceId().toString(), new JsonObject()
                        .put("run_id", runId).put("relationship", e.relationship()).put("confidence", e.confidence())
                        .put("updated_at", now)));
                JsonObject metadata = new JsonObject().put("writer", "intake").put("last_run_id", runId)
                        .put("updated_at", now).put("evidence_links", evidenceLinks);
                String summary = "• " + a.answer();
                UUID answerId = Outputs.writtenId(tx.execute(INSERT_ANSWER, Tuple.from(Arrays.asList(a.questionId(),
                        interviewId, summary, metadata, projectId, i, a.rationale(), a.nextSteps(), a.confidence()))))
                        .orElseThrow(() -> new IllegalStateException(
                                "question " + a.questionId() + " is not a research question of project " + projectId));
                for (AnswerDraft.Support e : a.evidence()) {
                    links.add(Tuple.of(projectId, answerId, e.evidenceId(), new JsonObject().put("run_id", runId)
                            .put("relationship", e.relationship()).put("confidence", e.confidence())
                            .put("rationale", e.rationale()).put("analysis_summary", a.answer()), interviewId));
                    marks.add(Map.entry(e.confidence(), Tuple.of(e.evidenceId(), answerId)));
                }
            }
            tx.sendBatch(LINK_ANSWER_EVIDENCE, links);
            marks.sort(Map.Entry.<Double, Tuple>comparingByKey().reversed());
            tx.sendBatch(MARK_EVIDENCE_ANSWER, marks.stream().map(Map.Entry::getValue).toList());
            // ... or only as the respondent of an answer it replaced.
            tx.send(InterviewPeople.DELETE_UNUSED_PEOPLE, Tuple.of(interviewId));
        });
    }

    /** One per research question of the project, in their order: Intake's answer, or unanswered. */
    public List<AnswerDraft> answers(UUID interviewId, UUID projectId) {
        List<AnswerDraft> answers = new ArrayList<>();
        for (Row row : db.execute(LIST_ANSWERS, Tuple.of(interviewId, projectId))) {
            String answer = row.getString("answer_text");
            if (answer == null) {
                answers.add(AnswerDraft.unanswered(row.getUUID("question_id")));
                continue;
            }
            List<AnswerDraft.Support> evidence = new ArrayList<>();
            JsonArray links = new JsonArray(row.getValue("evidence").toString());
            for (int i = 0; i < links.size(); i++) {
                JsonObject link = links.getJsonObject(i);
                evidence.add(new AnswerDraft.Support(UUID.fromString(link.getString("evidence_id")),
                        link.getString("relationship"), link.getDouble("confidence"), link.getString("rationale")));
            }
            answers.add(new AnswerDraft(row.getUUID("question_id"), answer.startsWith("• ") ? answer.substring(2) : answer,
                    row.getNumeric("confidence").doubleValue(), row.getString("analysis_rationale"),
                    row.getString("analysis_next_steps"), evidence));
        }
        return answers;
    }

    private static UUID first(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        return rows.rowCount() == 0 ? null : rows.iterator().next().getUUID("id");
    }

    private static void lockNames(Db.Tx tx, UUID projectId, List<String> names) {
        String[] ordered = names.stream().map(name -> name.toLowerCase(java.util.Locale.ROOT)).distinct().sorted()
                .toArray(String[]::new);
        tx.send(LOCK_NAMES, Tuple.of(projectId.toString(), ordered));
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
