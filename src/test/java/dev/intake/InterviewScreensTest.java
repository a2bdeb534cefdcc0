package dev.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.testing.TestData;
import dev.intake.testing.WebAppProgress;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The Insights web app's own selections, written as SQL, on what Intake wrote for a processed upload:
 * the interview list (features/interviews/db.ts getInterviews, pages/index.tsx), the detail page
 * (db.ts getInterviewById and getInterviewParticipants, pages/detail.loader.ts with its
 * conversation-overview lens and evidence, lib/parseConversationAnalysis.server.ts), the transcript view
 * (components/TranscriptResults.tsx through utils/transcript/normalizeUtterances.ts) and the progress
 * hook (hooks/useInterviewProgress.ts). Each column a screen renders that Insights' pipeline fills must
 * be filled, in the shape the screen reads. Embeds through tables Intake's schema leaves out
 * (organizations, for a person's company) are not selected; Insights' pipeline does not fill them.
 */
@QuarkusTest
class InterviewScreensTest {

    @Inject
    UploadCompletion completion;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    Db db;

    /** One upload processed once for all the screens (each test only reads). */
    private static Interview done;

    @BeforeEach
    void aProcessedUpload() {
        if (done != null) {
            return;
        }
        MediaKey key = data.uploadingInterview(data.project("What slows onboarding down?"), "onboarding-interview.vtt");
        data.putObject(key, TestData.sample("onboarding-interview.vtt"));
        completion.accept(new ObjectCreated(bucket.name(), key.key(), -1));
        done = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
    }

    private List<Row> rows(String sql, Object... args) {
        List<Row> rows = new ArrayList<>();
        db.execute(sql, Tuple.from(args)).forEach(rows::add);
        return rows;
    }

    /** Each named column of {@code row} holds what the screen needs; the failure lists every one that does not. */
    private static void assertFilled(String screen, Row row, Map<String, Predicate<Object>> columns) {
        List<String> wrong = new ArrayList<>();
        columns.forEach((column, shape) -> {
            Object value = row.getValue(column);
            if (value == null || !shape.test(value)) {
                wrong.add(column + "=" + value);
            }
        });
        assertEquals(List.of(), wrong, screen + ": columns Insights' pipeline fills that Intake left NULL or shaped otherwise");
    }

    private static final Predicate<Object> TEXT = v -> v instanceof String s && !s.isBlank();
    private static final Predicate<Object> ANY = v -> true;
    private static final Predicate<Object> POSITIVE = v -> v instanceof Number n && n.doubleValue() > 0;
    private static final Predicate<Object> OBJECT = v -> v instanceof JsonObject;

    /** The columns of an interview both the list and the detail page render, in the shapes they read. */
    private static Map<String, Predicate<Object>> interviewColumns() {
        return Map.ofEntries(
                Map.entry("title", TEXT),
                Map.entry("id", ANY),
                Map.entry("interview_date", ANY),
                Map.entry("participant_pseudonym", TEXT),
                Map.entry("duration_sec", POSITIVE),
                Map.entry("status", v -> "ready".equals(v)),
                Map.entry("media_url", TEXT),
                // The card and list test media_type, source_type ("audio" in it) and the extension.
                Map.entry("media_type", v -> "interview".equals(v)),
                Map.entry("source_type", TEXT),
                Map.entry("file_extension", v -> v instanceof String s && s.equals(s.toLowerCase()) && !s.startsWith(".")),
                Map.entry("conversation_analysis", OBJECT),
                Map.entry("processing_metadata", OBJECT),
                Map.entry("created_at", ANY),
                Map.entry("updated_at", ANY));
    }

    @Test
    void the_interview_list_shows_the_interview_as_a_conversation_with_its_date_duration_and_people() {
        List<Row> listed = rows("""
                SELECT title, id, interview_date, participant_pseudonym, segment, duration_sec, high_impact_themes,
                       observations_and_notes, open_questions_and_next_steps, conversation_analysis, processing_metadata,
                       status::text AS status, media_url, thumbnail_url, media_type, source_type, file_extension,
                       created_at, updated_at
                FROM interviews WHERE project_id = $1 AND account_id = $2 ORDER BY created_at DESC""",
                done.projectId(), done.accountId());
        assertEquals(1, listed.size());
        Row row = listed.get(0);
        assertFilled("interview list", row, interviewColumns());
        // index.tsx keeps only conversations: not notes, voice memos, survey responses, chats or documents.
        assertFalse(Set.of("note", "survey_response", "public_chat", "document").contains(row.getString("source_type")));
        assertFalse(Set.of("voice_memo", "document").contains(row.getString("media_type")));

        List<Row> people = rows("""
                SELECT ip.role, p.id, p.name, p.segment, p.person_type
                FROM interview_people ip JOIN people p ON p.id = ip.person_id WHERE ip.interview_id = $1""", done.id());
        assertFalse(people.isEmpty(), "the list names the interview's participant");
        people.forEach(p -> assertFilled("interview list people", p, Map.of("role", TEXT, "name", TEXT)));
    }

    @Test
    void the_detail_page_has_the_interview_its_participants_and_the_overview_lens_tied_to_its_evidence() {
        Row interview = rows("""
                SELECT title, id, interview_date, participant_pseudonym, segment, duration_sec, high_impact_themes,
                       observations_and_notes, open_questions_and_next_steps, key_takeaways, status::text AS status,
                       media_url, thumbnail_url, media_type, source_type, file_extension, created_at, created_by,
                       updated_at, share_token, share_enabled, share_expires_at, transcript_formatted,
                       conversation_analysis, processing_metadata
                FROM interviews WHERE account_id = $1 AND project_id = $2 AND id = $3""",
                done.accountId(), done.projectId(), done.id()).get(0);
        assertFilled("detail page", interview, interviewColumns());

        List<Row> participants = rows("""
                SELECT ip.role, ip.id, ip.transcript_key, ip.display_name, p.project_id, p.id AS person_id, p.name
                FROM interview_people ip LEFT JOIN people p ON p.id = ip.person_id
                WHERE ip.interview_id = $1 AND ip.project_id = $2""", done.id(), done.projectId());
        assertTrue(participants.stream().anyMatch(p -> "participant".equals(p.getString("role"))
                && done.projectId().equals(p.getUUID("project_id"))), "the primary participant is the project's person");

        // loadLensAnalyses, then the loader reads the conversation-overview lens only when completed.
        List<Row> lenses = rows("""
                SELECT a.template_key, a.status, a.analysis_data, a.processed_at, t.template_name
                FROM conversation_lens_analyses a JOIN conversation_lens_templates t ON t.template_key = a.template_key
                WHERE a.interview_id = $1 AND a.account_id = $2""", done.id(), done.accountId());
        Row lens = lenses.stream().filter(l -> "conversation-overview".equals(l.getString("template_key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no conversation-overview lens: the detail page's overview is empty"));
        assertFilled("overview lens", lens, Map.of("status", v -> "completed".equals(v), "analysis_data", OBJECT,
                "processed_at", ANY, "template_name", TEXT));

        // parseConversationOverviewLens: summary, takeaways (each with a summary), open questions, recommendations.
        JsonObject analysis = (JsonObject) lens.getValue("analysis_data");
        assertTrue(analysis.getValue("overview") instanceof String s && !s.isBlank(), "summary");
        JsonArray takeaways = analysis.getJsonArray("key_takeaways");
        assertFalse(takeaways.isEmpty(), "key takeaways");
        Set<String> evidenceIds = new HashSet<>();
        rows("SELECT id FROM evidence WHERE interview_id = $1 ORDER BY created_at DESC", done.id())
                .forEach(r -> evidenceIds.add(r.getUUID("id").toString()));
        for (Object item : takeaways) {
            JsonObject takeaway = (JsonObject) item;
            assertTrue(Set.of("high", "medium", "low").contains(takeaway.getString("priority")), takeaway.encode());
            assertFalse(takeaway.getString("summary", "").isBlank(), takeaway.encode());
            assertFalse(takeaway.getJsonArray("evidence_snippets").isEmpty(), takeaway.encode());
            for (Object id : takeaway.getJsonArray("supporting_evidence_ids")) {
                assertTrue(evidenceIds.contains(id), id + " is evidence the detail page lists for this interview");
            }
        }
        assertTrue(analysis.getValue("open_questions") instanceof JsonArray, "open questions");
        JsonArray recommendations = analysis.getJsonArray("recommended_next_steps");
        assertFalse(recommendations.isEmpty(), "recommendations");
        recommendations.forEach(r -> assertFalse(((JsonObject) r).getString("action", "").isBlank()));
    }

    @Test
    void the_transcript_view_gets_named_turns_in_seconds_within_the_recording() {
        Row row = rows("SELECT transcript, transcript_formatted FROM interviews WHERE id = $1 AND project_id = $2",
                done.id(), done.projectId()).get(0);
        assertFilled("transcript view", row, Map.of("transcript", TEXT, "transcript_formatted", OBJECT));
        JsonObject formatted = (JsonObject) row.getValue("transcript_formatted");
        double duration = formatted.getDouble("audio_duration");
        JsonArray turns = formatted.getJsonArray("speaker_transcripts");
        assertFalse(turns.isEmpty());
        // normalizeTranscriptUtterances: times are milliseconds when the largest exceeds three durations.
        double largest = turns.stream().map(JsonObject.class::cast)
                .mapToDouble(t -> Math.max(t.getDouble("start", 0.0), t.getDouble("end", 0.0))).max().orElse(0);
        double unit = largest > duration * 3 ? 1000.0 : 1.0;
        for (Object item : turns) {
            JsonObject turn = (JsonObject) item;
            assertFalse(turn.getString("text", "").isBlank(), turn.encode());
            assertNotNull(turn.getString("speaker"), "a turn without a speaker shows as 'A'");
            double start = turn.getDouble("start") / unit;
            double end = turn.getDouble("end") / unit;
            assertTrue(0 <= start && start <= end && end <= duration + 1, turn.encode() + " within " + duration + " s");
        }
    }

    @Test
    void the_progress_hook_shows_the_processed_interview_complete() {
        Row row = rows("SELECT id, status::text AS status, processing_metadata, conversation_analysis FROM interviews"
                + " WHERE id = $1", done.id()).get(0);
        assertEquals(new WebAppProgress("ready", 100, "Analysis complete!", true, false, null),
                WebAppProgress.of(row.getString("status"), (JsonObject) row.getValue("processing_metadata"),
                        (JsonObject) row.getValue("conversation_analysis")));
        JsonObject metadata = (JsonObject) row.getValue("processing_metadata");
        assertEquals("complete", metadata.getString("current_step"));
        assertEquals(100, metadata.getInteger("progress"));
    }
}
