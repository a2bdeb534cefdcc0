package dev.intake.sweeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.engine.LocalEngine;
import dev.intake.engine.RunStarter;
import dev.intake.engine.WorkflowEngine;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.steps.StepContext;
import dev.intake.steps.StepHandler;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.Lease;
import dev.intake.store.StepLeases;
import dev.intake.store.SweepStore;
import dev.intake.testing.Racers;
import dev.intake.testing.StepEnds;
import dev.intake.testing.StepFunctionsStub;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Runs killed at each step boundary, and the sweeper bringing them to ready without duplicated rows;
 * bounded resumes; concurrent sweepers; lost and never-finished uploads; the scan's index.
 */
@QuarkusTest
class SweeperTest {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration STALLED = Duration.ofMinutes(5);

    @Inject
    Sweeper sweeper;
    @Inject
    SweepStore sweeps;
    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    UploadCompletion completion;
    @Inject
    LocalEngine engine;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    software.amazon.awssdk.services.s3.S3Client s3;
    @Inject
    Db db;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;
    @Inject
    SweeperConfig config;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;
    @Inject
    @Any
    Instance<StepHandler> handlers;

    /** Time passes: the interview's last sign of life and its lease are {@code ago} in the past. */
    private void age(UUID id, Duration ago) {
        db.execute("""
                UPDATE interviews
                SET updated_at = now() - make_interval(secs => $2::double precision),
                    conversation_analysis = CASE WHEN conversation_analysis->'intake' ? 'lease_until'
                        THEN jsonb_set(conversation_analysis, '{intake,lease_until}',
                                       to_jsonb(now() - make_interval(secs => $2::double precision)))
                        ELSE conversation_analysis END
                WHERE id = $1""", Tuple.of(id, (double) ago.toSeconds()));
    }

