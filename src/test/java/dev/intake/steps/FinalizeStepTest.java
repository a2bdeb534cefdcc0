package dev.intake.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.intake.engine.LocalEngine;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.interview.Evidence;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.ConversationLensStore;
import dev.intake.store.Db;
import dev.intake.store.EvidenceStore;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * What finalize leaves on a processed interview, as Insights' finalize does: the conversation-overview
 * lens the detail page reads, the interview's own fields filled where empty, a title for a placeholder.
 */
@QuarkusTest
class FinalizeStepTest {

    @Inject
    UploadCompletion completion;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    Db db;
    @Inject
    EvidenceStore evidence;
    @Inject
    ConversationLensStore lenses;
    @Inject
    InterviewStore interviews;
    @Inject
    LocalEngine engine;

    private MediaKey uploading(String fileName) {
        return data.uploadingInterview(data.project(), fileName);
    }

    private Interview process(MediaKey key, String sample) {
        data.putObject(key, TestData.sample(sample));
        completion.accept(new ObjectCreated(bucket.name(), key.key(), -1));
        Interview done = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
        return done;
    }

    private Row interviewRow(UUID id) {
        return db.execute("""
                SELECT title, media_type, source_type, file_extension, interview_date, participant_pseudonym
                FROM interviews WHERE id = $1""", Tuple.of(id)).iterator().next();
    }

    private long count(String sql, Object... args) {
        return db.execute(sql, Tuple.from(args)).iterator().next().getLong(0);
    }

    @Test
    void the_overview_lens_is_stored_as_insights_stores_it_with_every_takeaway_tied_to_this_interviews_evidence() {
        Interview done = process(uploading("onboarding-interview.vtt"), "onboarding-interview.vtt");
        Row lens = db.execute("""
                SELECT template_key, status, confidence_score, auto_detected, processed_at, account_id, project_id,
                       analysis_data FROM conversation_lens_analyses WHERE interview_id = $1""",
                Tuple.of(done.id())).iterator().next();
        assertEquals("conversation-overview", lens.getString("template_key"));
        assertEquals("completed", lens.getString("status"), "the detail page reads only a completed lens");
        assertEquals(0.85, lens.getDouble("confidence_score"), 1e-9);
        assertTrue(lens.getBoolean("auto_detected"));
        assertNotNull(lens.getValue("processed_at"));
        assertEquals(done.accountId(), lens.getUUID("account_id"));
        assertEquals(done.projectId(), lens.getUUID("project_id"));

        JsonObject data = (JsonObject) lens.getValue("analysis_data");
        assertEquals(Set.of("overview", "duration_estimate", "key_takeaways", "recommended_next_steps", "open_questions",
                "questions", "participant_goals"), data.fieldNames());
        assertFalse(data.getString("overview").isBlank());
        JsonArray takeaways = data.getJsonArray("key_takeaways");
        assertFalse(takeaways.isEmpty());
        List<Evidence> found = evidence.list(done.id());
        for (int i = 0; i < takeaways.size(); i++) {
            JsonObject takeaway = takeaways.getJsonObject(i);
            assertTrue(Set.of("high", "medium", "low").contains(takeaway.getString("priority")));
            JsonArray ids = takeaway.getJsonArray("supporting_evidence_ids");
            assertFalse(ids.isEmpty(), takeaway.encode());
            for (Object id : ids) {
                Evidence cited = found.stream().filter(e -> e.id().toString().equals(id)).findFirst()
                        .orElseThrow(() -> new AssertionError(id + " is not evidence of this interview"));
                String snippet = takeaway.getJsonArray("evidence_snippets").getString(0);
                assertTrue(snippet.length() < 200, snippet);
                assertTrue(cited.verbatim().startsWith(snippet.replace("…", "")), snippet + " quotes " + cited.verbatim());
            }
        }
        assertEquals("high", takeaways.getJsonObject(0).getString("priority"), "the interviewee's pains come first");
        assertFalse(data.getJsonArray("recommended_next_steps").isEmpty());
        assertEquals(1, count("SELECT count(*) FROM conversation_lens_templates WHERE template_key = 'conversation-overview'"));
    }

