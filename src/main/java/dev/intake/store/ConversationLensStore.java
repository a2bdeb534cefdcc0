package dev.intake.store;

import java.util.Optional;
import java.util.UUID;

import dev.intake.interview.ConversationOverview;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The conversation overview as Insights' finalize stores it
 * (app/lib/conversation-analyses/upsertConversationOverviewLens.server.ts): one
 * {@code conversation_lens_analyses} row per interview with template {@code conversation-overview},
 * status {@code completed}, {@code analysis_data} in its shape, which the detail page reads for its
 * summary, key takeaways, open questions and recommendations. The row is recorded as Intake's, so a
 * re-run replaces it; a lens of that template that Insights or a person wrote for the interview stays
 * as it is, and Intake writes none beside it.
 */
@ApplicationScoped
public class ConversationLensStore {

    public static final String TEMPLATE_KEY = "conversation-overview";

    /**
     * The template the lens row references, where it is missing, exactly as Insights' finalize seeds it
     * (ensureConversationOverviewTemplate); a template that exists, whoever wrote it, is left as it is.
     */
    @Sql
    static final String ENSURE_TEMPLATE = """
            INSERT INTO conversation_lens_templates (template_key, template_name, summary, primary_objective, category,
                                                     display_order, template_definition, is_active, is_system, is_public)
            VALUES ('%s', 'Conversation Overview',
                    'Structured analysis with key takeaways, recommendations, open questions, and participant goals',
                    'Produce a comprehensive overview of the conversation', 'research', 1,
                    '{"sections": [], "entities": [], "recommendations_enabled": true}'::jsonb, true, true, true)
            ON CONFLICT DO NOTHING""".formatted(TEMPLATE_KEY);

    @Sql
    static final String DELETE_WRITTEN = Outputs.deleteWritten("conversation_lens_analyses", "uuid");

    /**
     * Insights' upsert, as an insert that yields to a lens already there: confidence 0.85, auto-detected,
     * processed now by the interview's creator (a user Supabase knows, or NULL).
     */
    @Sql
    static final String INSERT = Outputs.recorded("conversation_lens_analyses", "$1", "0", """
            INSERT INTO conversation_lens_analyses (interview_id, template_key, account_id, project_id, analysis_data,
                                                    confidence_score, auto_detected, status, processed_at, processed_by)
            SELECT i.id, '%s', i.account_id, i.project_id, $2::jsonb, 0.85, true, 'completed', now(), i.created_by
            FROM interviews i WHERE i.id = $1
            ON CONFLICT (interview_id, template_key) DO NOTHING
            RETURNING id""".formatted(TEMPLATE_KEY));

    /** The interview's conversation-overview lens, whoever wrote it, and whether Intake did. */
    @Sql
    static final String FIND = """
            SELECT a.analysis_data, a.status,
                   EXISTS (SELECT 1 FROM intake.interview_outputs o
                           WHERE o.table_name = 'conversation_lens_analyses' AND o.row_id = a.id::text) AS intakes
            FROM conversation_lens_analyses a WHERE a.interview_id = $1 AND a.template_key = '%s'""".formatted(TEMPLATE_KEY);

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ConversationLensStore.class);

    private final Db db;
    private final FencedWrites writes;

    ConversationLensStore(Db db, FencedWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    /**
     * Replaces Intake's conversation-overview lens of the interview; fenced by the lease. A lens Insights
     * or a person wrote is kept as it is, and the log says so.
     */
    public void replace(Lease lease, ConversationOverview overview) {
        UUID interviewId = lease.interviewId();
        writes.write(lease, tx -> {
            tx.send(DELETE_WRITTEN, Tuple.of(interviewId));
            tx.send(ENSURE_TEMPLATE, Tuple.tuple());
            if (tx.execute(INSERT, Tuple.of(interviewId, analysisData(overview))).rowCount() == 0) {
                LOG.infof("interview %s: its conversation-overview lens was written by Insights or a person; kept as it is",
                        interviewId);
            }
        });
    }

    public record Lens(JsonObject analysisData, String status, boolean writtenByIntake) {
    }

    public Optional<Lens> find(UUID interviewId) {
        RowSet<Row> rows = db.execute(FIND, Tuple.of(interviewId));
        if (rows.rowCount() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new Lens((JsonObject) row.getValue("analysis_data"), row.getString("status"),
                row.getBoolean("intakes")));
    }

    /** {@code analysis_data} in Insights' ConversationOverviewAnalysisData shape, every field present. */
    static JsonObject analysisData(ConversationOverview o) {
        JsonArray takeaways = new JsonArray();
        o.keyTakeaways().forEach(t -> takeaways.add(new JsonObject()
                .put("priority", t.priority().key())
                .put("summary", t.summary())
                .put("evidence_snippets", new JsonArray(t.evidenceSnippets()))
                .put("supporting_evidence_ids", new JsonArray(t.supportingEvidenceIds().stream().map(UUID::toString).toList()))));
        JsonArray nextSteps = new JsonArray();
        o.recommendedNextSteps().forEach(r -> nextSteps.add(new JsonObject()
                .put("focus_area", r.focusArea()).put("action", r.action()).put("rationale", r.rationale())));
        JsonArray questions = new JsonArray();
        o.questions().forEach(q -> questions.add(new JsonObject()
                .put("question", q.question()).put("asked_by", q.askedBy()).put("intent", q.intent())
                .put("evidence_snippet", q.evidenceSnippet()).put("confidence", q.confidence())));
        JsonArray goals = new JsonArray();
        o.participantGoals().forEach(g -> goals.add(new JsonObject()
                .put("speaker", g.speaker()).put("goal", g.goal()).put("evidence_snippet", g.evidenceSnippet())
                .put("confidence", g.confidence())));
        return new JsonObject()
                .put("overview", o.overview())
                .put("duration_estimate", o.durationEstimate())
                .put("key_takeaways", takeaways)
                .put("recommended_next_steps", nextSteps)
                .put("open_questions", new JsonArray(o.openQuestions()))
                .put("questions", questions)
                .put("participant_goals", goals);
    }
}
