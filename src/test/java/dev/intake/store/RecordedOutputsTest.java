package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * Every row an interview's run writes is recorded in intake.interview_outputs, so a re-run can
 * replace exactly Intake's rows: for each table Intake writes, the rows that belong to the interview
 * (found through the table's own links: its interview, its evidence, its answer, a fresh project and
 * account) are the rows recorded for it, no more and no fewer.
 */
@QuarkusTest
class RecordedOutputsTest {

    /** Per table Intake writes, the keys of its rows that belong to interview $1 (of a project and account of its own). */
    private static final Map<String, String> BELONGING = new LinkedHashMap<>();

    static {
        BELONGING.put("evidence", "SELECT id::text AS k FROM evidence WHERE interview_id = $1");
        BELONGING.put("evidence_facet", """
                SELECT x.id::text AS k FROM evidence_facet x JOIN evidence e ON e.id = x.evidence_id WHERE e.interview_id = $1""");
        BELONGING.put("evidence_people", """
                SELECT x.id::text AS k FROM evidence_people x JOIN evidence e ON e.id = x.evidence_id WHERE e.interview_id = $1""");
        BELONGING.put("facet_account", """
                SELECT f.id::text AS k FROM facet_account f JOIN interviews i ON i.account_id = f.account_id WHERE i.id = $1""");
        BELONGING.put("interview_people", "SELECT id::text AS k FROM interview_people WHERE interview_id = $1");
        BELONGING.put("people", """
                SELECT p.id::text AS k FROM people p JOIN interviews i ON i.account_id = p.account_id
                WHERE i.id = $1 AND p.created_at >= i.created_at""");
        BELONGING.put("themes", "SELECT t.id::text AS k FROM themes t JOIN interviews i ON i.project_id = t.project_id WHERE i.id = $1");
        BELONGING.put("theme_evidence", """
                SELECT x.id::text AS k FROM theme_evidence x JOIN evidence e ON e.id = x.evidence_id WHERE e.interview_id = $1""");
        BELONGING.put("personas", "SELECT p.id::text AS k FROM personas p JOIN interviews i ON i.project_id = p.project_id WHERE i.id = $1");
        BELONGING.put("people_personas", "SELECT person_id || ':' || persona_id AS k FROM people_personas WHERE interview_id = $1");
        BELONGING.put("project_answers", "SELECT id::text AS k FROM project_answers WHERE interview_id = $1");
        BELONGING.put("project_answer_evidence", """
                SELECT x.id::text AS k FROM project_answer_evidence x JOIN project_answers a ON a.id = x.answer_id
                WHERE a.interview_id = $1""");
        BELONGING.put("conversation_lens_analyses", "SELECT id::text AS k FROM conversation_lens_analyses WHERE interview_id = $1");
    }

    @Inject
    InterviewStore interviews;
    @Inject
    UploadCompletion completion;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    Db db;

    private Set<String> keys(String sql, Object... args) {
        Set<String> keys = new HashSet<>();
        for (Row row : db.execute(sql, Tuple.from(args))) {
            keys.add(row.getString("k"));
        }
        return keys;
    }

    private UUID processed(TestData.Project project) {
        MediaKey key = new MediaKey(project.accountId(), project.projectId(), UUID.randomUUID(), "notes.txt");
        interviews.insert(new InterviewStore.NewInterview(key.interviewId(), project.accountId(), project.projectId(),
                "notes.txt", Interview.Source.upload("notes.txt"), null, null), InterviewStatus.UPLOADING);
        data.putObject(key, TestData.sample("standup-notes.txt"));
        completion.accept(new ObjectCreated(bucket.name(), key.key(), -1));
        assertEquals(InterviewStatus.READY, data.awaitSettled(key.interviewId()).status());
        return key.interviewId();
    }

    @Test
    void every_row_a_run_writes_for_an_interview_is_recorded_as_its_output() {
        UUID interviewId = processed(data.project("How does the team plan its week?", "What slows releases down?"));

        for (var table : BELONGING.entrySet()) {
            Set<String> recorded = keys("SELECT row_id AS k FROM intake.interview_outputs WHERE interview_id = $1 AND table_name = $2",
                    interviewId, table.getKey());
            assertEquals(keys(table.getValue(), interviewId), recorded, table.getKey() + ": rows of the interview vs. rows recorded");
        }
        for (String table : new String[] {"evidence", "evidence_facet", "evidence_people", "interview_people", "people"}) {
            assertFalse(keys(BELONGING.get(table), interviewId).isEmpty(), "the sample interview writes " + table);
        }
        Set<String> recordedTables = keys("SELECT DISTINCT table_name AS k FROM intake.interview_outputs WHERE interview_id = $1",
                interviewId);
        recordedTables.removeAll(BELONGING.keySet());
        assertEquals(Set.of(), recordedTables, "tables recorded that this test does not check");
    }
}