    @Test
    void a_rerun_replaces_intakes_lens_and_never_adds_a_second() throws Exception {
        Interview done = process(uploading("onboarding-interview.vtt"), "onboarding-interview.vtt");
        UUID before = db.execute("SELECT id FROM conversation_lens_analyses WHERE interview_id = $1",
                Tuple.of(done.id())).iterator().next().getUUID("id");
        String runId = UUID.randomUUID().toString();
        assertTrue(interviews.startRun(done.id(), runId, RunPlan.resumeFrom(Step.EVIDENCE)).won());
        assertInstanceOf(StepOutcome.Finished.class, engine.submit(done.id(), runId).get(30, TimeUnit.SECONDS));

        assertEquals(1, count("SELECT count(*) FROM conversation_lens_analyses WHERE interview_id = $1", done.id()));
        UUID after = db.execute("SELECT id FROM conversation_lens_analyses WHERE interview_id = $1",
                Tuple.of(done.id())).iterator().next().getUUID("id");
        assertFalse(before.equals(after), "the lens was written again");
        ConversationLensStore.Lens lens = lenses.find(done.id()).orElseThrow();
        assertTrue(lens.writtenByIntake());
        Set<String> evidenceIds = new HashSet<>(evidence.list(done.id()).stream().map(e -> e.id().toString()).toList());
        lens.analysisData().getJsonArray("key_takeaways").stream().map(JsonObject.class::cast)
                .flatMap(t -> t.getJsonArray("supporting_evidence_ids").stream())
                .forEach(id -> assertTrue(evidenceIds.contains(id), id + " is the new run's evidence"));
    }

    @Test
    void a_lens_insights_or_a_person_wrote_is_kept_as_it_is() {
        MediaKey key = uploading("onboarding-interview.vtt");
        db.execute("""
                INSERT INTO conversation_lens_templates (template_key, template_name, template_definition, is_system)
                VALUES ('conversation-overview', 'Conversation Overview', '{}'::jsonb, true) ON CONFLICT DO NOTHING""",
                Tuple.tuple());
        db.execute("""
                INSERT INTO conversation_lens_analyses (interview_id, template_key, account_id, project_id, analysis_data, status)
                SELECT id, 'conversation-overview', account_id, project_id, '{"overview": "Written by a researcher"}'::jsonb,
                       'completed' FROM interviews WHERE id = $1""", Tuple.of(key.interviewId()));
        process(key, "onboarding-interview.vtt");
        ConversationLensStore.Lens lens = lenses.find(key.interviewId()).orElseThrow();
        assertEquals(new JsonObject().put("overview", "Written by a researcher"), lens.analysisData());
        assertFalse(lens.writtenByIntake());
    }

    @Test
    void the_fields_the_upload_path_sets_are_filled_and_a_file_name_title_becomes_a_generated_one() {
        Interview done = process(uploading("onboarding-interview.vtt"), "onboarding-interview.vtt");
        Row row = interviewRow(done.id());
        assertEquals("interview", row.getString("media_type"));
        assertEquals("transcript_import", row.getString("source_type"));
        assertEquals("vtt", row.getString("file_extension"));
        assertEquals(done.createdAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(), row.getLocalDate("interview_date"));
        assertEquals("Dana Whitfield", row.getString("participant_pseudonym"), "the interview's participant");
        String title = row.getString("title");
        assertFalse(title.equals("onboarding-interview.vtt"), "the file name was a placeholder");
        assertFalse(title.isBlank());
    }

    @Test
    void fields_and_a_title_insights_or_a_person_set_are_never_overwritten() {
        MediaKey key = uploading("onboarding-interview.vtt");
        db.execute("""
                UPDATE interviews SET title = 'Dana, onboarding', media_type = 'customer_call', file_extension = 'webm',
                                      interview_date = '2024-02-29', participant_pseudonym = 'P7'
                WHERE id = $1""", Tuple.of(key.interviewId()));
        process(key, "onboarding-interview.vtt");
        Row row = interviewRow(key.interviewId());
        assertEquals("Dana, onboarding", row.getString("title"));
        assertEquals("customer_call", row.getString("media_type"));
        assertEquals("webm", row.getString("file_extension"));
        assertEquals(LocalDate.of(2024, 2, 29), row.getLocalDate("interview_date"));
        assertEquals("P7", row.getString("participant_pseudonym"));
    }
}