    private Interview ready(String sample) {
        MediaKey key = data.uploadingInterview(data.project("What problems do they have today?"), sample);
        data.putObject(key, TestData.sample(sample));
        completion.accept(new ObjectCreated(bucket.name(), key.key(), 1));
        Interview done = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.READY, done.status());
        return done;
    }

    private List<Long> rows(UUID id) {
        return TestData.OUTPUT_TABLES.stream().map(t -> data.rows(t, id)).toList();
    }

    private StepHandler handler(Step step) {
        return handlers.stream().filter(h -> h.step() == step).findFirst().orElseThrow();
    }

    /** A run of {@code plan} started by hand: the engine is never told, as when its invocation died. */
    private String orphanRun(UUID id, RunPlan plan) {
        String runId = UUID.randomUUID().toString();
        assertTrue(interviews.startRun(id, runId, plan).won());
        return runId;
    }

    private Interview sweptToReady(UUID id) {
        age(id, Duration.ofMinutes(30));
        SweepReport report = sweeper.sweepNow(STALLED);
        assertTrue(report.resumed().stream().anyMatch(e -> e.interviewId().equals(id.toString())), report.toString());
        Interview done = data.awaitSettled(id);
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(JsonObject::encode).orElse(""));
        assertEquals(1, done.resumeCount());
        return done;
    }

    @Test
    void a_run_killed_after_claiming_a_step_before_doing_its_work_is_resumed_to_ready() {
        Interview done = ready("onboarding-interview.vtt");
        List<Long> before = rows(done.id());
        String runId = orphanRun(done.id(), RunPlan.resumeFrom(Step.EVIDENCE));
        assertTrue(leases.claim(Lease.newOwner(done.id()), runId, Step.EVIDENCE, LEASE).isPresent());

        sweptToReady(done.id());

        assertEquals(before, rows(done.id()));
    }

    @Test
    void a_run_killed_after_the_work_before_recording_it_is_resumed_and_the_output_replaced_not_doubled() {
        Interview done = ready("onboarding-interview.vtt");
        List<Long> before = rows(done.id());
        String runId = orphanRun(done.id(), RunPlan.resumeFrom(Step.EVIDENCE));
        Lease lease = Lease.newOwner(done.id());
        Interview claimed = leases.claim(lease, runId, Step.EVIDENCE, LEASE).orElseThrow();
        handler(Step.EVIDENCE).run(new StepContext(claimed, lease, runId));

        sweptToReady(done.id());

        assertEquals(before, rows(done.id()));
    }

    @Test
    void a_run_killed_after_recording_a_step_before_dispatching_the_next_is_resumed_from_the_next() {
        Interview done = ready("standup-notes.txt");
        List<Long> before = rows(done.id());
        String runId = orphanRun(done.id(), RunPlan.resumeFrom(Step.INSIGHTS));
        Lease lease = Lease.newOwner(done.id());
        Interview claimed = leases.claim(lease, runId, Step.INSIGHTS, LEASE).orElseThrow();
        handler(Step.INSIGHTS).run(new StepContext(claimed, lease, runId));
        StepEnds.complete(leases, lease, runId, Step.INSIGHTS, Optional.of(Step.PERSONAS), new JsonObject());
        assertEquals("personas", data.interview(done.id()).currentStep().orElseThrow());

        Interview swept = sweptToReady(done.id());

        assertEquals(before, rows(done.id()));
        assertEquals(List.of("upload", "evidence", "enrich-person", "insights", "personas", "answers", "finalize"),
                swept.completedSteps());
    }

    @Test
    void an_upload_whose_run_never_started_is_resumed_from_upload() {
        MediaKey key = data.uploadingInterview(data.project(), "notes.txt");
        data.putObject(key, TestData.sample("standup-notes.txt"));
        assertTrue(interviews.completeUpload(key.interviewId(), key.key(), UUID.randomUUID().toString()).won());
        assertEquals(InterviewStatus.UPLOADED, data.interview(key.interviewId()).status());
        sweptToReady(key.interviewId());
    }

    @Test
    void past_the_bound_of_resumes_the_interview_fails_saying_where_it_was_stuck_and_for_how_long() {
        Interview done = ready("standup-notes.txt");
        orphanRun(done.id(), RunPlan.resumeFrom(Step.EVIDENCE));
        db.execute("UPDATE interviews SET conversation_analysis = jsonb_set(conversation_analysis, '{intake,resume_count}', '3') WHERE id = $1",
                Tuple.of(done.id()));
        age(done.id(), Duration.ofHours(8));

        SweepReport report = sweeper.sweepNow(STALLED);

        assertTrue(report.failed().stream().anyMatch(e -> e.interviewId().equals(done.id().toString())), report.toString());
        Interview failed = data.interview(done.id());
        assertEquals(InterviewStatus.ERROR, failed.status());
        JsonObject error = failed.lastError().orElseThrow();
        assertEquals("evidence", error.getString("step"));
        assertEquals("stuck in evidence for 8 h after 3 resumes; giving up", error.getString("message"));
        assertEquals("Failed at evidence: stuck in evidence for 8 h after 3 resumes; giving up", failed.statusDetail().orElseThrow());
    }

    @Test
    void an_interview_with_a_live_lease_or_recent_progress_is_left_alone() {
        Interview done = ready("standup-notes.txt");
        String runId = orphanRun(done.id(), RunPlan.resumeFrom(Step.EVIDENCE));
        leases.claim(Lease.newOwner(done.id()), runId, Step.EVIDENCE, Duration.ofHours(1));
        db.execute("UPDATE interviews SET updated_at = now() - interval '1 hour' WHERE id = $1", Tuple.of(done.id()));
        SweepReport report = sweeper.sweepNow(STALLED);
        assertTrue(report.resumed().stream().noneMatch(e -> e.interviewId().equals(done.id().toString())));
        assertEquals(InterviewStatus.PROCESSING, data.interview(done.id()).status());
    }

    @Test
    void an_upload_whose_s3_event_was_lost_is_completed() {
        MediaKey key = data.uploadingInterview(data.project(), "lost event.txt");
        data.putObject(key, TestData.sample("standup-notes.txt"));
        age(key.interviewId(), Duration.ofMinutes(20));

        SweepReport report = sweeper.sweepNow(STALLED);

        assertTrue(report.uploadsCompleted().stream().anyMatch(e -> e.interviewId().equals(key.interviewId().toString())));
        Interview done = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.READY, done.status());
        assertEquals(key.key(), done.mediaKey());
    }

    @Test
    void a_folder_marker_is_not_taken_for_the_media_and_does_not_keep_an_upload_waiting_forever() {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        String folder = "interviews/" + key.accountId() + "/" + key.projectId() + "/" + key.interviewId() + "/";
        s3.putObject(b -> b.bucket(bucket.name()).key(folder), software.amazon.awssdk.core.sync.RequestBody.empty());
        age(key.interviewId(), Duration.ofHours(7));
        SweepReport report = sweeper.sweepNow(STALLED);
        assertTrue(report.uploadsFailed().stream().anyMatch(e -> e.interviewId().equals(key.interviewId().toString())),
                report.toString());
    }

    @Test
    void an_upload_that_never_arrived_ends_in_error() {
        MediaKey key = data.uploadingInterview(data.project(), "never.vtt");
        age(key.interviewId(), Duration.ofHours(7));
        SweepReport report = sweeper.sweepNow(STALLED);
        assertTrue(report.uploadsFailed().stream().anyMatch(e -> e.interviewId().equals(key.interviewId().toString())));
        Interview failed = data.interview(key.interviewId());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertTrue(failed.lastError().orElseThrow().getString("message").startsWith("upload never completed"));
    }

    @Test
    void two_sweepers_at_once_resume_each_of_200_stuck_interviews_exactly_once() throws Exception {
        TestData.Project project = data.project();
        List<UUID> stuck = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            MediaKey key = data.uploadingInterview(project, "call.vtt");
            interviews.completeUpload(key.interviewId(), key.key(), UUID.randomUUID().toString());
            orphanRun(key.interviewId(), RunPlan.resumeFrom(Step.FINALIZE));
            stuck.add(key.interviewId());
        }
        db.execute("UPDATE interviews SET updated_at = now() - interval '1 hour' WHERE id = ANY($1)",
                Tuple.of(stuck.toArray(UUID[]::new)));

        List<SweepReport> reports = new ArrayList<>(Racers.race(2, () -> sweeper.sweepNow(STALLED)));
        reports.add(sweeper.sweepNow(STALLED));

        Set<String> resumed = new HashSet<>();
        int total = 0;
        for (SweepReport report : reports) {
            for (SweepReport.Entry entry : report.resumed()) {
                if (stuck.contains(UUID.fromString(entry.interviewId()))) {
                    resumed.add(entry.interviewId());
                    total++;
                }
            }
        }
        assertEquals(200, resumed.size());
        assertEquals(200, total, "no interview resumed twice");
        for (UUID id : stuck) {
            Interview done = data.awaitSettled(id);
            assertEquals(InterviewStatus.READY, done.status());
            assertEquals(1, done.resumeCount());
        }
    }

    @Test
    void a_sweep_out_of_time_takes_one_interview_and_the_next_sweeps_take_the_rest_each_resumed_once() {
        TestData.Project project = data.project();
        List<UUID> stuck = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MediaKey key = data.uploadingInterview(project, "call.vtt");
            interviews.completeUpload(key.interviewId(), key.key(), UUID.randomUUID().toString());
            orphanRun(key.interviewId(), RunPlan.resumeFrom(Step.FINALIZE));
            stuck.add(key.interviewId());
        }
        db.execute("UPDATE interviews SET updated_at = now() - interval '1 hour' WHERE id = ANY($1)",
                Tuple.of(stuck.toArray(UUID[]::new)));

        List<SweepReport> reports = new ArrayList<>();
        for (int sweep = 0; sweep < 10 && (reports.isEmpty() || reports.get(reports.size() - 1).outOfTime()); sweep++) {
            reports.add(sweeper.sweepNow(STALLED, Duration.ZERO));
        }

        SweepReport first = reports.get(0);
        assertTrue(first.outOfTime(), first.toString());
        assertEquals(1, first.resumed().size(), "a sweep with no time left still takes one interview, and only one");
        List<String> resumed = reports.stream().flatMap(r -> r.resumed().stream()).map(SweepReport.Entry::interviewId)
                .filter(id -> stuck.contains(UUID.fromString(id))).toList();
        assertEquals(3, resumed.size(), reports.toString());
        assertEquals(3, new HashSet<>(resumed).size(), "no interview resumed twice");
        for (UUID id : stuck) {
            Interview done = data.awaitSettled(id);
            assertEquals(InterviewStatus.READY, done.status());
            assertEquals(1, done.resumeCount(), "resumed once, and started when it was resumed");
        }
    }

    @Test
    void a_sweep_out_of_time_leaves_the_lost_uploads_it_did_not_check_for_the_next_sweep() {
        List<MediaKey> lost = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MediaKey key = data.uploadingInterview(data.project(), "lost.txt");
            data.putObject(key, TestData.sample("standup-notes.txt"));
            age(key.interviewId(), Duration.ofDays(30).plusMinutes(i));
            lost.add(key);
        }

        for (int sweep = 0; sweep < 20; sweep++) {
            SweepReport report = sweeper.sweepNow(STALLED, Duration.ZERO);
            assertTrue(report.uploadsCompleted().size() + report.uploadsFailed().size() + report.notDone().size() <= 1,
                    "one upload per sweep with no time left: " + report);
        }

        for (MediaKey key : lost) {
            Interview done = data.awaitSettled(key.interviewId());
            assertEquals(InterviewStatus.READY, done.status(), "every lost upload is completed by a later sweep");
        }
    }

    @Test
    void the_in_flight_index_covers_every_status_the_rules_call_in_flight() {
        String predicate = db.execute("""
                SELECT pg_get_expr(i.indpred, i.indrelid) AS predicate FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'intake_interviews_in_flight_idx'""",
                Tuple.tuple()).iterator().next().getString("predicate");
        for (InterviewStatus status : dev.intake.workflow.StatusTransitions.inFlight()) {
            assertTrue(predicate.contains("'" + status.dbValue() + "'"), status + " is in flight but not in the index: " + predicate);
        }
    }

    /** One of the run's clocks ({@code progress_at}, {@code run_started_at}) set {@code ago} in the past. */
    private void runStamp(UUID id, String key, Duration ago) {
        db.execute("""
                UPDATE interviews SET conversation_analysis = jsonb_set(conversation_analysis, ARRAY['intake', $2::text],
                    to_jsonb(now() - make_interval(secs => $3::double precision)))
                WHERE id = $1""", Tuple.of(id, key, (double) ago.toSeconds()));
    }

    /** A run at insights whose step keeps being claimed and failing: touched a moment ago, its last error recorded. */
    private Interview retryingForEver(String message) {
        Interview done = ready("standup-notes.txt");
        String runId = orphanRun(done.id(), RunPlan.resumeFrom(Step.INSIGHTS));
        Lease lease = Lease.newOwner(done.id());
        assertTrue(leases.claim(lease, runId, Step.INSIGHTS, LEASE).isPresent());
        assertTrue(StepEnds.retry(leases, lease, new dev.intake.workflow.StepError("insights", message,
                dev.intake.workflow.ErrorKind.TRANSIENT, 1), Duration.ofSeconds(10)).won());
        return done;
    }

    private Optional<SweepReport.Entry> failedIn(SweepReport report, UUID id) {
        return report.failed().stream().filter(e -> e.interviewId().equals(id.toString())).findFirst();
    }

    @Test
    void an_interview_that_is_touched_all_the_time_but_completes_no_step_for_the_no_progress_bound_is_failed_with_its_last_error() {
        Interview looping = retryingForEver("duplicate key value violates unique constraint \"themes_pkey\"");
        runStamp(looping.id(), "progress_at", config.noProgressAfter().plusMinutes(1));

        SweepReport report = sweeper.sweepNow(STALLED);

        assertTrue(failedIn(report, looping.id()).isPresent(), report.toString());
        Interview failed = data.interview(looping.id());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertEquals("no step completed for 31 min (at insights, still being tried); last error: duplicate key value"
                + " violates unique constraint \"themes_pkey\"", failed.lastError().orElseThrow().getString("message"));
        assertEquals(failed.lastError().orElseThrow().getString("message"), failed.analysis().getString("last_error"),
                "the web app shows it");
    }

    @Test
    void an_interview_touched_all_the_time_that_progressed_within_the_bound_is_left_alone() {
        Interview looping = retryingForEver("the provider answered 503");
        runStamp(looping.id(), "progress_at", config.noProgressAfter().minusMinutes(1));

        SweepReport report = sweeper.sweepNow(STALLED);

        assertTrue(failedIn(report, looping.id()).isEmpty(), report.toString());
        assertEquals(InterviewStatus.PROCESSING, data.interview(looping.id()).status());
    }

    @Test
    void a_run_in_flight_past_the_interview_deadline_is_failed_saying_so_even_while_it_progresses() {
        Interview slow = retryingForEver("the provider answered 503");
        runStamp(slow.id(), "run_started_at", config.interviewDeadline().plusMinutes(5));

        SweepReport report = sweeper.sweepNow(STALLED);

        assertTrue(failedIn(report, slow.id()).isPresent(), report.toString());
        assertEquals("in flight for 2 h, past its deadline of 2 h (at insights); last error: the provider answered 503",
                data.interview(slow.id()).lastError().orElseThrow().getString("message"));
    }

    @Test
    void long_media_extends_the_deadline_by_its_own_duration() {
        Interview threeHours = retryingForEver("the provider answered 503");
        db.execute("UPDATE interviews SET duration_sec = 3 * 3600 WHERE id = $1", Tuple.of(threeHours.id()));
        runStamp(threeHours.id(), "run_started_at", Duration.ofHours(4));

        SweepReport within = sweeper.sweepNow(STALLED);

        assertTrue(failedIn(within, threeHours.id()).isEmpty(), "4 h of a 2 h + 3 h deadline: " + within);
        runStamp(threeHours.id(), "run_started_at", Duration.ofHours(5).plusMinutes(1));
        SweepReport past = sweeper.sweepNow(STALLED);
        assertTrue(failedIn(past, threeHours.id()).isPresent(), past.toString());
        assertTrue(data.interview(threeHours.id()).lastError().orElseThrow().getString("message")
                .startsWith("in flight for 5 h, past its deadline of 5 h"));
    }

    @Test
    void the_overdue_scan_uses_the_in_flight_index_on_a_large_table() {
        TestData.Project project = data.project();
        db.execute("""
                INSERT INTO interviews (id, account_id, project_id, title, status, conversation_analysis, updated_at)
                SELECT gen_random_uuid(), $1, $2, 'bulk', 'ready'::interview_status,
                       CASE WHEN n % 3 = 0 THEN NULL ELSE '{"intake": {}}'::jsonb END, now() - (n || ' seconds')::interval
                FROM generate_series(1, 20000) AS n""", Tuple.of(project.accountId(), project.projectId()));
        db.execute("ANALYZE interviews", Tuple.tuple());
        List<String> plan = sweeps.explainOverdueScan(config.noProgressAfter(), config.interviewDeadline(), 100);
        assertTrue(plan.stream().anyMatch(line -> line.contains("intake_interviews_in_flight_idx")), String.join("\n", plan));
        assertTrue(plan.stream().noneMatch(line -> line.contains("Seq Scan on interviews")), String.join("\n", plan));
    }

    @Test
    void the_stalled_scan_uses_the_in_flight_index_on_a_large_table() {
        TestData.Project project = data.project();
        db.execute("""
                INSERT INTO interviews (id, account_id, project_id, title, status, conversation_analysis, updated_at)
                SELECT gen_random_uuid(), $1, $2, 'bulk', CASE WHEN n % 500 = 0 THEN 'processing' ELSE 'ready' END::interview_status,
                       CASE WHEN n % 3 = 0 THEN NULL ELSE '{"intake": {}}'::jsonb END, now() - (n || ' seconds')::interval
                FROM generate_series(1, 20000) AS n""", Tuple.of(project.accountId(), project.projectId()));
        db.execute("ANALYZE interviews", Tuple.tuple());
        List<String> plan = sweeps.explainStalledScan(STALLED, 100);
        assertTrue(plan.stream().anyMatch(line -> line.contains("intake_interviews_in_flight_idx")), String.join("\n", plan));
        assertTrue(plan.stream().noneMatch(line -> line.contains("Seq Scan on interviews")), String.join("\n", plan));
    }

    @Test
    void the_schedule_function_refuses_events_that_are_not_its_schedule() {
        var function = new dev.intake.functions.SweepStuckFunction(sweeper);
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.intake.entry.InvalidEventException.class,
                () -> function.sweepStuck(new dev.intake.functions.SweepStuckFunction.ScheduledEvent("Object Created", "aws.s3", null)));
        assertEquals("not an EventBridge Scheduled Event (detail-type Object Created)", e.getMessage());
        assertInstanceOf(SweepReport.class,
                function.sweepStuck(new dev.intake.functions.SweepStuckFunction.ScheduledEvent("Scheduled Event", "aws.events", null)));
    }

    @Test
    void a_run_waiting_its_turn_in_this_processs_engine_is_not_resumed_and_the_sweep_goes_on_to_the_next() {
        Interview waiting = ready("standup-notes.txt");
        String queuedRun = orphanRun(waiting.id(), RunPlan.resumeFrom(Step.PERSONAS));
        age(waiting.id(), Duration.ofMinutes(40));
        Interview stalled = ready("standup-notes.txt");
        orphanRun(stalled.id(), RunPlan.resumeFrom(Step.PERSONAS));
        age(stalled.id(), Duration.ofMinutes(30));
        // An engine with a backlog: the older interview's run is queued here, behind other runs.
        WorkflowEngine backlogged = new WorkflowEngine() {
            @Override
            public void start(UUID interviewId, String runId) {
                engine.start(interviewId, runId);
            }

            @Override
            public boolean queues(UUID interviewId, String runId) {
                return runId.equals(queuedRun);
            }
        };
        Sweeper sweeping = new Sweeper(sweeps, interviews, new RunStarter(backlogged, interviews, config), completion,
                bucket, metrics, config);

        SweepReport report = sweeping.sweepNow(STALLED);

        assertTrue(report.resumed().stream().noneMatch(e -> e.interviewId().equals(waiting.id().toString())), report.toString());
        assertEquals(0, data.interview(waiting.id()).resumeCount(), "a queued run is not a stall: no resume spent");
        assertEquals(Optional.of(queuedRun), data.interview(waiting.id()).runId());
        assertTrue(report.resumed().stream().anyMatch(e -> e.interviewId().equals(stalled.id().toString())),
                "the sweep passed over the queued one to the next: " + report);
        assertEquals(InterviewStatus.READY, data.awaitSettled(stalled.id()).status());
    }

    @Test
    void a_resume_the_engine_does_not_take_stays_in_flight_and_names_the_step_it_was_stuck_in() {
        Interview done = ready("standup-notes.txt");
        orphanRun(done.id(), RunPlan.resumeFrom(Step.PERSONAS));
        age(done.id(), Duration.ofMinutes(30));
        StepFunctionsStub.anyRunAnswers(done.id(), StepFunctionsStub.error(400, "ThrottlingException"));
        Sweeper throttled = new Sweeper(sweeps, interviews,
                new RunStarter(StepFunctionsStub.engine(interviews, json, Duration.ofSeconds(10)), interviews, config),
                completion, bucket, metrics, config);

        SweepReport report = throttled.sweepNow(STALLED);

        assertTrue(report.resumed().stream().anyMatch(e -> e.interviewId().equals(done.id().toString())
                && e.detail().contains("not started yet")), report.toString());
        Interview waiting = data.interview(done.id());
        assertEquals(InterviewStatus.PROCESSING, waiting.status(), "in flight, for the next sweep to start");
        assertEquals("personas", waiting.lastError().orElseThrow().getString("step"));
        assertEquals("transient", waiting.lastError().orElseThrow().getString("kind"));
    }

    @Test
    void a_lost_upload_the_database_fails_on_does_not_cost_the_others_their_sweep() {
        MediaKey broken = data.uploadingInterview(data.project(), "broken.txt");
        MediaKey fine = data.uploadingInterview(data.project(), "fine.txt");
        data.putObject(broken, TestData.sample("standup-notes.txt"));
        data.putObject(fine, TestData.sample("standup-notes.txt"));
        age(broken.interviewId(), Duration.ofMinutes(21));
        age(fine.interviewId(), Duration.ofMinutes(20));
        // A real failure of one row's update, as a lock timeout or a constraint would raise it.
        db.execute("""
                CREATE OR REPLACE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'simulated: row % cannot be updated', OLD.id; END $$""", Tuple.tuple());
        db.execute("CREATE TRIGGER refuse_one BEFORE UPDATE ON interviews FOR EACH ROW WHEN (OLD.id = '"
                + broken.interviewId() + "') EXECUTE FUNCTION refuse_update()", Tuple.tuple());
        SweepReport report;
        try {
            report = sweeper.sweepNow(STALLED);
        } finally {
            db.execute("DROP TRIGGER refuse_one ON interviews", Tuple.tuple());
        }

        assertTrue(report.uploadsCompleted().stream().anyMatch(e -> e.interviewId().equals(fine.interviewId().toString())),
                report.toString());
        assertTrue(report.notDone().stream().anyMatch(e -> e.interviewId().equals(broken.interviewId().toString())
                && e.detail().contains("cannot be updated")), report.toString());
        assertEquals(InterviewStatus.UPLOADING, data.interview(broken.interviewId()).status(), "left for the next sweep");
        assertEquals(InterviewStatus.READY, data.awaitSettled(fine.interviewId()).status());
    }

    @Test
    void the_lost_upload_scan_walks_a_backlog_larger_than_a_batch_so_a_newer_lost_event_is_found() {
        List<UUID> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MediaKey abandoned = data.uploadingInterview(data.project(), "abandoned.vtt");
            age(abandoned.interviewId(), Duration.ofHours(1).plusMinutes(i));
            mine.add(abandoned.interviewId());
        }
        MediaKey newer = data.uploadingInterview(data.project(), "newer.vtt");
        age(newer.interviewId(), Duration.ofMinutes(15));
        mine.add(newer.interviewId());

        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (int scan = 0; scan < 100 && !seen.containsAll(mine); scan++) {
            List<dev.intake.store.StalledInterview> batch = sweeps.staleUploads(Duration.ofMinutes(10), 2);
            assertTrue(batch.size() <= 2);
            batch.forEach(upload -> seen.add(upload.interview().id()));
        }
        assertTrue(seen.containsAll(mine), "every upload of the backlog, the newer one included, is looked at");
    }

    @Test
    void a_lost_upload_under_an_upper_case_folder_is_found_and_completed() {
        MediaKey lower = data.uploadingInterview(data.project(), "upper.txt");
        String key = "interviews/" + lower.accountId().toString().toUpperCase() + "/" + lower.projectId().toString().toUpperCase()
                + "/" + lower.interviewId().toString().toUpperCase() + "/upper.txt";
        s3.putObject(b -> b.bucket(bucket.name()).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromString(TestData.sample("standup-notes.txt")));
        age(lower.interviewId(), Duration.ofMinutes(20));

        SweepReport report = sweeper.sweepNow(STALLED);

        assertTrue(report.uploadsCompleted().stream().anyMatch(e -> e.interviewId().equals(lower.interviewId().toString())),
                report.toString());
        Interview done = data.awaitSettled(lower.interviewId());
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(JsonObject::encode).orElse(""));
        assertEquals(key, done.mediaKey());
    }
}
