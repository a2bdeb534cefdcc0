package dev.intake.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.engine.LocalEngine;
import dev.intake.engine.RunStarter;
import dev.intake.engine.WorkflowEngine;
import dev.intake.entry.EntryOutcome;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.RecallWebhook;
import dev.intake.entry.UploadCompletion;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.steps.StepContext;
import dev.intake.steps.StepHandler;
import dev.intake.steps.StepsConfig;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.Lease;
import dev.intake.store.StepLeases;
import dev.intake.store.SweepStore;
import dev.intake.sweeper.Sweeper;
import dev.intake.testing.OutageResource;
import dev.intake.testing.Racers;
import dev.intake.testing.RecallFixtures;
import dev.intake.testing.StepEnds;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.Recovery;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.Step;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Intake's promise under fault, on the real servers: every interview ends {@code ready} (or, where the
 * scenario says so, in a visible {@code error}) within its bound, with no output written twice and none
 * lost. Each scenario injects its fault while four sweepers run on a short schedule, and adds a row to
 * the report this suite prints (and writes to target/fault-injection-report.md): interviews, how they
 * ended, lost, duplicate rows, and the times from the fault to a terminal state against the bound.
 *
 * <p>A bound is the fault's own length, plus the recovery the clocks promise ({@link Recovery#within}
 * of the lease, the stall threshold and the sweep period: 3.5 s here, 90 s with the defaults in
 * `serve`, 120 s in AWS), plus the work itself: the scenario's runs in waves of the engine's threads,
 * each wave allowed {@value #SLACK} times what a clean wave took on this machine at the start of the
 * suite. So a loaded machine widens the bound by what it slows the work, never by what it slows recovery.
 */
@QuarkusTest
@TestProfile(FaultInjectionSuiteTest.UnderFault.class)
class FaultInjectionSuiteTest {

    /** Short clocks so a stall is seen in seconds; the database and bucket behind proxies that can fail. */
    public static class UnderFault implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.lease", LEASE.toString(), "intake.sweeper.stalled-after", STALLED_AFTER.toString(),
                    "intake.sweeper.lost-upload-after", "PT2S", "intake.sweeper.max-resumes", "5",
                    "intake.local-engine-threads", String.valueOf(THREADS), "quarkus.datasource.reactive.max-size", "12");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OutageResource.class));
        }
    }

    static final Duration STALLED_AFTER = Duration.ofSeconds(3);
    static final Duration LEASE = Duration.ofSeconds(2);
    static final Duration SWEEP_PERIOD = Duration.ofMillis(500);
    static final int THREADS = 4;
    /** Interviews per step and crash point; 7 steps × 3 points × this many ({@code -Dfaults.per-crash=20} for more). */
    static final int PER_CRASH = Integer.getInteger("faults.per-crash", 5);
    /** How much slower than the clean wave measured at the start a wave of runs may be under the fault. */
    static final int SLACK = 3;
    private static final String SAMPLE = "standup-notes.txt";

    /** Whether the first runs (class loading, JIT) are behind us, so a clean wave measures the work alone. */
    private static boolean warmedUp;
    /** Seconds a clean wave of runs (one per engine thread) took on this machine just before this scenario. */
    private double cleanWaveSeconds;

    /** Whether a scenario's interviews may end in error, and which step such an error must name. */
    private record Expected(int maxErrors, String errorStep, String why) {
        static Expected allReady() {
            return new Expected(0, null, "every one ready");
        }
    }

    private record ReportRow(String scenario, int interviews, int ready, int errors, int lost, long duplicateRows,
                             double medianSeconds, double slowestSeconds, double boundSeconds, double waveSeconds) {
        String line() {
            return String.format("| %-50s | %5d | %5d | %5d | %4d | %9d | %6.1f s | %6.1f s | %6.1f s | %5.1f s |", scenario,
                    interviews, ready, errors, lost, duplicateRows, medianSeconds, slowestSeconds, boundSeconds, waveSeconds);
        }
    }

    private static final List<ReportRow> REPORT = Collections.synchronizedList(new ArrayList<>());

    @Inject
    Db db;
    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    SweepStore sweeps;
    @Inject
    Sweeper sweeper;
    @Inject
    UploadCompletion completion;
    @Inject
    RecallWebhook recall;
    @Inject
    LocalEngine engine;
    @Inject
    dev.intake.functions.StepLambdas functions;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    StepsConfig steps;
    @Inject
    SweeperConfig sweeperConfig;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry metrics;
    @Inject
    @Any
    Instance<StepHandler> handlers;

    private ScheduledExecutorService sweepers;

    @BeforeEach
    void fourSweepersOnAShortSchedule() {
        bucket.ensureExists();
        measureACleanWave();
        startSweepers(sweeper);
    }

    private void startSweepers(Sweeper which) {
        sweepers = Executors.newScheduledThreadPool(4);
        for (int i = 0; i < 4; i++) {
            sweepers.scheduleWithFixedDelay(() -> {
                try {
                    which.sweepNow(STALLED_AFTER);
                } catch (RuntimeException outage) {
                    // The database is away: the next period sweeps again, as the schedule would.
                }
            }, 100L * i, SWEEP_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @AfterEach
    void stopSweepers() throws InterruptedException {
        sweepers.shutdownNow();
        sweepers.awaitTermination(10, TimeUnit.SECONDS);
        OutageResource.up(OutageResource.DATABASE);
        OutageResource.up(OutageResource.BUCKET);
        // Connections the S3 client pooled before an outage fail once on reuse; the steps retry that,
        // and the next scenario's own setup should not meet it.
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                bucket.ensureExists();
                data.putObject(new MediaKey(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "warm.txt"), "warm");
                return;
            } catch (RuntimeException staleConnection) {
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void printTheReport() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Fault injection: lease " + LEASE.toSeconds() + " s, stall threshold " + STALLED_AFTER.toSeconds()
                + " s, 4 sweepers every " + SWEEP_PERIOD.toMillis() + " ms: recovery within " + recovery().toMillis() / 1000.0
                + " s (with the defaults: " + Recovery.within(Duration.ofSeconds(54), Duration.ofSeconds(55),
                Duration.ofSeconds(30), Duration.ofSeconds(5)).toSeconds() + " s in serve); bound = fault + recovery + "
                + SLACK + " × a clean wave of " + THREADS + " runs (measured before each scenario) per " + THREADS + " interviews");
        lines.add("| scenario (time to terminal from the fault)         | intvw | ready | error | lost | dup. rows | median   | slowest  | bound    | wave    |");
        lines.add("|----------------------------------------------------|-------|-------|-------|------|-----------|----------|----------|----------|---------|");
        REPORT.forEach(row -> lines.add(row.line()));
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/fault-injection-report.md"), lines);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private MediaKey uploading(TestData.Project project) {
        MediaKey key = data.uploadingInterview(project, "call.txt");
        // The test's own upload, through the outage proxy: a keep-alive connection the server closed
        // meanwhile fails a PUT once (the JDK retries only reads), so the setup tries again.
        for (int attempt = 1; ; attempt++) {
            try {
                data.putObject(key, TestData.sample(SAMPLE));
                return key;
            } catch (RuntimeException staleConnection) {
                if (attempt == 3) {
                    throw staleConnection;
                }
            }
        }
    }

    private List<UUID> readyInterviews(int n) {
        TestData.Project project = data.project("What problems do they have today?", "What would they pay for?");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MediaKey key = uploading(project);
            completion.accept(new ObjectCreated(bucket.name(), key.key(), -1));
            ids.add(key.interviewId());
        }
        ids.forEach(id -> assertEquals(InterviewStatus.READY, data.awaitSettled(id).status()));
        return ids;
    }

    private static Duration recovery() {
        return Recovery.within(LEASE, STALLED_AFTER, SWEEP_PERIOD, Duration.ZERO);
    }

    /** Measures how long a clean wave of runs takes on this machine as it is loaded now, once warmed up. */
    private void measureACleanWave() {
        if (!warmedUp) {
            readyInterviews(THREADS);
            warmedUp = true;
        }
        long started = System.nanoTime();
        readyInterviews(THREADS);
        cleanWaveSeconds = (System.nanoTime() - started) / 1e9;
    }

    /** The fault's length, the recovery the clocks promise (times {@code recoveries}), and the work in waves. */
    private Duration bound(Duration fault, int recoveries, int interviews) {
        double work = Math.ceil(interviews / (double) THREADS) * cleanWaveSeconds * SLACK;
        return fault.plus(recovery().multipliedBy(recoveries)).plusMillis((long) (work * 1000));
    }

    private OffsetDateTime databaseNow() {
        return db.execute("SELECT now() AS now", Tuple.tuple()).iterator().next().getOffsetDateTime("now");
    }

    /** Waits (retrying through outages) until every interview is ready or error, or the bound has passed. */
    private Map<UUID, Interview> awaitTerminal(List<UUID> ids, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Map<UUID, Interview> seen = new HashMap<>();
        while (System.nanoTime() < deadline) {
            try {
                for (Row row : db.execute("SELECT id FROM interviews WHERE id = ANY($1) AND status IN ('ready', 'error')",
                        Tuple.of(ids.toArray(UUID[]::new)))) {
                    seen.computeIfAbsent(row.getUUID("id"), id -> interviews.find(id).orElseThrow());
                }
                if (seen.size() == ids.size()) {
                    return seen;
                }
            } catch (RuntimeException outage) {
                // The database is away for now: look again.
            }
            Thread.sleep(200);
        }
        return seen;
    }

    /** Outputs written twice: the same quote, answer or link recorded more than once for an interview. */
    private long duplicateRows(List<UUID> ids) {
        UUID[] array = ids.toArray(UUID[]::new);
        long evidence = db.execute("""
                SELECT coalesce(sum(n - 1), 0) AS d FROM (SELECT count(*) AS n FROM evidence WHERE interview_id = ANY($1)
                GROUP BY interview_id, verbatim, anchors::text) g""", Tuple.of(array)).iterator().next().getLong("d");
        long answers = db.execute("""
                SELECT coalesce(sum(n - 1), 0) AS d FROM (SELECT count(*) AS n FROM project_answers
                WHERE interview_id = ANY($1) GROUP BY interview_id, research_question_id) g""", Tuple.of(array))
                .iterator().next().getLong("d");
        long recorded = db.execute("""
                SELECT coalesce(sum(n - 1), 0) AS d FROM (SELECT count(*) AS n FROM intake.interview_outputs o
                WHERE interview_id = ANY($1) AND table_name = 'evidence' GROUP BY interview_id, position) g""",
                Tuple.of(array)).iterator().next().getLong("d");
        return evidence + answers + recorded;
    }

    private void verify(String scenario, List<UUID> ids, OffsetDateTime faultAt, Duration bound, Expected expected,
                        Map<UUID, Interview> ended) {
        Map<UUID, OffsetDateTime> faults = new HashMap<>();
        ids.forEach(id -> faults.put(id, faultAt));
        verify(scenario, ids, faults, bound, expected, ended);
    }

    /**
     * Records the scenario's row and asserts the promise: none lost, none doubled, each end visible, the
     * split of ready and error the scenario expects, and every interview terminal within the bound of its fault.
     */
    private void verify(String scenario, List<UUID> ids, Map<UUID, OffsetDateTime> faultAt, Duration bound,
                        Expected expected, Map<UUID, Interview> ended) {
        List<Double> times = new ArrayList<>();
        int ready = 0;
        int errors = 0;
        for (Interview interview : ended.values()) {
            String at = interview.status() == InterviewStatus.READY
                    ? interview.analysis().getString("completed_at") : interview.progress().getString("failed_at");
            if (at != null) {
                times.add(Duration.between(faultAt.get(interview.id()), OffsetDateTime.parse(at.replace(' ', 'T')
                        .replaceAll("\\+00$", "+00:00"))).toMillis() / 1000.0);
            }
            if (interview.status() == InterviewStatus.READY) {
                ready++;
            } else {
                errors++;
                JsonObject error = interview.lastError().orElseThrow(() -> new AssertionError(
                        "interview " + interview.id() + " ended in error without saying why"));
                assertTrue(error.getString("step") != null && !error.getString("message").isBlank(), error.encode());
                assertEquals(expected.errorStep(), error.getString("step"),
                        scenario + ": an error where the scenario expects " + expected.why() + ": " + error.encode());
            }
        }
        long duplicates = duplicateRows(ids);
        int lost = ids.size() - ended.size();
        Collections.sort(times);
        double median = times.isEmpty() ? 0 : times.get(times.size() / 2);
        double slowest = times.isEmpty() ? 0 : times.get(times.size() - 1);
        REPORT.add(new ReportRow(scenario, ids.size(), ready, errors, lost, duplicates, median, slowest,
                bound.toMillis() / 1000.0, cleanWaveSeconds));
        assertEquals(0, lost, scenario + ": interviews not terminal within " + bound.toMillis() / 1000.0 + " s");
        assertEquals(0, duplicates, scenario + ": output rows written twice");
        assertTrue(errors <= expected.maxErrors(), scenario + ": " + errors + " ended in error; expected " + expected.why());
        assertTrue(slowest <= bound.toMillis() / 1000.0, scenario + ": the slowest reached a terminal state "
                + slowest + " s after its fault, past the bound of " + bound.toMillis() / 1000.0 + " s");
    }

    private StepHandler handler(Step step) {
        return handlers.stream().filter(h -> h.step() == step).findFirst().orElseThrow();
    }

    // ---- scenarios ------------------------------------------------------------------------------

    @Test
    void a_run_that_dies_before_during_or_after_any_step_is_brought_to_a_terminal_state() throws Exception {
        List<UUID> ids = readyInterviews(Step.values().length * 3 * PER_CRASH);
        Map<UUID, OffsetDateTime> faultAt = new HashMap<>();
        int i = 0;
        for (Step step : Step.values()) {
            for (int point = 0; point < 3; point++) {
                for (int k = 0; k < PER_CRASH; k++) {
                    UUID id = ids.get(i++);
                    String runId = UUID.randomUUID().toString();
                    interviews.startRun(id, runId, RunPlan.resumeFrom(step));
                    Lease lease = Lease.newOwner(id);
                    Interview claimed = leases.claim(lease, runId, step, steps.lease()).orElseThrow();
                    if (point >= 1) {
                        handler(step).run(new StepContext(claimed, lease, runId));
                    }
                    if (point == 2) {
                        StepEnds.complete(leases, lease, runId, step, step.following(), new JsonObject());
                    }
                    // ... and the process dies here: nobody dispatches the next step.
                    faultAt.put(id, databaseNow());
                }
            }
        }
        // Every run is resumed (none may end in error) once, then runs the rest of its steps.
        Duration bound = bound(Duration.ZERO, 1, ids.size());
        verify("crash before / after work / after commit, every step", ids, faultAt, bound, Expected.allReady(),
                awaitTerminal(ids, bound));
    }

    @Test
    void every_entry_event_delivered_three_times_at_once_makes_one_interview_and_one_set_of_outputs() throws Exception {
        TestData.Project project = data.project("What problems do they have today?");
        List<UUID> ids = new ArrayList<>();
        OffsetDateTime faultAt = databaseNow();
        for (int i = 0; i < 10; i++) {
            MediaKey key = uploading(project);
            Racers.race(3, () -> completion.accept(new ObjectCreated(bucket.name(), key.key(), -1)));
            ids.add(key.interviewId());
        }
        for (int i = 0; i < 10; i++) {
            String recordingId = UUID.randomUUID().toString();
            RecallFixtures.stubRecording(recordingId, null, RecallFixtures.transcript());
            byte[] event = RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project);
            List<EntryOutcome> outcomes = Racers.race(3, () -> recall.receive(RecallFixtures.signedHeaders(event), event));
            Set<UUID> made = new java.util.HashSet<>();
            outcomes.forEach(o -> made.add(o instanceof EntryOutcome.Created c ? c.interviewId()
                    : ((EntryOutcome.Existing) o).interviewId()));
            assertEquals(1, made.size(), "three deliveries, one interview");
            ids.addAll(made);
        }
        // No fault to recover from, but racing deliveries may find a step held and wait out its lease.
        Duration bound = bound(Duration.ZERO, 1, ids.size());
        verify("duplicate deliveries ×3 (S3 and Recall events)", ids, faultAt, bound, Expected.allReady(),
                awaitTerminal(ids, bound));
    }

    @Test
    void the_database_going_away_mid_run_leaves_no_interview_behind() throws Exception {
        TestData.Project project = data.project("What problems do they have today?");
        List<MediaKey> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add(uploading(project));
        }
        OffsetDateTime faultAt = databaseNow();
        keys.forEach(key -> completion.accept(new ObjectCreated(bucket.name(), key.key(), -1)));
        Thread.sleep(50);
        OutageResource.down(OutageResource.DATABASE);
        Thread.sleep(3_000);
        OutageResource.up(OutageResource.DATABASE);
        List<UUID> ids = keys.stream().map(MediaKey::interviewId).toList();
        // What the outage cut short is resumed once the database answers: a passing fault ends ready.
        Duration bound = bound(Duration.ofSeconds(3), 1, ids.size());
        verify("PostgreSQL unreachable for 3 s mid-run", ids, faultAt, bound, Expected.allReady(), awaitTerminal(ids, bound));
    }

    @Test
    void a_step_function_that_cannot_reach_the_database_answers_retry_so_the_state_machine_calls_it_again() {
        dev.intake.functions.StepLambdas.StepRequest request =
                new dev.intake.functions.StepLambdas.StepRequest(UUID.randomUUID().toString(), "run-1");
        OutageResource.down(OutageResource.DATABASE);
        dev.intake.functions.StepLambdas.StepResponse away;
        try {
            away = functions.evidence(request);
        } finally {
            OutageResource.up(OutageResource.DATABASE);
        }

        assertEquals("retry", away.outcome(), "an outcome, not an error the state machine would take as final or retry blindly");
        assertEquals("evidence", away.next());
        assertEquals(Step.EVIDENCE.retry().initialDelay().toSeconds(), away.retryAfterSeconds());
        assertTrue(away.error().contains("database"), away.error());
        assertEquals("not-claimed", functions.evidence(request).outcome(), "back: the (unknown) interview is simply not claimed");
    }

    @Test
    void the_bucket_going_away_for_a_while_leaves_no_interview_behind() throws Exception {
        TestData.Project project = data.project("What problems do they have today?");
        List<MediaKey> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add(uploading(project));
        }
        OffsetDateTime faultAt = databaseNow();
        // Half arrive before the outage (their upload steps run into it), half during it.
        keys.subList(0, 10).forEach(key -> completion.accept(new ObjectCreated(bucket.name(), key.key(), -1)));
        OutageResource.down(OutageResource.BUCKET);
        List<MediaKey> refused = new ArrayList<>();
        for (MediaKey key : keys.subList(10, 20)) {
            try {
                completion.accept(new ObjectCreated(bucket.name(), key.key(), -1));
            } catch (RuntimeException bucketAway) {
                refused.add(key); // the invocation fails; Lambda delivers the event again later
            }
        }
        Thread.sleep(3_000);
        OutageResource.up(OutageResource.BUCKET);
        refused.forEach(key -> completion.accept(new ObjectCreated(bucket.name(), key.key(), -1)));
        List<UUID> ids = keys.stream().map(MediaKey::interviewId).toList();
        // The upload step's retries are scaled to milliseconds in tests (10 s, 30 s, 90 s in production), so
        // a 3 s outage can outlast them: such an upload ends in error at its upload step, saying so.
        Duration bound = bound(Duration.ofSeconds(3), 1, ids.size());
        verify("S3 server unreachable for 3 s", ids, faultAt, bound,
                new Expected(ids.size(), Step.UPLOAD.key(), "ready, or an error at upload when the outage outlasted its retries"),
                awaitTerminal(ids, bound));
    }

    @Test
    void an_engine_that_refuses_each_first_start_still_runs_every_interview() throws Exception {
        // The engine refuses the first start of each interview (throttled), then takes them.
        Set<UUID> refusedOnce = ConcurrentHashMap.newKeySet();
        WorkflowEngine flaky = (interviewId, runId) -> {
            if (refusedOnce.add(interviewId)) {
                throw new IllegalStateException("Rate exceeded (ThrottlingException)");
            }
            engine.start(interviewId, runId);
        };
        RunStarter runs = new RunStarter(flaky, interviews, sweeperConfig);
        UploadCompletion flakyCompletion = new UploadCompletion(interviews, runs, bucket);
        stopSweepers();
        startSweepers(new Sweeper(sweeps, interviews, runs, flakyCompletion, bucket, metrics, sweeperConfig));

        TestData.Project project = data.project("What problems do they have today?");
        List<UUID> ids = new ArrayList<>();
        OffsetDateTime faultAt = databaseNow();
        for (int i = 0; i < 20; i++) {
            MediaKey key = uploading(project);
            flakyCompletion.accept(new ObjectCreated(bucket.name(), key.key(), -1));
            if (i % 2 == 0) {
                // Half are delivered again by their sender; the sweeper starts the rest.
                flakyCompletion.accept(new ObjectCreated(bucket.name(), key.key(), -1));
            }
            ids.add(key.interviewId());
        }
        Duration bound = bound(Duration.ZERO, 1, ids.size());
        verify("engine start refused once per interview", ids, faultAt, bound, Expected.allReady(), awaitTerminal(ids, bound));
    }

    @Test
    void runs_recorded_but_never_started_are_resumed_exactly_once_by_four_concurrent_sweepers() throws Exception {
        List<UUID> ids = readyInterviews(20);
        OffsetDateTime faultAt = databaseNow();
        for (UUID id : ids) {
            interviews.startRun(id, UUID.randomUUID().toString(), RunPlan.resumeFrom(Step.EVIDENCE));
        }
        Duration bound = bound(Duration.ZERO, 1, ids.size());
        Map<UUID, Interview> ended = awaitTerminal(ids, bound);
        verify("runs never started, 4 concurrent sweepers", ids, faultAt, bound, Expected.allReady(), ended);
        for (Interview interview : ended.values()) {
            assertEquals(Optional.of(1), Optional.of(interview.resumeCount()), "resumed exactly once");
        }
    }
}
