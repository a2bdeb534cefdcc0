package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.testing.StepEnds;
import dev.intake.testing.TestData;
import dev.intake.testing.WebAppProgress;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The web app's progress bar never moves back while Intake runs an interview: every progress Intake
 * writes is at least what the web app's progress hook had shown for the row (its animation by status
 * when no step is recorded, the recorded progress when one is).
 */
@QuarkusTest
class ShownProgressTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    Db db;
    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    TestData data;

    private WebAppProgress shown(UUID id) {
        Row row = db.execute("SELECT status::text AS status, processing_metadata, conversation_analysis FROM interviews"
                + " WHERE id = $1", Tuple.of(id)).iterator().next();
        return WebAppProgress.of(row.getString("status"), (JsonObject) row.getValue("processing_metadata"),
                (JsonObject) row.getValue("conversation_analysis"));
    }

    /** An interview row as Insights' web upload creates it: {@code status}, the media, no progress keys. */
    private UUID insightsRow(String status, String processingMetadata, String conversationAnalysis) {
        JsonObject metadata = processingMetadata == null ? null : new JsonObject(processingMetadata);
        JsonObject analysis = conversationAnalysis == null ? null : new JsonObject(conversationAnalysis);
        TestData.Project project = data.project();
        UUID id = UUID.randomUUID();
        db.execute("""
                INSERT INTO interviews (id, account_id, project_id, title, status, media_url, processing_metadata,
                                        conversation_analysis)
                VALUES ($1, $2, $3, 'call.vtt', $4::interview_status, 'interviews/x/call.vtt', $5::jsonb, $6::jsonb)""",
                Tuple.from(java.util.Arrays.asList(id, project.accountId(), project.projectId(), status,
                        metadata, analysis)));
        return id;
    }

    /**
     * Runs {@code plan} as run {@code runId} step by step through the store, as the executor does, and
     * returns what the web app showed before the run and after each write.
     */
    private List<Integer> progressThroughRun(UUID id, String runId, RunPlan plan, boolean alreadyStarted) {
        List<Integer> seen = new ArrayList<>();
        seen.add(shown(id).progress());
        if (!alreadyStarted) {
            assertEquals(Race.WON, interviews.startRun(id, runId, plan));
            seen.add(shown(id).progress());
        }
        for (Step step : plan.steps()) {
            Lease lease = Lease.newOwner(id);
            assertTrue(leases.claim(lease, runId, step, LEASE).isPresent(), "claim of " + step.key());
            seen.add(shown(id).progress());
            assertEquals(Race.WON, StepEnds.complete(leases, lease, runId, step, plan.after(step), new JsonObject()));
            seen.add(shown(id).progress());
        }
        return seen;
    }

    private static void assertNeverBack(List<Integer> seen) {
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress went from " + seen.get(i - 1) + " to " + seen.get(i)
                    + " in " + seen);
        }
        assertEquals(100, seen.get(seen.size() - 1), "a finished run shows 100: " + seen);
    }

    @Test
    void an_uploaded_row_the_web_app_animated_to_35_never_shows_less_once_intake_runs_it() {
        UUID id = insightsRow("uploaded", null, null);
        assertEquals(25, shown(id).progress(), "the animation starts at 25 and reaches 35");
        List<Integer> seen = progressThroughRun(id, UUID.randomUUID().toString(), RunPlan.full(), false);
        assertEquals(35, seen.get(1), "the run starts where the animation may have got to: " + seen);
        assertNeverBack(seen);
    }

    @Test
    void an_upload_intake_completes_starts_at_what_the_uploading_animation_reached_and_only_goes_up() {
        var key = data.uploadingInterview(data.project(), "call.vtt");
        String runId = UUID.randomUUID().toString();
        assertEquals(Race.WON, interviews.completeUpload(key.interviewId(), key.key(), runId));
        assertEquals(25, shown(key.interviewId()).progress(), "uploading animates 5 to 25; Intake's own 10 would go back");
        assertNeverBack(progressThroughRun(key.interviewId(), runId, RunPlan.full(), true));
    }

    @Test
    void processing_metadata_without_a_step_hides_the_recorded_progress_so_the_status_animation_is_the_floor() {
        // Insights' upload writes processing_metadata with only its media keys: the hook reads that object,
        // finds no current_step, and animates by status even though conversation_analysis has a step.
        UUID id = insightsRow("processing", "{\"original_video_r2_key\": \"x.mp4\"}",
                "{\"current_step\": \"evidence\", \"progress\": 40}");
        assertEquals(75, shown(id).progress());
        List<Integer> seen = progressThroughRun(id, UUID.randomUUID().toString(), RunPlan.full(), false);
        assertEquals(95, seen.get(1), "processing animates up to 95: " + seen);
        assertNeverBack(seen);
    }

    @Test
    void a_recorded_step_and_progress_is_what_the_web_app_showed_and_a_resume_from_upload_keeps_it() {
        UUID id = insightsRow("processing", "{\"current_step\": \"insights\", \"progress\": 70}", null);
        assertEquals(70, shown(id).progress());
        List<Integer> seen = progressThroughRun(id, UUID.randomUUID().toString(), RunPlan.full(), false);
        assertEquals(70, seen.get(1), "the upload step's 10 would go back: " + seen);
        assertNeverBack(seen);
    }

    @Test
    void a_new_run_of_a_ready_interview_starts_over_since_the_web_app_showed_a_finished_run_not_progress() {
        UUID id = insightsRow("ready", "{\"current_step\": \"complete\", \"progress\": 100}", null);
        String runId = UUID.randomUUID().toString();
        assertEquals(Race.WON, interviews.startRun(id, runId, RunPlan.resumeFrom(Step.EVIDENCE)));
        assertEquals(Step.EVIDENCE.startProgress(), shown(id).progress());
        assertEquals(Optional.of("evidence"), data.interview(id).currentStep());
    }

    @Test
    void a_rerun_after_an_error_starts_at_its_first_steps_progress() {
        UUID id = insightsRow("error", "{\"current_step\": \"evidence\", \"progress\": 40, \"failed_at\": \"2026-01-01\"}",
                null);
        assertEquals(0, shown(id).progress(), "the web app shows a failed interview at 0");
        String runId = UUID.randomUUID().toString();
        assertEquals(Race.WON, interviews.startRun(id, runId, RunPlan.full()));
        assertEquals(Step.UPLOAD.startProgress(), shown(id).progress());
    }
}
