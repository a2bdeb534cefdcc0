package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.media.MediaKey;
import dev.intake.testing.Racers;
import dev.intake.testing.StepEnds;
import dev.intake.testing.TestData;
import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.StatusTransitions;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

@QuarkusTest
class InterviewStoreTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    Db db;
    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    TestData data;

    private MediaKey key;
    private String runId;

    @BeforeEach
    void anUploadingInterview() {
        key = data.uploadingInterview(data.project(), "call.vtt");
        runId = UUID.randomUUID().toString();
    }

    private UUID id() {
        return key.interviewId();
    }

    private Lease claim(Step step) {
        Lease lease = Lease.newOwner(id());
        assertTrue(leases.claim(lease, runId, step, LEASE).isPresent(), "claim of " + step.key());
        return lease;
    }

    @Test
    void completing_the_upload_moves_uploading_to_uploaded_and_points_the_run_at_upload() {
        assertEquals(Race.WON, interviews.completeUpload(id(), key.key(), runId));
        Interview interview = data.interview(id());
        assertEquals(InterviewStatus.UPLOADED, interview.status());
        assertEquals(key.key(), interview.mediaKey());
        assertEquals(Optional.of(runId), interview.runId());
        assertEquals(Optional.of("upload"), interview.currentStep());
        assertEquals(List.of(), interview.completedSteps());
    }

    @Test
    void a_second_upload_completion_finds_the_upload_completed_already_and_changes_nothing() {
        interviews.completeUpload(id(), key.key(), runId);
        Interview before = data.interview(id());
        // The row has moved on: uploaded is not a status an upload completes from.
        assertEquals(Race.ILLEGAL, interviews.completeUpload(id(), key.key(), UUID.randomUUID().toString()));
        Interview after = data.interview(id());
        assertEquals(before.analysis(), after.analysis());
        assertEquals(before.updatedAt(), after.updatedAt());
    }

    @Test
    void of_many_concurrent_claims_of_one_step_exactly_one_wins() throws Exception {
        interviews.completeUpload(id(), key.key(), runId);
        List<Boolean> claims = Racers.race(16,
                () -> leases.claim(Lease.newOwner(id()), runId, Step.UPLOAD, LEASE).isPresent());
        assertEquals(1, claims.stream().filter(won -> won).count());
        assertEquals(1, data.interview(id()).run().getInteger("attempt"));
    }

    @Test
    void a_claim_takes_the_running_status_progress_and_a_lease() {
        interviews.completeUpload(id(), key.key(), runId);
        Lease lease = claim(Step.UPLOAD);
        Interview interview = data.interview(id());
        assertEquals(InterviewStatus.TRANSCRIBING, interview.status());
        // The upload step's 10, raised to the 25 the web app's uploading animation reached (ShownProgressTest).
        assertEquals(25, interview.progressPercent());
        assertEquals(lease.owner(), interview.run().getString("lease_owner"));
        assertNotNull(interview.run().getString("lease_until"));
        assertNotNull(interview.run().getString("heartbeat_at"));
    }

    @Test
    void only_the_current_step_of_the_current_run_can_be_claimed() {
        interviews.completeUpload(id(), key.key(), runId);
        assertTrue(leases.claim(Lease.newOwner(id()), runId, Step.EVIDENCE, LEASE).isEmpty());
        assertTrue(leases.claim(Lease.newOwner(id()), "another-run", Step.UPLOAD, LEASE).isEmpty());
        assertEquals(InterviewStatus.UPLOADED, data.interview(id()).status());
    }

    @Test
    void a_held_lease_is_free_to_claim_again_only_once_it_expires() throws InterruptedException {
        interviews.completeUpload(id(), key.key(), runId);
        assertTrue(leases.claim(Lease.newOwner(id()), runId, Step.UPLOAD, Duration.ofMillis(300)).isPresent());
        assertTrue(leases.claim(Lease.newOwner(id()), runId, Step.UPLOAD, LEASE).isEmpty());
        Thread.sleep(400);
        assertTrue(leases.claim(Lease.newOwner(id()), runId, Step.UPLOAD, LEASE).isPresent());
        assertEquals(2, data.interview(id()).run().getInteger("attempt"));
    }

    @Test
    void completion_records_the_step_releases_the_lease_and_points_at_the_next_step() {
        interviews.completeUpload(id(), key.key(), runId);
        Lease lease = claim(Step.UPLOAD);
        assertEquals(Race.WON, StepEnds.complete(leases, lease, runId, Step.UPLOAD, Optional.of(Step.EVIDENCE), new JsonObject()));
        Interview interview = data.interview(id());
        assertEquals(InterviewStatus.TRANSCRIBED, interview.status());
        assertEquals(List.of("upload"), interview.completedSteps());
        assertEquals(Optional.of("evidence"), interview.currentStep());
        assertEquals(30, interview.progressPercent());
        assertFalse(interview.run().containsKey("lease_owner"));
        assertFalse(interview.run().containsKey("attempt"));
    }

    @Test
    void a_step_done_on_its_second_attempt_records_both_claims_and_what_the_first_failed_on() {
        interviews.completeUpload(id(), key.key(), runId);
        Lease first = claim(Step.UPLOAD);
        StepEnds.retry(leases, first, new StepError("upload", "the provider answered 503", ErrorKind.TRANSIENT, 1), Duration.ZERO);
        Lease second = claim(Step.UPLOAD);
        assertEquals(Race.WON, StepEnds.complete(leases, second, runId, Step.UPLOAD, Optional.of(Step.EVIDENCE), new JsonObject()));
        JsonObject timing = data.interview(id()).run().getJsonObject("step_timings").getJsonObject("upload");
        assertEquals(2, timing.getInteger("attempts"), timing.encode());
        assertEquals("the provider answered 503", timing.getString("retried_after"), timing.encode());
        assertNotNull(timing.getString("started_at"), timing.encode());
    }

    @Test
    void a_step_done_at_its_first_attempt_records_one_and_no_error() {
        interviews.completeUpload(id(), key.key(), runId);
        StepEnds.complete(leases, claim(Step.UPLOAD), runId, Step.UPLOAD, Optional.of(Step.EVIDENCE), new JsonObject());
        JsonObject timing = data.interview(id()).run().getJsonObject("step_timings").getJsonObject("upload");
        assertEquals(1, timing.getInteger("attempts"), timing.encode());
        assertNull(timing.getValue("retried_after"), timing.encode());
    }

    @Test
    void only_the_lease_owner_can_record_completion() {
        interviews.completeUpload(id(), key.key(), runId);
        claim(Step.UPLOAD);
        Lease stranger = Lease.newOwner(id());
        assertEquals(Race.LOST, StepEnds.complete(leases, stranger, runId, Step.UPLOAD, Optional.of(Step.EVIDENCE), new JsonObject()));
        assertEquals(InterviewStatus.TRANSCRIBING, data.interview(id()).status());
    }

    @Test
    void completing_the_last_step_makes_the_interview_ready_complete_and_100_percent() {
        interviews.completeUpload(id(), key.key(), runId);
        interviews.startRun(id(), runId, RunPlan.resumeFrom(Step.FINALIZE));
        Lease lease = claim(Step.FINALIZE);
        StepEnds.complete(leases, lease, runId, Step.FINALIZE, Optional.empty(), new JsonObject().put("evidence_count", 7));
        Interview interview = data.interview(id());
        assertEquals(InterviewStatus.READY, interview.status());
        assertEquals(Optional.of("complete"), interview.currentStep());
        assertEquals(100, interview.progressPercent());
        assertEquals(7, interview.analysis().getInteger("evidence_count"));
        assertNotNull(interview.analysis().getString("completed_at"));
    }

    @Test
    void a_failure_records_step_message_kind_attempts_and_time() {
        interviews.completeUpload(id(), key.key(), runId);
        Lease lease = claim(Step.UPLOAD);
        assertEquals(Race.WON, StepEnds.fail(leases, lease,
                new StepError("upload", "the transcript could not be read", ErrorKind.PERMANENT, 1)));
        Interview interview = data.interview(id());
        assertEquals(InterviewStatus.ERROR, interview.status());
        JsonObject error = interview.lastError().orElseThrow();
        assertEquals("upload", error.getString("step"));
        assertEquals("the transcript could not be read", error.getString("message"));
        assertEquals("permanent", error.getString("kind"));
        assertEquals(1, error.getInteger("attempts"));
        assertNotNull(error.getString("at"));
        assertNotNull(interview.analysis().getString("failed_at"));
        assertEquals(Optional.of("Failed at upload: the transcript could not be read"), interview.statusDetail());
        assertFalse(interview.run().containsKey("lease_owner"));
    }

    @Test
    void a_failure_from_an_invocation_that_lost_its_lease_does_not_overwrite_the_newer_state() {
        interviews.completeUpload(id(), key.key(), runId);
        claim(Step.UPLOAD);
        Lease stale = Lease.newOwner(id());
        assertEquals(Race.LOST, StepEnds.fail(leases, stale,
                new StepError("upload", "late failure", ErrorKind.TRANSIENT, 1)));
        assertEquals(InterviewStatus.TRANSCRIBING, data.interview(id()).status());
    }

    @Test
    void a_late_duplicate_cannot_bring_a_failed_interview_back_to_life() {
        interviews.completeUpload(id(), key.key(), runId);
        Lease lease = claim(Step.UPLOAD);
        StepEnds.fail(leases, lease, new StepError("upload", "bad file", ErrorKind.PERMANENT, 1));
        assertTrue(leases.claim(Lease.newOwner(id()), runId, Step.UPLOAD, LEASE).isEmpty());
        assertEquals(InterviewStatus.ERROR, data.interview(id()).status());
    }

    @Test
    void a_resumed_run_forgets_the_completed_steps_it_will_redo_and_clears_the_last_error() {
        interviews.completeUpload(id(), key.key(), runId);
        for (Step step : List.of(Step.UPLOAD, Step.EVIDENCE, Step.ENRICH_PERSON)) {
            Lease lease = claim(step);
            StepEnds.complete(leases, lease, runId, step, step.following(), new JsonObject());
        }
        Lease lease = claim(Step.INSIGHTS);
        StepEnds.fail(leases, lease, new StepError("insights", "boom", ErrorKind.TRANSIENT, 1));

        String resumed = UUID.randomUUID().toString();
        assertEquals(Race.WON, interviews.startRun(id(), resumed, RunPlan.of("evidence", List.of("enrich-person"))));
        Interview interview = data.interview(id());
        assertEquals(InterviewStatus.PROCESSING, interview.status());
        assertEquals(List.of("upload"), interview.completedSteps());
        assertEquals(Optional.of("evidence"), interview.currentStep());
        assertEquals(Optional.of(resumed), interview.runId());
        assertTrue(interview.lastError().isEmpty());
        assertEquals("evidence", interview.run().getString("resume_from"));
        assertEquals(new JsonArray().add("enrich-person"), interview.run().getJsonArray("skip_steps"));
        assertEquals(RunPlan.of("evidence", List.of("enrich-person")), interview.runPlan());
    }

    @Test
    void a_failure_bound_to_an_old_run_leaves_the_newer_run_alone() {
        interviews.completeUpload(id(), key.key(), runId);
        String newer = UUID.randomUUID().toString();
        interviews.startRun(id(), newer, RunPlan.resumeFrom(Step.UPLOAD));
        assertEquals(Race.LOST, interviews.recordFailureOfRun(id(), runId,
                new StepError("upload", "the step-upload function failed: Lambda.Unknown", ErrorKind.TRANSIENT, 1)));
        assertEquals(InterviewStatus.TRANSCRIBING, data.interview(id()).status());
        assertEquals(Race.WON, interviews.recordFailureOfRun(id(), newer,
                new StepError("upload", "the step-upload function failed: Lambda.Unknown", ErrorKind.TRANSIENT, 1)));
    }

    @Test
    void a_new_run_resets_the_sweepers_resume_budget() {
        interviews.completeUpload(id(), key.key(), runId);
        data.interview(id());
        interviews.startRun(id(), UUID.randomUUID().toString(), RunPlan.resumeFrom(Step.UPLOAD));
        assertFalse(data.interview(id()).run().containsKey("resume_count"));
    }

    @Test
    void a_run_cannot_start_on_an_archived_interview() {
        // Archived is terminal in the transition table; the UPDATE's WHERE clause carries that rule.
        assertTrue(StatusTransitions.predecessorsOf(InterviewStatus.PROCESSING).stream().noneMatch(s -> s == InterviewStatus.ARCHIVED));
        db.execute("UPDATE interviews SET status = 'archived' WHERE id = $1", Tuple.of(id()));
        assertEquals(Race.ILLEGAL, interviews.startRun(id(), runId, RunPlan.resumeFrom(Step.EVIDENCE)));
        assertEquals(InterviewStatus.ARCHIVED, data.interview(id()).status());
    }

    @Test
    void a_run_cannot_start_before_the_upload_completes() {
        assertEquals(Race.ILLEGAL, interviews.startRun(id(), runId, RunPlan.resumeFrom(Step.EVIDENCE)));
        assertEquals(InterviewStatus.UPLOADING, data.interview(id()).status());
    }

    @Test
    void a_transition_of_an_interview_that_does_not_exist_is_not_found() {
        UUID nobody = UUID.randomUUID();
        assertEquals(Race.NOT_FOUND, interviews.completeUpload(nobody, key.key(), runId));
        assertEquals(Race.NOT_FOUND, interviews.recordFailureOfRun(nobody, runId,
                new StepError("upload", "late failure", ErrorKind.TRANSIENT, 1)));
    }

    @Test
    void completion_refuses_a_transition_the_table_forbids() {
        Lease lease = Lease.newOwner(id());
        assertThrows(IllegalArgumentException.class, () -> new Lease(id(), " "));
        // Still uploading: no step runs yet, so completing one is not a transition the table has.
        assertEquals(Race.ILLEGAL, StepEnds.complete(leases, lease, runId, Step.UPLOAD, Optional.of(Step.EVIDENCE), new JsonObject()));
    }

    @Test
    void a_run_starts_on_an_insights_row_whose_conversation_analysis_is_null() {
        db.execute("UPDATE interviews SET conversation_analysis = NULL, processing_metadata = NULL WHERE id = $1", Tuple.of(id()));
        assertEquals(Race.WON, interviews.completeUpload(id(), key.key(), runId));
        Interview started = data.interview(id());
        assertEquals(Optional.of(runId), started.runId());
        assertEquals(Optional.of("upload"), started.currentStep());
        assertEquals("upload", started.progress().getString("current_step"));
        claim(Step.UPLOAD);
    }

    @Test
    void the_web_apps_progress_keys_follow_the_run_in_processing_metadata() {
        interviews.completeUpload(id(), key.key(), runId);
        Lease lease = claim(Step.UPLOAD);
        JsonObject progress = data.interview(id()).progress();
        assertEquals("upload", progress.getString("current_step"));
        assertEquals(25, progress.getInteger("progress"), "never below what the web app showed while uploading");
        assertEquals(Step.UPLOAD.detail(), progress.getString("status_detail"));

        StepEnds.complete(leases, lease, runId, Step.UPLOAD, Optional.of(Step.EVIDENCE), new JsonObject());
        progress = data.interview(id()).progress();
        assertEquals("evidence", progress.getString("current_step"));
        assertEquals(30, progress.getInteger("progress"));
        assertEquals(new JsonArray().add("upload"), progress.getJsonArray("completed_steps"));
    }

    /**
     * processing_metadata, which the web app reads first, never says other than conversation_analysis:
     * after each transition every key it holds has the same value in both, but its error, which is the
     * operator's detail where conversation_analysis keeps the message as last_error. On the change to
     * 'error', Insights' own trigger (schemas/20_interviews.sql) then rewrites conversation_analysis'
     * failed_at and status_detail in its words, so there only processing_metadata says Intake's.
     */
    @Test
    void every_transition_shows_the_same_step_progress_and_detail_in_both_columns_the_web_app_reads() {
        java.util.function.BiConsumer<String, java.util.Set<String>> bothAlike = (after, rewrittenByInsights) -> {
            Interview now = data.interview(id());
            for (String field : now.progress().fieldNames()) {
                if (!field.equals("error") && !rewrittenByInsights.contains(field)) {
                    assertEquals(now.progress().getValue(field), now.analysis().getValue(field), field + " after " + after);
                }
            }
        };
        interviews.completeUpload(id(), key.key(), runId);
        bothAlike.accept("the upload completed", java.util.Set.of());
        Lease first = claim(Step.UPLOAD);
        bothAlike.accept("the claim", java.util.Set.of());
        StepEnds.retry(leases, first, new StepError("upload", "the provider answered 503", ErrorKind.TRANSIENT, 1),
                Duration.ZERO);
        bothAlike.accept("a retry", java.util.Set.of());
        Lease second = claim(Step.UPLOAD);
        leases.await(second, "Transcribing at the provider", Duration.ZERO, FencedWrites.Kept.NONE);
        bothAlike.accept("a wait", java.util.Set.of());
        Lease third = claim(Step.UPLOAD);
        StepEnds.complete(leases, third, runId, Step.UPLOAD, Optional.of(Step.EVIDENCE), new JsonObject());
        bothAlike.accept("the completion", java.util.Set.of());
        StepEnds.fail(leases, claim(Step.EVIDENCE), new StepError("evidence", "bad answer", ErrorKind.PERMANENT, 1));
        bothAlike.accept("the failure", java.util.Set.of("failed_at", "status_detail"));
        interviews.startRun(id(), UUID.randomUUID().toString(), RunPlan.resumeFrom(Step.EVIDENCE));
        bothAlike.accept("a new run", java.util.Set.of());
        assertEquals(List.of("completed_steps", "current_step", "progress", "status_detail"),
                data.interview(id()).progress().fieldNames().stream().sorted().toList());
    }

    @Test
    void a_failure_shows_intakes_message_where_the_web_app_reads_it_and_a_new_run_clears_it() {
        interviews.completeUpload(id(), key.key(), runId);
        Lease lease = claim(Step.UPLOAD);
        StepEnds.fail(leases, lease, new StepError("upload", "the file is empty", ErrorKind.PERMANENT, 1));
        Interview failed = data.interview(id());
        assertEquals("Failed at upload: the file is empty", failed.progress().getString("error"));
        assertNotNull(failed.progress().getString("failed_at"));
        assertEquals("the file is empty", failed.analysis().getString("last_error"));

        interviews.startRun(id(), UUID.randomUUID().toString(), RunPlan.resumeFrom(Step.UPLOAD));
        Interview again = data.interview(id());
        assertFalse(again.progress().containsKey("error"));
        assertFalse(again.progress().containsKey("failed_at"));
        assertFalse(again.analysis().containsKey("last_error"));
    }

    @Test
    void keys_the_old_pipeline_wrote_are_kept_and_intakes_run_state_stays_under_its_own_key() {
        db.execute("""
                UPDATE interviews
                SET conversation_analysis = '{"trigger_run_id": "run_old", "workflow_state": {"interviewId": "x"}}',
                    processing_metadata = '{"trigger_run_id": "run_old"}'
                WHERE id = $1""", Tuple.of(id()));
        interviews.completeUpload(id(), key.key(), runId);
        claim(Step.UPLOAD);
        Interview interview = data.interview(id());
        assertEquals("run_old", interview.analysis().getString("trigger_run_id"));
        assertEquals(new JsonObject().put("interviewId", "x"), interview.analysis().getJsonObject("workflow_state"));
        assertEquals("run_old", interview.progress().getString("trigger_run_id"));
        assertEquals(runId, interview.run().getString("run_id"));
        assertFalse(interview.analysis().containsKey("run_id"));
    }
}
