package dev.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.embedded.LocalPostgres;
import dev.intake.engine.Repairs;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.entry.UploadOutcome;
import dev.intake.media.MediaBucket;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.store.SweepStore;
import dev.intake.sweeper.SweepReport;
import dev.intake.sweeper.Sweeper;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.Step;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Switching an Insights deployment over: Intake on Insights' bucket (reached as R2 is: endpoint
 * override, path-style, static credentials, region {@code auto}) with Insights' own keys, taking the
 * uploads Insights' web upload leaves 'uploaded' from the bucket's events, the sweeper and repair,
 * and leaving alone what Insights' old pipeline has.
 */
@QuarkusTest
@TestProfile(InsightsCutoverTest.InsightsBucket.class)
class InsightsCutoverTest {

    /** Insights' R2 bucket, as its app/utils/r2.server.ts reaches it; adoption on after 10 minutes. */
    public static class InsightsBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "intake.bucket", BUCKET,
                    "quarkus.s3.aws.region", "auto",
                    "intake.bucket-public-base-url", PUBLIC_BASE_URL,
                    "intake.sweeper.adopt-uploaded-after", "PT10M",
                    "intake.sweeper.adopt-batch", "50");
        }
    }

    static final String BUCKET = "upsight-usermedia";
    static final String PUBLIC_BASE_URL = "https://media.insights.test";
    /** Columns a run writes to an interview; every other one stays as Insights wrote it. */
    private static final Set<String> WRITTEN_BY_A_RUN = Set.of("status", "updated_at", "conversation_analysis",
            "processing_metadata", "transcript", "transcript_formatted", "duration_sec");

    @Inject
    UploadCompletion completion;
    @Inject
    Sweeper sweeper;
    @Inject
    SweepStore sweeps;
    @Inject
    Repairs repairs;
    @Inject
    MediaBucket bucket;
    @Inject
    S3Client s3;
    @Inject
    Db db;
    @Inject
    TestData data;
    @Inject
    MeterRegistry metrics;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @BeforeEach
    void bucketExists() {
        bucket.ensureExists();
    }

    private UUID insightsUpload(TestData.Project project, String status, String mediaUrl, String analysis,
                                String mediaType) {
        return data.insightsWebUpload(project, status, mediaUrl, analysis, mediaType);
    }

    private String webKey(TestData.Project project, UUID interview) {
        return TestData.insightsWebKey(project, interview);
    }

    private void put(String key) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(TestData.sample("standup-notes.txt")));
    }

    private void setMediaUrl(UUID id, String mediaUrl) {
        db.execute("UPDATE interviews SET media_url = $2 WHERE id = $1", Tuple.of(id, mediaUrl));
    }

    /**
     * Nothing written to the interview for {@code ago}. On the database Insights' migrations build, a trigger
     * stamps updated_at on every update, so it is held off (as SuggestedCommandsTest does) for the row to look
     * as old as it would be.
     */
    private void untouchedFor(UUID id, Duration ago) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.USER);
             Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("UPDATE interviews SET updated_at = now() - interval '" + ago.toSeconds() + " seconds' WHERE id = '" + id + "'");
        }
    }

    private JsonObject row(UUID id) {
        return (JsonObject) db.execute("SELECT to_jsonb(i) AS row FROM interviews i WHERE id = $1", Tuple.of(id))
                .iterator().next().getValue("row");
    }

    /** Every column but those a run writes, and the keys Insights wrote inside the two it shares, unchanged. */
    private static void onlyTheRunsWritesChanged(JsonObject before, JsonObject after) {
        for (String column : before.fieldNames()) {
            if (!WRITTEN_BY_A_RUN.contains(column)) {
                assertEquals(before.getValue(column), after.getValue(column), column + " is Insights', not the run's");
            }
        }
        JsonObject analysisBefore = Optional.ofNullable(before.getJsonObject("conversation_analysis")).orElse(new JsonObject());
        for (String key : analysisBefore.fieldNames()) {
            assertEquals(analysisBefore.getValue(key), after.getJsonObject("conversation_analysis").getValue(key),
                    "conversation_analysis." + key);
        }
        assertEquals("interviews/thumbs/t.jpg", after.getJsonObject("processing_metadata").getString("client_thumbnail_r2_key"));
    }

    private double rejected(String layout) {
        return metrics.counter("intake.uploads.rejected", "layout", layout).count();
    }

    @Test
    void the_bucket_is_reached_as_insights_reaches_r2() {
        var configuration = s3.serviceClientConfiguration();
        assertEquals("auto", configuration.region().id());
        assertTrue(configuration.endpointOverride().isPresent(), "an endpoint, as R2's https://<account>.r2.cloudflarestorage.com");
        String key = "interviews/" + UUID.randomUUID() + "/upload-" + System.nanoTime() + ".txt";
        put(key);
        assertTrue(bucket.exists(key));
    }

    @Test
    void a_web_upload_left_uploaded_is_taken_over_by_its_bucket_event_and_reaches_ready_from_insights_key() {
        TestData.Project project = data.project("How does the team plan its week?");
        UUID id = insightsUpload(project, "uploaded", null, "{\"custom_instructions\": \"Focus on planning.\"}", "interview");
        String key = webKey(project, id);
        setMediaUrl(id, key);
        put(key);
        JsonObject before = row(id);

        UploadOutcome outcome = completion.accept(new ObjectCreated(BUCKET, key, 100));

        UploadOutcome.Started started = assertInstanceOf(UploadOutcome.Started.class, outcome);
        assertEquals(id, started.interviewId());
        Interview done = data.awaitSettled(id);
        assertEquals(InterviewStatus.READY, done.status(), done.analysis().encodePrettily());
        JsonObject after = row(id);
        assertNotNull(after.getString("transcript"), "the transcript was read from Insights' key");
        onlyTheRunsWritesChanged(before, after);
        assertEquals(key, after.getString("media_url"));
    }

    @Test
    void an_upload_made_before_its_interview_existed_is_found_by_its_media_url_when_it_holds_the_public_url() {
        TestData.Project project = data.project();
        String key = "interviews/" + project.projectId() + "/upload-" + System.nanoTime() + ".txt";
        put(key);
        assertInstanceOf(UploadOutcome.Rejected.class, completion.accept(new ObjectCreated(BUCKET, key, 100)),
                "the event before Insights created the row names no interview yet");
        UUID id = insightsUpload(project, "uploaded", PUBLIC_BASE_URL + "/" + BUCKET + "/" + key, null, "interview");

        UploadOutcome outcome = completion.accept(new ObjectCreated(BUCKET, key, 100));

        assertEquals(id, assertInstanceOf(UploadOutcome.Started.class, outcome).interviewId());
        assertEquals(InterviewStatus.READY, data.awaitSettled(id).status());
    }

    @Test
    void a_desktop_recording_completes_the_uploading_interview_its_key_names() {
        TestData.Project project = data.project();
        UUID id = insightsUpload(project, "uploading", null, null, "interview");
        String key = "interviews/" + project.accountId() + "/" + id + "/recording.txt";
        put(key);

        UploadOutcome outcome = completion.accept(new ObjectCreated(BUCKET, key, 100));

        assertEquals(id, assertInstanceOf(UploadOutcome.Started.class, outcome).interviewId());
        Interview done = data.awaitSettled(id);
        assertEquals(InterviewStatus.READY, done.status(), done.analysis().encodePrettily());
        assertEquals(key, done.mediaKey());
    }

    @Test
    void keys_that_name_another_account_or_project_or_no_interview_are_rejected_counted_and_change_nothing() {
        TestData.Project project = data.project();
        TestData.Project other = data.project();
        UUID id = insightsUpload(project, "uploading", null, null, "interview");
        JsonObject before = row(id);
        String desktop = "interviews/" + other.accountId() + "/" + id + "/recording.webm";
        String web = "interviews/" + other.projectId() + "/" + id + "-1733500000000.mp3";
        String unnamed = "interviews/" + project.projectId() + "/import-1733500000000.mp4";
        String shapeless = "interviews/" + project.projectId() + "/notes.txt";
        for (String key : List.of(desktop, web, unnamed, shapeless)) {
            put(key);
        }
        double desktopBefore = rejected("desktop");
        double webBefore = rejected("web-upload");
        double unnamedBefore = rejected("project-file");
        double shapelessBefore = rejected("none");

        UploadOutcome.Rejected a = assertInstanceOf(UploadOutcome.Rejected.class, completion.accept(new ObjectCreated(BUCKET, desktop, 1)));
        UploadOutcome.Rejected b = assertInstanceOf(UploadOutcome.Rejected.class, completion.accept(new ObjectCreated(BUCKET, web, 1)));
        UploadOutcome.Rejected c = assertInstanceOf(UploadOutcome.Rejected.class, completion.accept(new ObjectCreated(BUCKET, unnamed, 1)));
        UploadOutcome.Rejected d = assertInstanceOf(UploadOutcome.Rejected.class, completion.accept(new ObjectCreated(BUCKET, shapeless, 1)));

        assertTrue(a.reason().contains("another account"), a.reason());
        assertTrue(b.reason().contains("another project"), b.reason());
        assertTrue(c.reason().contains("no interview of project " + project.projectId()), c.reason());
        assertTrue(d.reason().contains("none of the layouts"), d.reason());
        assertEquals(desktopBefore + 1, rejected("desktop"));
        assertEquals(webBefore + 1, rejected("web-upload"));
        assertEquals(unnamedBefore + 1, rejected("project-file"));
        assertEquals(shapelessBefore + 1, rejected("none"));
        assertEquals(before, row(id));
    }

    @Test
    void an_object_other_than_the_media_insights_recorded_for_the_interview_is_rejected() {
        TestData.Project project = data.project();
        UUID id = insightsUpload(project, "uploaded", null, null, "interview");
        setMediaUrl(id, webKey(project, id));
        String stray = webKey(project, id);
        put(stray);
        JsonObject before = row(id);

        UploadOutcome.Rejected rejected = assertInstanceOf(UploadOutcome.Rejected.class,
                completion.accept(new ObjectCreated(BUCKET, stray, 1)));

        assertTrue(rejected.reason().contains("not this object"), rejected.reason());
        assertEquals(before, row(id));
    }

    @Test
    void an_upload_insights_old_pipeline_started_or_a_document_is_left_to_insights_by_its_event() {
        TestData.Project project = data.project();
        UUID started = insightsUpload(project, "uploaded", null,
                "{\"current_step\": \"upload\", \"trigger_run_id\": \"run_cm3old\"}", "interview");
        UUID document = insightsUpload(project, "uploaded", null, null, "document");
        for (UUID id : List.of(started, document)) {
            String key = webKey(project, id);
            setMediaUrl(id, key);
            put(key);
            JsonObject before = row(id);

            UploadOutcome outcome = completion.accept(new ObjectCreated(BUCKET, key, 1));

            assertInstanceOf(UploadOutcome.AlreadyReceived.class, outcome);
            assertEquals(before, row(id));
        }
    }

    @Test
    void with_adoption_on_the_sweeper_takes_an_upload_no_pipeline_started_and_brings_it_to_ready_from_insights_bucket() throws SQLException {
        TestData.Project project = data.project("How does the team plan its week?");
        UUID id = insightsUpload(project, "uploaded", null, "{\"custom_instructions\": \"Focus on planning.\"}", "interview");
        String key = webKey(project, id);
        setMediaUrl(id, key);
        put(key);
        untouchedFor(id, Duration.ofDays(400));
        JsonObject before = row(id);

        SweepReport report = sweeper.sweepNow(Duration.ofDays(1));

        assertTrue(report.uploadsAdopted().stream().anyMatch(e -> e.interviewId().equals(id.toString())), report.toString());
        Interview done = data.awaitSettled(id);
        assertEquals(InterviewStatus.READY, done.status(), done.analysis().encodePrettily());
        onlyTheRunsWritesChanged(before, row(id));
    }

    @Test
    void the_sweeper_leaves_uploads_the_old_pipeline_touched_or_that_were_touched_recently() throws SQLException {
        TestData.Project project = data.project();
        UUID oldPipeline = insightsUpload(project, "uploaded", null, null, "interview");
        db.execute("UPDATE interviews SET processing_metadata = processing_metadata || '{\"trigger_run_id\": \"run_cm3x\","
                + " \"current_step\": \"upload\"}'::jsonb WHERE id = $1", Tuple.of(oldPipeline));
        UUID workflowState = insightsUpload(project, "uploaded", null, "{\"workflow_state\": {\"currentStep\": \"upload\"}}",
                "interview");
        UUID recent = insightsUpload(project, "uploaded", null, null, "interview");
        UUID voiceMemo = insightsUpload(project, "uploaded", null, null, "voice_memo");
        Map<UUID, JsonObject> before = new java.util.HashMap<>();
        for (UUID id : List.of(oldPipeline, workflowState, recent, voiceMemo)) {
            String key = webKey(project, id);
            setMediaUrl(id, key);
            put(key);
            untouchedFor(id, id.equals(recent) ? Duration.ofMinutes(2) : Duration.ofDays(400));
            before.put(id, row(id));
        }

        SweepReport report = sweeper.sweepNow(Duration.ofDays(1));

        before.forEach((id, row) -> {
            assertTrue(report.uploadsAdopted().stream().noneMatch(e -> e.interviewId().equals(id.toString())), id.toString());
            assertEquals(row, row(id), "interview " + id + " unchanged");
        });
    }

    @Test
    void a_url_import_whose_event_was_lost_is_completed_by_the_sweeper_from_the_key_in_its_media_url() throws SQLException {
        TestData.Project project = data.project();
        String key = "interviews/" + project.projectId() + "/import-" + System.nanoTime() + ".txt";
        UUID id = insightsUpload(project, "uploading", key, null, "interview");
        put(key);
        untouchedFor(id, Duration.ofHours(1));

        SweepReport report = sweeper.sweepNow(Duration.ofDays(1));

        assertTrue(report.uploadsCompleted().stream().anyMatch(e -> e.interviewId().equals(id.toString())), report.toString());
        assertEquals(InterviewStatus.READY, data.awaitSettled(id).status());
    }

    @Test
    void repair_of_an_upload_insights_left_runs_it_from_upload_without_options() {
        TestData.Project project = data.project();
        UUID id = insightsUpload(project, "uploaded", null, null, "interview");
        String key = webKey(project, id);
        setMediaUrl(id, key);
        put(key);
        JsonObject before = row(id);

        Repairs.Result result = repairs.repair(id, Optional.empty());

        assertEquals(Step.UPLOAD, assertInstanceOf(Repairs.Result.Started.class, result).from());
        Interview done = data.awaitSettled(id);
        assertEquals(InterviewStatus.READY, done.status(), done.analysis().encodePrettily());
        onlyTheRunsWritesChanged(before, row(id));
        assertInstanceOf(Repairs.Result.Refused.class, repairs.repair(insightsUpload(project, "uploaded", null, null,
                "interview"), Optional.empty()), "an upload without media has nothing to run from");
    }

    @Test
    void the_sweepers_scan_for_unclaimed_uploads_uses_their_index_on_a_large_table() {
        TestData.Project project = data.project();
        db.execute("""
                INSERT INTO interviews (id, account_id, project_id, title, status, media_url, conversation_analysis, updated_at)
                SELECT gen_random_uuid(), $1, $2, 'bulk',
                       CASE WHEN n % 400 = 0 THEN 'uploaded' ELSE 'ready' END::interview_status, 'interviews/x/' || n || '.mp3',
                       CASE WHEN n % 3 = 0 THEN NULL ELSE '{"trigger_run_id": "run"}'::jsonb END, now() - (n || ' seconds')::interval
                FROM generate_series(1, 20000) AS n""", Tuple.of(project.accountId(), project.projectId()));
        db.execute("ANALYZE interviews", Tuple.tuple());

        List<String> plan = sweeps.explainUnclaimedUploadsScan(Duration.ofMinutes(10), 50);

        assertTrue(plan.stream().anyMatch(line -> line.contains("intake_interviews_unclaimed_uploads_idx")), String.join("\n", plan));
        assertTrue(plan.stream().noneMatch(line -> line.contains("Seq Scan on interviews")), String.join("\n", plan));
        db.execute("DELETE FROM interviews WHERE project_id = $1", Tuple.of(project.projectId()));
    }
}
