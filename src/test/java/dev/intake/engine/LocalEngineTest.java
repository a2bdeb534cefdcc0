package dev.intake.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.Person;
import dev.intake.interview.PersonRole;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.steps.StepExecutor;
import dev.intake.steps.StepOutcome;
import dev.intake.store.Db;
import dev.intake.store.EvidenceStore;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.StepLeases;
import dev.intake.testing.StepEnds;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

@QuarkusTest
class LocalEngineTest {

    private static final List<String> ALL_STEPS = Arrays.stream(Step.values()).map(Step::key).toList();

    @Inject
    dev.intake.store.InsightStore insights;
    @Inject
    LocalEngine engine;
    @Inject
    UploadCompletion completion;
    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    EvidenceStore evidence;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    Db db;
    @Inject
    StepExecutor executor;

    private MediaKey upload(String fileName, String content) {
        MediaKey key = data.uploadingInterview(data.project("What problems do they have today?",
                "Which programming language do they prefer?"), fileName);
        data.putObject(key, content);
        completion.accept(new ObjectCreated(bucket.name(), key.key(), content.length()));
        return key;
    }

    private Interview processed(String sample) {
        return data.awaitSettled(upload(sample, TestData.sample(sample)).interviewId());
    }

    private List<Long> outputRows(UUID id) {
        return TestData.OUTPUT_TABLES.stream().map(t -> data.rows(t, id)).toList();
    }

    private StepOutcome rerun(UUID id, RunPlan plan) throws Exception {
        String runId = UUID.randomUUID().toString();
        assertTrue(interviews.startRun(id, runId, plan).won());
        return engine.submit(id, runId).get(30, TimeUnit.SECONDS);
    }

    @Test
    void an_uploaded_transcript_runs_all_seven_steps_to_ready() {
        Interview done = processed("onboarding-interview.vtt");
        assertEquals(InterviewStatus.READY, done.status());
        assertEquals("complete", done.currentStep().orElseThrow());
        assertEquals(100, done.progressPercent());
        assertEquals(ALL_STEPS, done.completedSteps());
        assertEquals(data.rows("evidence", done.id()), (long) done.analysis().getInteger("evidence_count"));
        assertTrue(done.analysis().containsKey("completed_at"));
        assertFalse(done.run().containsKey("lease_owner"));
        assertTrue(done.lastError().isEmpty());
    }

    @Test
    void the_onboarding_sample_yields_the_two_week_pain_and_the_manager() {
        Interview done = processed("onboarding-interview.vtt");
        List<Evidence> found = evidence.list(done.id());
        assertTrue(found.stream().anyMatch(e -> e.kind() == EvidenceKind.PAIN
                && e.verbatim().contains("two weeks") && "Dana Whitfield".equals(e.speaker())), found.toString());
        List<Person> people = evidence.people(done.id());
        assertTrue(people.stream().noneMatch(p -> p.name().equals("Marcus Lee")),
                "the manager Dana only mentions takes no part in the interview, as in Insights: " + people);
        assertTrue(people.stream().anyMatch(p -> p.name().equals("Dana Whitfield") && p.role() == PersonRole.INTERVIEWEE));
    }

    private static boolean has(List<Evidence> found, EvidenceKind kind, String speaker, String words) {
        return found.stream().anyMatch(e -> e.kind() == kind && speaker.equals(e.speaker()) && e.verbatim().contains(words));
    }

    @Test
    void the_pricing_sample_yields_failing_invoices_what_would_make_them_switch_and_the_price_objection() {
        Interview done = processed("pricing-interview.srt");
        List<Evidence> found = evidence.list(done.id());
        assertTrue(has(found, EvidenceKind.PAIN, "Sam Okafor", "invoices kept failing"), found.toString());
        assertTrue(has(found, EvidenceKind.PAIN, "Sam Okafor", "involuntary churn"), found.toString());
        assertTrue(has(found, EvidenceKind.GOAL, "Sam Okafor", "Automatic dunning that actually works"), found.toString());
        assertTrue(has(found, EvidenceKind.WILLINGNESS_TO_PAY, "Sam Okafor", "not willing to pay for a tool"), found.toString());
        assertTrue(found.stream().noneMatch(e -> "Interviewer".equals(e.speaker())));
        List<Person> people = evidence.people(done.id());
        assertEquals(List.of("Sam Okafor:interviewee"), people.stream().map(p -> p.name() + ":" + p.role().key()).toList(),
                "a speaker labelled Interviewer, with no member of the account behind it, is no one");
    }

