package dev.intake.sweeper;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import dev.intake.engine.RunStart;
import dev.intake.engine.RunStarter;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.entry.UploadOutcome;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.steps.EmfMetrics;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.InterviewStore;
import dev.intake.store.StalledInterview;
import dev.intake.store.SweepStore;
import dev.intake.workflow.Durations;
import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.Overdue;
import dev.intake.workflow.StallDecision;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The safety net: interviews in flight that stopped moving are resumed from their step, a bounded
 * number of times, then failed with where they were stuck and for how long; uploads whose S3 event was
 * lost are completed, and uploads that never arrived are failed; with adoption on (the cutover from
 * Insights' own pipeline), uploads Insights left for Intake are taken over.
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);

    private final SweepStore sweeps;
    private final InterviewStore interviews;
    private final RunStarter runs;
    private final UploadCompletion uploads;
    private final MediaBucket bucket;
    private final MeterRegistry metrics;
    private final SweeperConfig config;
    private final Map<Step, AtomicInteger> stuckByStep = new EnumMap<>(Step.class);
    private final SecureRandom random = new SecureRandom();

    public Sweeper(SweepStore sweeps, InterviewStore interviews, RunStarter runs, UploadCompletion uploads, MediaBucket bucket,
            MeterRegistry metrics, SweeperConfig config) {
        this.sweeps = sweeps;
        this.interviews = interviews;
        this.runs = runs;
        this.uploads = uploads;
        this.bucket = bucket;
        this.metrics = metrics;
        this.config = config;
        for (Step step : Step.values()) {
            stuckByStep.put(step, metrics.gauge("intake.sweeper.stuck", io.micrometer.core.instrument.Tags.of("step", step.key()),
                    new AtomicInteger()));
        }
    }

    /** One sweep, after the configured jitter. */
    public SweepReport sweep() {
        pause(config.jitter());
        return sweepNow(config.stalledAfter());
    }

    /** One sweep now, treating interviews silent for {@code stalledAfter} as stalled. */
    public SweepReport sweepNow(Duration stalledAfter) {
        return sweepNow(stalledAfter, config.timeBudget());
    }

    /**
     * One sweep now, taking interviews while {@code timeBudget} lasts: checked before each, so the sweep
     * ends within it plus the handling of one stalled interview and one upload (engine/TimeBudgets counts
     * that against its Lambda). The first of each kind is always taken, so every sweep makes progress;
     * what is left stays as it is (nothing is resumed without being started) for the next sweep.
     */
    public SweepReport sweepNow(Duration stalledAfter, Duration timeBudget) {
        long deadline = System.nanoTime() + timeBudget.toNanos();
        List<SweepReport.Entry> resumed = new ArrayList<>();
        List<SweepReport.Entry> failed = new ArrayList<>();
        Map<Step, Integer> seen = new EnumMap<>(Step.class);
        java.util.Set<UUID> passedOver = new java.util.HashSet<>();
        boolean outOfTime = false;
        // First what has run too long or progressed too little: failed, however alive it looks.
        java.util.Set<UUID> notOverdue = new java.util.HashSet<>();
        for (int taken = 0; taken < config.batch(); taken++) {
            if (taken > 0 && !timeLeft(deadline)) {
                outOfTime = true;
                break;
            }
            Optional<SweepStore.Applied> next = sweeps.sweepOneOverdue(config.noProgressAfter(), config.interviewDeadline(),
                    notOverdue, this::judge);
            if (next.isEmpty()) {
                break;
            }
            SweepStore.Applied applied = next.get();
            if (applied.action() instanceof SweepStore.Action.Fail fail) {
                String step = applied.stalled().interview().currentStep().orElse("unknown");
                Step.byKey(step).ifPresent(s -> seen.merge(s, 1, Integer::sum));
                if (applied.won()) {
                    metrics.counter("intake.sweeper.overdue", "step", step).increment();
                    LOG.errorf("sweeper: interview %s marked error: %s", fail.interviewId(), fail.error().message());
                    failed.add(new SweepReport.Entry(fail.interviewId().toString(), step,
                            applied.stalled().stalledSeconds(), fail.error().message()));
                }
            } else {
                notOverdue.add(applied.action().interviewId());
            }
        }
        for (int taken = 0; taken < config.batch(); taken++) {
            if (taken > 0 && !timeLeft(deadline)) {
                outOfTime = true;
                break;
            }
            Optional<SweepStore.Applied> next = sweeps.sweepOneStalled(stalledAfter, passedOver, this::decide);
            if (next.isEmpty()) {
                break;
            }
            SweepStore.Applied applied = next.get();
            StalledInterview stalled = applied.stalled();
            if (applied.action() instanceof SweepStore.Action.Leave) {
                passedOver.add(stalled.interview().id());
                continue;
            }
            String step = stalled.interview().currentStep().orElse("unknown");
            Step.byKey(step).ifPresent(s -> seen.merge(s, 1, Integer::sum));
            if (!applied.won()) {
                continue;
            }
            if (applied.action() instanceof SweepStore.Action.Resume resume) {
                metrics.counter("intake.sweeper.resumes", "step", step).increment();
                if (config.emitEmf()) {
                    new EmfMetrics(System.out::println).put("SweeperResumes", 1, "Count", java.util.Map.of("step", step),
                            System.currentTimeMillis());
                }
                LOG.warnf("sweeper: interview %s stalled in %s for %d s; resumed as run %s (resume %d of %d)",
                        resume.interviewId(), step, stalled.stalledSeconds(), resume.runId(), stalled.resumeCount() + 1,
                        config.maxResumes());
                String detail = runs.start(resume.interviewId(), resume.runId()) instanceof RunStart.Deferred deferred
                        ? "resumed as run " + resume.runId() + ", not started yet: " + deferred.reason()
                        : "resumed as run " + resume.runId();
                resumed.add(new SweepReport.Entry(resume.interviewId().toString(), step, stalled.stalledSeconds(), detail));
            } else {
                StepError error = ((SweepStore.Action.Fail) applied.action()).error();
                LOG.errorf("sweeper: interview %s marked error: %s", applied.action().interviewId(), error.message());
                failed.add(new SweepReport.Entry(applied.action().interviewId().toString(), step, stalled.stalledSeconds(),
                        error.message()));
            }
        }
        stuckByStep.forEach((step, gauge) -> gauge.set(seen.getOrDefault(step, 0)));
        if (config.emitEmf()) {
            // stdout, not the logger: CloudWatch reads EMF from the raw log line.
            StuckMetricsEmf.lines(seen, System.currentTimeMillis()).forEach(System.out::println);
        }
        List<SweepReport.Entry> completed = new ArrayList<>();
        List<SweepReport.Entry> neverArrived = new ArrayList<>();
        List<SweepReport.Entry> notDone = new ArrayList<>();
        // Like the stalled ones, at least one upload per sweep, so a backlog of either never starves the other.
        List<StalledInterview> uploads = sweeps.staleUploads(config.lostUploadAfter(), config.batch());
        for (int i = 0; i < uploads.size(); i++) {
            StalledInterview upload = uploads.get(i);
            if (i > 0 && !timeLeft(deadline)) {
                outOfTime = true;
                sweeps.uploadsCheckedThrough(uploads.get(i - 1));
                break;
            }
            // One upload the bucket or the database fails on must not cost the others their sweep.
            try {
                sweepUpload(upload, completed, neverArrived);
            } catch (RuntimeException e) {
                String reason = "could not check the upload: " + StepError.describe(e);
                LOG.warnf("sweeper: interview %s: %s; left as it is for the next sweep", upload.interview().id(), reason);
                notDone.add(new SweepReport.Entry(upload.interview().id().toString(), "upload", upload.stalledSeconds(), reason));
            }
        }
        List<SweepReport.Entry> adopted = new ArrayList<>();
        if (config.adoptUploadedAfter().isPresent() && !outOfTime) {
            outOfTime = adoptUploads(config.adoptUploadedAfter().get(), deadline, adopted, notDone);
        }
        SweepReport report = new SweepReport(resumed, failed, completed, neverArrived, notDone, adopted, outOfTime);
        if (report.total() > 0 || outOfTime) {
            LOG.infof("sweeper: resumed %d, failed %d, completed %d lost uploads, failed %d uploads that never arrived,"
                    + " took over %d uploads Insights left, could not handle %d%s", resumed.size(), failed.size(),
                    completed.size(), neverArrived.size(), adopted.size(), notDone.size(), outOfTime ? "; out of its "
                            + Durations.readable(timeBudget) + ", it leaves the rest to the next sweep" : "");
        }
        return report;
    }

    /**
     * Cutover: uploads Insights' web upload left 'uploaded' that no pipeline started (no 'intake' key,
     * no trace of Insights' old pipeline) and nobody touched for {@code untouchedFor} are taken over and
     * run from their upload, at most {@code adopt-batch} per sweep; true when the sweep ran out of time.
     */
    private boolean adoptUploads(Duration untouchedFor, long deadline, List<SweepReport.Entry> adopted,
                                 List<SweepReport.Entry> notDone) {
        List<UUID> unclaimed = sweeps.unclaimedUploads(untouchedFor, config.adoptBatch());
        for (int i = 0; i < unclaimed.size(); i++) {
            if (i > 0 && !timeLeft(deadline)) {
                return true;
            }
            UUID id = unclaimed.get(i);
            String runId = UUID.randomUUID().toString();
            try {
                var taken = interviews.adoptUpload(id, runId, null, untouchedFor, "Taken over by Intake after "
                        + Durations.readable(untouchedFor) + " with no pipeline started; processing starts shortly");
                if (!taken.won()) {
                    // Insights' pipeline, a person or another sweeper touched it since the scan: theirs now.
                    continue;
                }
                String detail = runs.start(id, runId) instanceof RunStart.Deferred deferred
                        ? "taken over as run " + runId + ", not started yet: " + deferred.reason()
                        : "taken over as run " + runId;
                LOG.warnf("sweeper: interview %s was uploaded and left by every pipeline for over %s; %s", id,
                        Durations.readable(untouchedFor), detail);
                adopted.add(new SweepReport.Entry(id.toString(), "upload", untouchedFor.toSeconds(), detail));
            } catch (RuntimeException e) {
                String reason = "could not take over the upload: " + StepError.describe(e);
                LOG.warnf("sweeper: interview %s: %s; left as it is for the next sweep", id, reason);
                notDone.add(new SweepReport.Entry(id.toString(), "upload", untouchedFor.toSeconds(), reason));
            }
        }
        return false;
    }

    private static boolean timeLeft(long deadline) {
        return System.nanoTime() - deadline < 0;
    }

    private SweepStore.Action judge(SweepStore.OverdueInterview overdue) {
        var interview = overdue.interview();
        String lastError = interview.lastError().map(e -> e.getString("message")).orElse(null);
        return Overdue.judge(interview.currentStep().orElse(null), overdue.inFlight(),
                        Overdue.deadline(config.interviewDeadline(), overdue.mediaSeconds()), overdue.sinceProgress(),
                        config.noProgressAfter(), lastError)
                .<SweepStore.Action>map(error -> new SweepStore.Action.Fail(interview.id(), error))
                .orElseGet(() -> new SweepStore.Action.Leave(interview.id()));
    }

    private SweepStore.Action decide(StalledInterview stalled) {
        var interview = stalled.interview();
        if (interview.runId().filter(run -> runs.queued(interview.id(), run)).isPresent()) {
            // Silent because this process's engine has a backlog: resuming would only queue it again.
            return new SweepStore.Action.Leave(interview.id());
        }
        StallDecision decision = StallDecision.decide(interview.currentStep().orElse(null), stalled.resumeCount(),
                config.maxResumes(), stalled.stalledSeconds());
        if (decision instanceof StallDecision.Resume resume) {
            return new SweepStore.Action.Resume(interview.id(), resume.step().key(), UUID.randomUUID().toString(),
                    resume.step().runningStatus(), "Resumed by the sweeper after " + stalled.stalledSeconds()
                    + " s without progress in " + resume.step().key());
        }
        return new SweepStore.Action.Fail(interview.id(), ((StallDecision.GiveUp) decision).error());
    }

    private void sweepUpload(StalledInterview upload, List<SweepReport.Entry> completed, List<SweepReport.Entry> neverArrived) {
        var interview = upload.interview();
        String prefix = MediaKey.folderOf(interview.accountId(), interview.projectId(), interview.id());
        // The interview's media, not a folder marker or a nested key that names no interview file. Keys
        // are case-sensitive and uploaders write ids in either case, so both spellings are looked at.
        Optional<String> object = java.util.stream.Stream.of(prefix, MediaKey.PREFIX
                        + prefix.substring(MediaKey.PREFIX.length()).toUpperCase(java.util.Locale.ROOT))
                .distinct()
                .flatMap(folder -> bucket.objectsUnder(folder, 10).stream())
                .filter(key -> MediaKey.parse(key).filter(k -> k.interviewId().equals(interview.id())).isPresent())
                .findFirst()
                // Insights names the object before it is uploaded (a URL import's import-{timestamp}.mp4): look there.
                .or(() -> Optional.ofNullable(interview.mediaKey()).flatMap(bucket::keyOf).filter(bucket::exists));
        if (object.isPresent()) {
            UploadOutcome outcome = uploads.accept(new ObjectCreated(bucket.name(), object.get(), -1));
            if (outcome instanceof UploadOutcome.Started) {
                LOG.warnf("sweeper: interview %s was still uploading %d s after its object %s arrived; its S3 event was"
                        + " lost, upload completed", interview.id(), upload.stalledSeconds(), object.get());
                completed.add(new SweepReport.Entry(interview.id().toString(), "upload", upload.stalledSeconds(),
                        "object " + object.get() + " found; upload completed"));
            }
            if (outcome instanceof UploadOutcome.Started || outcome instanceof UploadOutcome.AlreadyReceived) {
                return;
            }
        }
        // An upload Insights created and nobody finished is not Intake's to fail: only its own are.
        if (interview.ownedByIntake() && upload.stalledSeconds() >= config.uploadTimeout().toSeconds()) {
            StepError error = new StepError(Step.UPLOAD.key(), "upload never completed: no object arrived under " + prefix
                    + " in " + (upload.stalledSeconds() / 60) + " min", ErrorKind.PERMANENT, 1);
            if (interviews.recordFailureIfStill(interview.id(), java.util.EnumSet.of(InterviewStatus.UPLOADING), error).won()) {
                LOG.errorf("sweeper: interview %s marked error: %s", interview.id(), error.message());
                neverArrived.add(new SweepReport.Entry(interview.id().toString(), "upload", upload.stalledSeconds(),
                        error.message()));
            }
        }
    }

    private void pause(Duration jitter) {
        if (jitter.isZero() || jitter.isNegative()) {
            return;
        }
        try {
            Thread.sleep(random.nextInt((int) Math.min(Integer.MAX_VALUE, jitter.toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before sweeping; the next scheduled sweep runs instead", e);
        }
    }
}
