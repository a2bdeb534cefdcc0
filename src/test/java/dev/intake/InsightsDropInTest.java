package dev.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.intake.access.Caller;
import dev.intake.entry.EntryOutcome;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.RecallWebhook;
import dev.intake.entry.UploadCompletion;
import dev.intake.entry.UrlImport;
import dev.intake.http.RequestRejected;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.Lease;
import dev.intake.store.StepLeases;
import dev.intake.testing.Cli;
import dev.intake.testing.InsightsDatabaseResource;
import dev.intake.testing.InsightsFixture;
import dev.intake.testing.RecallFixtures;
import dev.intake.testing.StepEnds;
import dev.intake.testing.TestData;
import dev.intake.testing.WebAppProgress;
import dev.intake.testing.WireMockResource;
import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import picocli.CommandLine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Intake dropped into a real Insights database (here built from Insights' schema files, with the rows
 * and the analysis_jobs table the old system left; {@link InsightsDropInOnMigratedDatabaseTest} runs
 * the same on the database Insights' migrations build): migrated twice, audited, three interviews
 * through the whole pipeline, the incident repaired; and afterwards every row Intake does not own is
 * as it was, and the web app's progress hook shows what happened.
 */
@QuarkusTest
@TestProfile(InsightsDropInTest.OnAnInsightsDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InsightsDropInTest {

    public static class OnAnInsightsDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InsightsDatabaseResource.class));
        }
    }

    /** The database this class runs on; {@link #OnAnInsightsDatabase} must build the same. */
    InsightsFixture fixture() {
        return InsightsFixture.SCHEMA_FILES_WITH_ANALYSIS_JOBS;
    }

    static final UUID ACCOUNT = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001");
    static final UUID PROJECT = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000001");
    static final UUID OWNER = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    static final UUID VIEWER = UUID.fromString("00000000-0000-4000-8000-0000000000a2");
    static final UUID INCIDENT = UUID.fromString("931e3b81-ef32-48c3-b6f3-382461b362e4");
    static final UUID NULL_ANALYSIS = UUID.fromString("0ca20000-0000-4000-8000-000000000002");
    static final UUID MARCUS_LEE = UUID.fromString("dddddddd-0000-4000-8000-000000000001");
    static final String INCIDENT_KEY = "interviews/" + ACCOUNT + "/" + PROJECT + "/" + INCIDENT + "/call.vtt";

    /** Every row of Insights' tables just after the first migration, for the harm check at the end. */
    private static Set<String> rowsAfterMigrating;
    private static final List<UUID> processed = new ArrayList<>();

    @Inject
    CommandLine.IFactory factory;
    @Inject
    Db db;
    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    UploadCompletion uploads;
    @Inject
    RecallWebhook recall;
    @Inject
    UrlImport urlImport;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;

    private Cli.Run intake(String... args) {
        return Cli.run(factory, args);
    }

    /** Every row of every table of Insights' schemas, keyed by table, as PostgreSQL prints the row. */
    private Set<String> insightsRows() {
        Set<String> rows = new HashSet<>();
        for (Row table : db.execute("""
                SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
                WHERE table_schema IN ('public', 'accounts') AND table_type = 'BASE TABLE'""", Tuple.tuple())) {
            String name = table.getString("name");
            for (Row row : db.execute("SELECT t::text AS row FROM " + name + " t", Tuple.tuple())) {
                rows.add(name + " " + row.getString("row"));
            }
        }
        return rows;
    }

    private WebAppProgress webApp(UUID id) {
        Row row = db.execute("SELECT status::text AS status, processing_metadata, conversation_analysis FROM interviews"
                + " WHERE id = $1", Tuple.of(id)).iterator().next();
        return WebAppProgress.of(row.getString("status"), (JsonObject) row.getValue("processing_metadata"),
                (JsonObject) row.getValue("conversation_analysis"));
    }

    private long archivedJobs() {
        return count("SELECT (to_regclass('intake.analysis_jobs_archive') IS NULL)::int") == 1 ? 0
                : count("SELECT count(*) FROM intake.analysis_jobs_archive");
    }

    private long count(String sql, Object... args) {
        return db.execute(sql, Tuple.from(args)).iterator().next().getLong(0);
    }

    @Test
    @Order(1)
    void migrate_finds_the_insights_database_adds_only_intakes_parts_and_a_second_run_changes_nothing() {
        Cli.Run first = intake("migrate");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("Found an existing Insights database"), first.out());
        assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'flyway_schema_history'"));
        assertEquals(1, count("SELECT count(*) FROM pg_tables WHERE schemaname = 'intake' AND tablename = 'flyway_schema_history'"));
        assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'analysis_jobs'"));
        assertEquals(fixture().hasAnalysisJobs() ? 3 : 0, archivedJobs(),
                "every job of a remaining analysis_jobs table is archived; without one there is nothing to archive");
        rowsAfterMigrating = insightsRows();

        Cli.Run second = intake("migrate");
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("Applied 0 migration(s)"), second.out());
        assertEquals(rowsAfterMigrating, insightsRows());

        Cli.Run audit = intake("audit-schema");
        assertEquals(0, audit.exit(), audit.out() + audit.err());
    }

    @Test
    @Order(2)
    void an_upload_goes_to_ready_in_insights_tables_and_shapes() {
        UUID id = UUID.randomUUID();
        // The desktop app creates the row as Insights does (no conversation_analysis), then uploads.
        db.execute("""
                INSERT INTO interviews (id, account_id, project_id, title, status, source_type, created_by)
                VALUES ($1, $2, $3, 'Onboarding call', 'uploading', 'transcript_import', $4)""",
                Tuple.of(id, ACCOUNT, PROJECT, OWNER));
        MediaKey key = new MediaKey(ACCOUNT, PROJECT, id, "onboarding-interview.vtt");
        data.putObject(key, TestData.sample("onboarding-interview.vtt"));
        uploads.accept(new ObjectCreated(bucket.name(), key.key(), -1));
        Interview done = data.awaitSettled(id);
        assertEquals(InterviewStatus.READY, done.status(), done.progress().encode());
        processed.add(id);

        assertTrue(done.ownedByIntake());
        assertEquals(key.key(), done.mediaKey(), "media_url holds the object key, as in Insights");
        assertEquals(new WebAppProgress("ready", 100, "Analysis complete!", true, false, null), webApp(id));

        JsonObject transcript = (JsonObject) db.execute("SELECT transcript_formatted FROM interviews WHERE id = $1",
                Tuple.of(id)).iterator().next().getValue(0);
        JsonObject firstTurn = transcript.getJsonArray("speaker_transcripts").getJsonObject(0);
        assertEquals("Priya Raman", firstTurn.getString("speaker"));
        assertEquals(1500, firstTurn.getInteger("start"), "milliseconds, as AssemblyAI's utterances");
        assertTrue(transcript.getDouble("audio_duration") > 60, "seconds");
        assertTrue(transcript.getString("full_transcript").contains("Dana Whitfield: Sure."));

        assertTrue(count("SELECT count(*) FROM evidence WHERE interview_id = $1 AND account_id = $2", id, ACCOUNT) > 0);
        assertEquals(0, count("""
                SELECT count(*) FROM evidence WHERE interview_id = $1
                AND NOT (jsonb_typeof(anchors->0->'start_ms') = 'number' AND anchors->0->>'media_key' = $2 AND gist IS NOT NULL)""",
                id, key.key()), "every piece of evidence has an anchor in milliseconds on its media, and a gist");
        assertEquals(count("SELECT count(*) FROM evidence WHERE interview_id = $1", id), count("""
                SELECT count(*) FROM evidence e JOIN evidence_people ep ON ep.evidence_id = e.id AND ep.role = 'participant'
                JOIN people p ON p.id = ep.person_id WHERE e.interview_id = $1 AND p.name = 'Dana Whitfield'""", id),
                "the speaker is linked through evidence_people");

        assertEquals(List.of("Dana Whitfield|Dana|Whitfield|participant|Dana Whitfield",
                        "Priya Raman|Priya|Raman|interviewer|Priya Raman"),
                db.execute("""
                        SELECT p.name || '|' || p.firstname || '|' || p.lastname || '|' || ip.role || '|'
                               || coalesce(ip.transcript_key, 'null') AS person
                        FROM interview_people ip JOIN people p ON p.id = ip.person_id
                        WHERE ip.interview_id = $1 ORDER BY p.name""", Tuple.of(id))
                        .stream().map(r -> r.getString("person")).toList());
        assertEquals(1, count("SELECT count(*) FROM people WHERE account_id = $1 AND name_hash = 'marcus lee'", ACCOUNT),
                "the researcher's Marcus Lee is not copied");
        assertEquals(0, count("SELECT count(*) FROM interview_people WHERE interview_id = $1 AND person_id = $2", id, MARCUS_LEE),
                "Dana only mentions her manager: he takes no part in the interview, as in Insights");
        assertEquals(1, count("""
                SELECT count(*) FROM interview_people ip JOIN people p ON p.id = ip.person_id
                WHERE ip.interview_id = $1 AND ip.role = 'interviewer' AND p.person_type = 'internal'""", id),
                "the interviewer is the team's own, as Insights counts internal people");

        assertTrue(count("""
                SELECT count(*) FROM theme_evidence te JOIN evidence e ON e.id = te.evidence_id
                JOIN themes t ON t.id = te.theme_id
                WHERE e.interview_id = $1 AND t.project_id = $2 AND t.account_id = $3 AND t.interview_id IS NULL""",
                id, PROJECT, ACCOUNT) > 0, "themes are the project's, reached through theme_evidence");
        assertEquals(1, count("""
                SELECT count(*) FROM people_personas pp JOIN personas pe ON pe.id = pp.persona_id
                JOIN people p ON p.id = pp.person_id
                WHERE pp.interview_id = $1 AND pp.source = 'intake' AND p.name = 'Dana Whitfield'
                  AND pe.project_id = $2 AND array_length(pe.pains, 1) > 0""", id, PROJECT));
        assertTrue(count("""
                SELECT count(*) FROM project_answers a JOIN research_questions q ON q.id = a.research_question_id
                WHERE a.interview_id = $1 AND a.origin = 'analysis' AND a.status = 'answered' AND a.question_text = q.text
                  AND a.answer_text IS NOT NULL AND a.analysis_run_metadata->>'writer' = 'intake'""", id) > 0);
        assertEquals(0, count("""
                SELECT count(*) FROM project_answers a WHERE a.interview_id = $1
                AND NOT EXISTS (SELECT 1 FROM project_answer_evidence pae WHERE pae.answer_id = a.id)""", id),
                "every answer has its evidence in project_answer_evidence");
    }

    @Test
    @Order(3)
    void a_recall_recording_and_a_url_import_go_to_ready_and_record_only_real_users() {
        String recordingId = UUID.randomUUID().toString();
        RecallFixtures.stubRecording(recordingId, "fake mp4".getBytes(StandardCharsets.UTF_8), RecallFixtures.transcript());
        byte[] event = RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, new TestData.Project(ACCOUNT, PROJECT));
        EntryOutcome.Created fromRecall = (EntryOutcome.Created) recall.receive(RecallFixtures.signedHeaders(event), event);
        Interview recorded = data.awaitSettled(fromRecall.interviewId());
        assertEquals(InterviewStatus.READY, recorded.status(), recorded.progress().encode());
        assertEquals("recall", recorded.source().type());
        assertNull(db.execute("SELECT created_by FROM interviews WHERE id = $1", Tuple.of(recorded.id())).iterator().next()
                .getUUID(0), "Recall's user is no Supabase user of this account");
        processed.add(recorded.id());

        String path = "/files/" + UUID.randomUUID() + "/pricing-interview.srt";
        WireMockResource.server().register(get(urlEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-subrip").withBody(TestData.sample("pricing-interview.srt"))));
        byte[] request = ("{\"accountId\": \"" + ACCOUNT + "\", \"projectId\": \"" + PROJECT + "\", \"url\": \""
                + WireMockResource.baseUrl() + path + "\"}").getBytes(StandardCharsets.UTF_8);
        RequestRejected viewer = assertThrows(RequestRejected.class,
                () -> urlImport.submit(new Caller(VIEWER), Optional.of("application/json"), request));
        assertEquals(403, viewer.status());
        EntryOutcome.Created imported = urlImport.submit(new Caller(OWNER), Optional.of("application/json"), request);
        Interview fromUrl = data.awaitSettled(imported.interviewId());
        assertEquals(InterviewStatus.READY, fromUrl.status(), fromUrl.progress().encode());
        // Imported without a title, the interview was named after its file: a placeholder finalize replaces.
        assertFalse(fromUrl.title().isBlank() || fromUrl.title().equals("pricing-interview.srt"), fromUrl.title());
        assertEquals(WireMockResource.baseUrl() + path, fromUrl.source().sourceUrl());
        assertEquals(OWNER, db.execute("SELECT created_by FROM interviews WHERE id = $1", Tuple.of(fromUrl.id())).iterator()
                .next().getUUID(0));
        processed.add(fromUrl.id());
    }

    @Test
    @Order(4)
    void the_sweeper_leaves_interviews_intake_does_not_own_and_repair_takes_the_incident_to_ready() {
        data.putObject(MediaKey.parse(INCIDENT_KEY).orElseThrow(), TestData.sample("onboarding-interview.vtt"));

        Cli.Run sweep = intake("sweep", "--engine", "local");
        assertEquals(0, sweep.exit(), sweep.err());
        assertEquals(InterviewStatus.PROCESSING, data.interview(INCIDENT).status(), "the old pipeline's interview is not Intake's");
        Cli.Run stuck = intake("repair", "--stuck", "--dry-run");
        assertFalse(stuck.out().contains("would repair " + INCIDENT), stuck.out());
        assertTrue(stuck.out().contains("not Intake's: " + INCIDENT + " silent for 8 h"), stuck.out());
        Cli.Run anyOwner = intake("repair", "--stuck", "--any-owner", "--dry-run");
        assertTrue(anyOwner.out().contains("would repair " + INCIDENT), anyOwner.out());
        assertTrue(anyOwner.out().contains("would repair " + NULL_ANALYSIS), anyOwner.out());

        Cli.Run diagnose = intake("diagnose", INCIDENT.toString());
        assertTrue(diagnose.out().contains("none of Intake's (Insights' pipeline: run_cm3incident)"), diagnose.out());

        Cli.Run repair = intake("repair", INCIDENT.toString(), "--engine", "local");
        assertEquals(0, repair.exit(), repair.out() + repair.err());
        assertTrue(repair.out().contains(INCIDENT + ": ready"), repair.out());
        Interview repaired = data.interview(INCIDENT);
        assertEquals("run_cm3incident", repaired.analysis().getString("trigger_run_id"), "the web app's Cancel key is not clobbered");
        assertEquals("run_cm3incident", repaired.progress().getString("trigger_run_id"));
        assertEquals(INCIDENT.toString(), repaired.analysis().getJsonObject("workflow_state").getString("interviewId"),
                "Insights' workflow_state keeps its own shape");
        assertEquals(new WebAppProgress("ready", 100, "Analysis complete!", true, false, null), webApp(INCIDENT));
        processed.add(INCIDENT);
    }

    @Test
    @Order(5)
    void a_row_with_null_conversation_analysis_is_repaired_to_a_visible_error_that_says_where_and_why() {
        Cli.Run repair = intake("repair", NULL_ANALYSIS.toString(), "--from", "upload", "--engine", "local");
        assertEquals(1, repair.exit(), repair.out());
        Interview failed = data.interview(NULL_ANALYSIS);
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertTrue(failed.runId().isPresent());
        WebAppProgress shown = webApp(NULL_ANALYSIS);
        assertTrue(shown.hasError());
        assertTrue(shown.label().startsWith("Failed at upload: "), shown.label());
        assertEquals(failed.lastError().orElseThrow().getString("message"), failed.analysis().getString("last_error"),
                "last_error is the string Insights' readers expect");
        processed.add(NULL_ANALYSIS);
    }

    @Test
    @Order(6)
    void the_web_app_follows_a_run_step_by_step() {
        UUID id = UUID.randomUUID();
        db.execute("""
                INSERT INTO interviews (id, account_id, project_id, title, status) VALUES ($1, $2, $3, 'Live', 'uploading')""",
                Tuple.of(id, ACCOUNT, PROJECT));
        String runId = UUID.randomUUID().toString();
        MediaKey key = new MediaKey(ACCOUNT, PROJECT, id, "live.vtt");
        interviews.completeUpload(id, key.key(), runId);
        // The row was shown animating 5 to 25 while uploading; Intake's progress starts there, not back at 10.
        assertEquals(new WebAppProgress("uploaded", 25, "Upload received; processing starts shortly", false, false, "upload"),
                webApp(id));
        Lease lease = Lease.newOwner(id);
        leases.claim(lease, runId, Step.UPLOAD, java.time.Duration.ofMinutes(1)).orElseThrow();
        assertEquals(new WebAppProgress("transcribing", 25, Step.UPLOAD.detail(), false, false, "upload"), webApp(id));
        StepEnds.complete(leases, lease, runId, Step.UPLOAD, Optional.of(Step.EVIDENCE), new JsonObject());
        assertEquals(new WebAppProgress("transcribed", 30, "Completed upload; next: evidence", false, false, "evidence"),
                webApp(id));
        Lease next = Lease.newOwner(id);
        leases.claim(next, runId, Step.EVIDENCE, java.time.Duration.ofMinutes(1)).orElseThrow();
        StepEnds.fail(leases, next, new StepError("evidence", "the analysis endpoint said 400", ErrorKind.PERMANENT, 1));
        assertEquals(new WebAppProgress("error", 0, "Failed at evidence: the analysis endpoint said 400", false, true, null),
                webApp(id));
        processed.add(id);
    }

    @Test
    @Order(7)
    void no_row_intake_does_not_own_was_changed_or_deleted() {
        Set<String> now = insightsRows();
        Set<String> changed = new HashSet<>(rowsAfterMigrating);
        changed.removeAll(now);
        // The rows of interviews Intake took over (the incident, the NULL row it repaired) are Intake's now.
        changed.removeIf(row -> processed.stream().anyMatch(id -> row.startsWith("public.interviews (" + id + ",")));
        assertEquals(Set.of(), changed);
        assertTrue(now.stream().anyMatch(row -> row.startsWith("public.project_answers (a0000000-0000-4000-8000-000000000001,")
                && row.contains("scripted")), "the scripted answer of the incident is still there");
        assertEquals(2, count("SELECT count(*) FROM evidence WHERE id IN ('e0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002')"));
        assertTrue(count("SELECT count(*) FROM intake.interview_outputs") > 0);
        assertEquals(0, count("""
                SELECT count(*) FROM intake.interview_outputs o
                WHERE o.table_name = 'evidence' AND o.row_id IN ('e0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002')"""));
    }
}