    @Test
    void the_standup_sample_yields_the_chasing_pain_the_workaround_and_the_budget() {
        Interview done = processed("standup-notes.txt");
        List<Evidence> found = evidence.list(done.id());
        assertTrue(has(found, EvidenceKind.PAIN, "Lee Chen", "half the team forgets"), found.toString());
        assertTrue(has(found, EvidenceKind.WORKAROUND, "Lee Chen", "We use a shared document"), found.toString());
        assertTrue(has(found, EvidenceKind.WILLINGNESS_TO_PAY, "Lee Chen", "fifty dollars a month"), found.toString());
        // What they would pay for is the tool they want; the price comes in the next sentence.
        assertTrue(has(found, EvidenceKind.GOAL, "Lee Chen", "writes the Friday summary"), found.toString());
        assertEquals(List.of("Lee Chen:interviewee"),
                evidence.people(done.id()).stream().map(p -> p.name() + ":" + p.role().key()).toList());
    }

    @Test
    void the_transcript_is_kept_with_speakers_timestamps_and_duration() {
        Interview done = processed("pricing-interview.srt");
        var row = db.execute("SELECT transcript, duration_sec::float8 AS duration, transcript_formatted FROM interviews WHERE id = $1",
                Tuple.of(done.id())).iterator().next();
        assertTrue(row.getString("transcript").startsWith("Interviewer: What made you start looking"));
        assertEquals(54, row.getDouble("duration"), 1e-9, "Insights keeps whole seconds");
        JsonObject formatted = (JsonObject) row.getValue("transcript_formatted");
        assertEquals(54.2, formatted.getDouble("audio_duration"), 1e-9);
        JsonObject first = formatted.getJsonArray("speaker_transcripts").getJsonObject(1);
        assertEquals("Sam Okafor", first.getString("speaker"));
        assertEquals(5200, first.getInteger("start"), "milliseconds, as Insights' transcript viewer reads them");
        JsonObject summary = done.analysis().getJsonObject("transcript_data");
        assertEquals("srt", summary.getString("format"));
        assertEquals(8, summary.getInteger("utterances"));
    }

    @ParameterizedTest
    @CsvSource({"onboarding-interview.vtt, 10", "pricing-interview.srt, 4", "standup-notes.txt, 4"})
    void every_sample_reaches_ready_with_evidence_people_and_answers(String sample, int minimumEvidence) {
        Interview done = processed(sample);
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(JsonObject::encode).orElse(""));
        assertTrue(data.rows("evidence", done.id()) >= minimumEvidence);
        assertTrue(data.rows("interview_people", done.id()) >= 1,
                "the interviewee; an interviewer only where a name or a member stands behind the label");
        assertTrue(data.rows("themes", done.id()) >= 1);
        assertEquals(1, data.rows("personas", done.id()));
        assertEquals(2, insights.answers(done.id(), done.projectId()).size(), "one per research question of the project");
        assertTrue(data.rows("project_answers", done.id()) >= 1, "a row per answered question");
    }

    @Test
    void running_the_whole_workflow_again_leaves_exactly_the_same_rows() throws Exception {
        Interview done = processed("onboarding-interview.vtt");
        List<Long> before = outputRows(done.id());
        List<String> verbatims = evidence.list(done.id()).stream().map(Evidence::verbatim).toList();

        assertInstanceOf(StepOutcome.Finished.class, rerun(done.id(), RunPlan.full()));

        assertEquals(before, outputRows(done.id()));
        assertEquals(verbatims, evidence.list(done.id()).stream().map(Evidence::verbatim).toList());
        Interview again = data.interview(done.id());
        assertEquals(InterviewStatus.READY, again.status());
        assertEquals(ALL_STEPS, again.completedSteps());
    }

    @Test
    void resuming_from_a_step_replaces_that_steps_output_instead_of_adding_to_it() throws Exception {
        Interview done = processed("onboarding-interview.vtt");
        List<Long> before = outputRows(done.id());
        for (Step step : List.of(Step.EVIDENCE, Step.INSIGHTS, Step.ANSWERS, Step.FINALIZE)) {
            assertInstanceOf(StepOutcome.Finished.class, rerun(done.id(), RunPlan.resumeFrom(step)));
            assertEquals(before, outputRows(done.id()), "after resuming from " + step.key());
        }
    }

    @Test
    void skipped_steps_do_not_run_and_are_not_recorded_as_completed() throws Exception {
        Interview done = processed("standup-notes.txt");
        rerun(done.id(), RunPlan.of("insights", List.of("personas")));
        Interview again = data.interview(done.id());
        assertEquals(InterviewStatus.READY, again.status());
        assertEquals(List.of("upload", "evidence", "enrich-person", "insights", "answers", "finalize"), again.completedSteps());
    }

    @Test
    void an_unreadable_transcript_fails_the_upload_step_visibly_and_writes_no_output() {
        MediaKey key = upload("broken.vtt", "00:00:01.000 --> 00:00:02.000\nno header\n");
        Interview failed = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.ERROR, failed.status());
        JsonObject error = failed.lastError().orElseThrow();
        assertEquals("upload", error.getString("step"));
        assertEquals("permanent", error.getString("kind"));
        assertEquals("the transcript could not be read: line 1: a WebVTT file starts with 'WEBVTT'", error.getString("message"));
        assertEquals(0, data.rows("evidence", key.interviewId()));
        assertEquals(0, data.rows("interview_people", key.interviewId()));
    }

    @Test
    void audio_without_a_transcription_provider_ends_in_error_saying_so_never_stuck() {
        MediaKey key = upload("Customer call #2 (Dana).mp4", "not really audio");
        Interview failed = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.ERROR, failed.status());
        String message = failed.lastError().orElseThrow().getString("message");
        assertTrue(message.contains("is audio or video, and no transcription provider is configured"), message);
        assertEquals("Failed at upload: " + message, failed.statusDetail().orElseThrow());
    }

    @Test
    void a_file_of_an_unknown_type_ends_in_error() {
        MediaKey key = upload("notes.docx", "PK...");
        Interview failed = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertTrue(failed.lastError().orElseThrow().getString("message").contains("not a file Intake can read"));
    }

    @Test
    void an_upload_whose_object_is_gone_by_the_time_its_step_runs_ends_in_error() {
        MediaKey key = data.uploadingInterview(data.project(), "gone.vtt");
        // Recorded as uploaded (its event came while the object was there), then the object is deleted.
        String runId = UUID.randomUUID().toString();
        interviews.completeUpload(key.interviewId(), key.key(), runId);
        engine.start(key.interviewId(), runId);
        Interview failed = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertTrue(failed.lastError().orElseThrow().getString("message").startsWith("the uploaded file is gone"));
    }

    @Test
    void an_unexpected_fault_inside_a_step_is_retried_per_its_policy_then_recorded_as_a_transient_error() throws Exception {
        Interview done = processed("standup-notes.txt");
        // A transcript the evidence step cannot make sense of: not a failure it anticipates.
        db.execute("UPDATE interviews SET transcript_formatted = '{\"speaker_transcripts\": [{\"text\": \"hi\", \"start\": 5}]}' WHERE id = $1",
                Tuple.of(done.id()));
        StepOutcome outcome = rerun(done.id(), RunPlan.resumeFrom(Step.EVIDENCE));
        assertInstanceOf(StepOutcome.Failed.class, outcome);
        Interview failed = data.interview(done.id());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertEquals("evidence", failed.lastError().orElseThrow().getString("step"));
        assertEquals("transient", failed.lastError().orElseThrow().getString("kind"));
        assertEquals(Step.EVIDENCE.retry().attempts(), failed.lastError().orElseThrow().getInteger("attempts"));
        assertTrue(failed.analysis().containsKey("failed_at"));
    }

    @Test
    void a_run_that_dies_outside_any_step_is_still_marked_failed() throws Exception {
        Interview done = processed("standup-notes.txt");
        String runId = UUID.randomUUID().toString();
        interviews.startRun(done.id(), runId, RunPlan.resumeFrom(Step.ANSWERS));
        db.execute("UPDATE interviews SET conversation_analysis = conversation_analysis || '{\"current_step\": \"summarize\"}' WHERE id = $1",
                Tuple.of(done.id()));
        engine.submit(done.id(), runId).handle((outcome, failure) -> null).get(30, TimeUnit.SECONDS);
        Interview failed = data.awaitSettled(done.id());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertTrue(failed.lastError().orElseThrow().getString("message").startsWith("the run stopped unexpectedly"));
    }

    @Inject
    LocalEngineConfig config;

    /** An engine of its own whose steps are played by {@code steps}, stopped after the test. */
    private <T> T withEngine(LocalEngine.StepRunner steps, java.util.function.Function<LocalEngine, T> test) {
        LocalEngine own = new LocalEngine(steps, interviews, config);
        try {
            return test.apply(own);
        } finally {
            own.stop(null);
        }
    }

    @Test
    void an_error_thrown_by_a_step_ends_the_run_in_error_instead_of_killing_its_thread() throws Exception {
        Interview done = processed("standup-notes.txt");
        String runId = UUID.randomUUID().toString();
        interviews.startRun(done.id(), runId, RunPlan.resumeFrom(Step.INSIGHTS));

        java.util.concurrent.CompletableFuture<StepOutcome> ended = withEngine((id, run, step) -> {
            throw new StackOverflowError("the insights step recursed too deep");
        }, own -> own.submit(done.id(), runId));

        java.util.concurrent.ExecutionException thrown = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> ended.get(30, TimeUnit.SECONDS),
                "whoever waits for the run hears that it ended");
        assertInstanceOf(StackOverflowError.class, thrown.getCause());
        Interview failed = data.awaitSettled(done.id());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertTrue(failed.lastError().orElseThrow().getString("message").contains("the insights step recursed too deep"),
                failed.lastError().orElseThrow().encode());
    }

    @Test
    void a_step_that_asks_for_a_retry_for_ever_is_failed_with_its_last_error_once_the_run_has_gone_round_its_limit()
            throws Exception {
        Interview done = processed("standup-notes.txt");
        String runId = UUID.randomUUID().toString();
        interviews.startRun(done.id(), runId, RunPlan.resumeFrom(Step.PERSONAS));
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        StepOutcome outcome = withEngine((id, run, step) -> {
            calls.incrementAndGet();
            return new StepOutcome.RetryScheduled(id, step, new dev.intake.workflow.StepError(step.key(),
                    "call " + calls.get() + ": a constraint refused the row", dev.intake.workflow.ErrorKind.TRANSIENT, 1),
                    java.time.Duration.ZERO);
        }, own -> own.submit(done.id(), runId).join());

        assertInstanceOf(StepOutcome.Failed.class, outcome);
        assertEquals(dev.intake.workflow.RunCycles.LIMIT, calls.get(), "the first call and one per cycle but the last");
        Interview failed = data.interview(done.id());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertEquals("personas", failed.lastError().orElseThrow().getString("step"));
        assertEquals("the run went round " + dev.intake.workflow.RunCycles.LIMIT + " times (steps, retries and waits)"
                + " without ending; last error: call " + calls.get() + ": a constraint refused the row",
                failed.lastError().orElseThrow().getString("message"));
    }

    @Test
    void a_run_whose_bookkeeping_loses_the_database_is_left_for_the_sweeper_not_failed() throws Exception {
        Interview done = processed("standup-notes.txt");
        String runId = UUID.randomUUID().toString();
        interviews.startRun(done.id(), runId, RunPlan.resumeFrom(Step.ANSWERS));

        withEngine((id, run, step) -> {
            throw new dev.intake.store.DatabaseUnavailable("the database did not answer in 5 s", null);
        }, own -> own.submit(done.id(), runId).handle((o, f) -> f).join());

        Interview after = data.interview(done.id());
        assertEquals(InterviewStatus.PROCESSING, after.status(), "in flight, where the sweeper resumes it");
        assertTrue(after.lastError().isEmpty(), after.analysis().encode());
    }

    @Test
    void a_run_is_held_by_the_engine_while_it_waits_for_a_thread_and_while_it_runs() throws Exception {
        Interview done = processed("standup-notes.txt");
        String runId = UUID.randomUUID().toString();
        interviews.startRun(done.id(), runId, RunPlan.resumeFrom(Step.FINALIZE));
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

        withEngine((id, run, step) -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new StepOutcome.NotClaimed(id, step);
        }, own -> {
            var ended = own.submit(done.id(), runId);
            try {
                assertTrue(running.await(30, TimeUnit.SECONDS));
                assertTrue(own.queues(done.id(), runId), "on a thread, before its step shows a lease: the sweeper leaves it");
                release.countDown();
                ended.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            dev.intake.testing.Eventually.await(() -> own.queues(done.id(), runId), held -> !held,
                    java.time.Duration.ofSeconds(10), "the ended run to be let go");
            return null;
        });
    }

    @Test
    void a_duplicate_invocation_of_a_finished_step_is_not_claimed_and_changes_nothing() {
        Interview done = processed("standup-notes.txt");
        for (Step step : Step.values()) {
            StepOutcome outcome = executor.execute(done.id(), done.runId().orElseThrow(), step);
            assertInstanceOf(StepOutcome.NotClaimed.class, outcome, step.key());
        }
        Interview after = data.interview(done.id());
        assertEquals(done.updatedAt(), after.updatedAt());
        assertEquals(done.analysis(), after.analysis());
    }

    @Test
    void a_step_this_run_already_finished_goes_on_from_where_the_run_is() {
        Interview done = processed("standup-notes.txt");
        String runId = UUID.randomUUID().toString();
        interviews.startRun(done.id(), runId, RunPlan.resumeFrom(Step.INSIGHTS));
        dev.intake.store.Lease lease = dev.intake.store.Lease.newOwner(done.id());
        leases.claim(lease, runId, Step.INSIGHTS, java.time.Duration.ofMinutes(2));
        StepEnds.complete(leases, lease, runId, Step.INSIGHTS, java.util.Optional.of(Step.PERSONAS), new JsonObject());

        StepOutcome again = executor.execute(done.id(), runId, Step.INSIGHTS);

        StepOutcome.AlreadyDone skipped = assertInstanceOf(StepOutcome.AlreadyDone.class, again,
                "nothing was run now: the outcome says it was done before");
        assertEquals(Step.PERSONAS, skipped.next());
    }

    @Test
    void a_step_held_by_a_live_lease_of_the_same_run_is_tried_again_when_the_lease_runs_out() {
        Interview done = processed("standup-notes.txt");
        String runId = UUID.randomUUID().toString();
        interviews.startRun(done.id(), runId, RunPlan.resumeFrom(Step.ANSWERS));
        leases.claim(dev.intake.store.Lease.newOwner(done.id()), runId, Step.ANSWERS, java.time.Duration.ofSeconds(30));

        StepOutcome again = executor.execute(done.id(), runId, Step.ANSWERS);

        StepOutcome.Held held = assertInstanceOf(StepOutcome.Held.class, again);
        assertTrue(held.retryAfter().toSeconds() >= 29 && held.retryAfter().toSeconds() <= 31, held.toString());
    }

    @Test
    void a_run_with_nothing_left_to_do_is_refused() {
        Interview done = processed("standup-notes.txt");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> engine.run(done.id(), done.runId().orElseThrow()));
        assertTrue(e.getMessage().contains("has no step to run"), e.getMessage());
    }
}
