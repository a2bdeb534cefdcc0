package dev.intake.cli.measure;

import dev.intake.cli.ProjectChoice;
import dev.intake.cli.Settling;
import dev.intake.cli.ProjectOption;
import dev.intake.cli.LocalPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.intake.engine.LocalEngineConfig;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.entry.UploadOutcome;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaConfig;
import dev.intake.media.MediaKey;
import dev.intake.store.DbTraffic;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.Step;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The local engine's throughput: N interviews uploaded, then all their upload events delivered at once,
 * timed until every one is ready or failed. What the upload takes is outside the clock; the runs, each
 * step's claim, work and completion, are inside it. bench/run runs it at several sizes and thread counts.
 */
@Command(name = "throughput", mixinStandardHelpOptions = true,
        description = "Measures the engine: N interviews of FILE (a tiny built-in transcript by default) through the"
                + " pipeline at once; prints interviews/s, step transitions/s, the transactions and round trips each"
                + " interview took, and the analyzer's own time per interview on FILE (in memory, no engine)."
                + " Threads: INTAKE_LOCAL_ENGINE_THREADS."
                + " On a configured database the interviews go to the project named with --project.")
public class ThroughputCommand implements Callable<Integer> {

    /** Set by the launcher when the bucket is a throwaway one of this process's, which the command then makes. */
    // A system property, not configuration: outside the intake prefix, whose unknown keys refuse to start.
    public static final String OWN_BUCKET = "intake-throughput.own-bucket";

    /** Analyses of the transcript alone, for the analyzer's median time per interview. */
    private static final int ANALYZER_RUNS = 21;

    /** Two lines: enough for every step to run and write something, so the engine's own cost dominates. */
    static final String TINY = "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Interviewer>What slows you down today?\n\n"
            + "00:04.000 --> 00:09.000\n<v Dana>Copying the same spreadsheet every week takes me two hours.\n";

    int count;
    Path file;

    // Checked as the command line is read, so a wrong value is refused before any server starts.
    @Option(names = "--interviews", defaultValue = "100", description = "how many interviews (default ${DEFAULT-VALUE})")
    void interviews(int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), "--interviews must be at least 1, not " + value);
        }
        count = value;
    }

    @Option(names = "--file", paramLabel = "FILE", description = "the transcript every interview gets (default: a two-line WebVTT)")
    void file(Path value) {
        if (!Files.isReadable(value)) {
            throw new ParameterException(spec.commandLine(), "cannot read " + value);
        }
        file = value;
    }

    @Option(names = "--timeout", defaultValue = "30m", description = "give up after this long (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Mixin
    ProjectOption projectOption;

    @Spec
    CommandSpec spec;

    @Inject
    Measuring measuring;

    private static Path tinyTranscript() throws IOException {
        Path tiny = Files.writeString(Files.createTempFile("intake-tiny-", ".vtt"), TINY, StandardCharsets.UTF_8);
        tiny.toFile().deleteOnExit();
        return tiny;
    }

    /**
     * The upload events from as many senders as the engine has threads, as S3 invokes upload-completed
     * once per object, side by side: one after another, each event's check of the object and commit
     * would pace the runs, measuring the sender rather than the engine.
     */
    private void deliverAtOnce(List<MediaKey> keys, long size) throws InterruptedException {
        MediaBucket bucket = measuring.pipeline().bucket();
        UploadCompletion uploads = measuring.uploads();
        ExecutorService senders = Executors.newFixedThreadPool(measuring.pipeline().localEngine().localEngineThreads());
        try {
            List<Future<UploadOutcome>> sent = new ArrayList<>(keys.size());
            for (MediaKey key : keys) {
                sent.add(senders.submit(() -> uploads.accept(new ObjectCreated(bucket.name(), key.key(), size))));
            }
            for (Future<UploadOutcome> event : sent) {
                try {
                    if (!(event.get() instanceof UploadOutcome.Started)) {
                        throw new IllegalStateException("an upload event did not start its run: " + event.get());
                    }
                } catch (ExecutionException e) {
                    throw new IllegalStateException("an upload event failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            senders.shutdownNow();
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        LocalPipeline pipeline = measuring.pipeline();
        Optional<ProjectChoice.Choice.Use> chosen = projectOption.choose(pipeline.projects(), List.of());
        if (chosen.isEmpty()) {
            return 2;
        }
        ProjectChoice.Choice.Use project = chosen.get();
        MediaBucket bucket = pipeline.bucket();
        InterviewStore interviews = pipeline.interviews();
        if (Boolean.getBoolean(OWN_BUCKET)) {
            bucket.ensureExists();
        }
        Path source = file != null ? file : tinyTranscript();
        String name = source.getFileName().toString();
        String contentType = Files.probeContentType(source);
        long size = Files.size(source);
        List<MediaKey> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            MediaKey key = new MediaKey(project.accountId(), project.projectId(), id, name);
            interviews.insert(new InterviewStore.NewInterview(id, key.accountId(), key.projectId(), name,
                    Interview.Source.upload(name), null, null), InterviewStatus.UPLOADING);
            bucket.put(key.key(), source, contentType);
            keys.add(key);
        }

        DbTraffic traffic = measuring.traffic();
        DbTraffic.Snapshot before = traffic.snapshot();
        long started = System.nanoTime();
        deliverAtOnce(keys, size);
        measuring.runEnds().await(keys.stream().map(MediaKey::interviewId).toList(), timeout);
        double seconds = (System.nanoTime() - started) / 1e9;
        DbTraffic.Snapshot spent = traffic.snapshot().since(before);
        int ready = 0;
        int failed = 0;
        long transitions = 0;
        for (MediaKey key : keys) {
            // Outside the clock: what each run came to, and the runs that ended unannounced.
            long left = timeout.toNanos() - (System.nanoTime() - started);
            Interview done = Settling.await(interviews, key.interviewId(), Duration.ofNanos(Math.max(0, left)));
            if (done.status() == InterviewStatus.READY) {
                ready++;
            } else if (done.status() == InterviewStatus.ERROR) {
                failed++;
            }
            transitions += done.completedSteps().size();
        }
        // After the runs, on the same cores: the analyzer alone on the same transcript.
        double analyzerMs = AnalyzerAlone.medianMillis(measuring.analyzer(), source,
                measuring.workspace().questions(project.projectId()), pipeline.media().maxTranscriptBytes(), ANALYZER_RUNS);
        spec.commandLine().getOut().printf(Locale.ROOT, "interviews=%d ready=%d error=%d threads=%d seconds=%.3f"
                        + " interviews_per_s=%.1f step_transitions_per_s=%.1f steps_per_interview=%d"
                        + " transactions_per_interview=%.1f round_trips_per_interview=%.1f analyzer_ms_per_interview=%.1f%n",
                count, ready, failed, pipeline.localEngine().localEngineThreads(), seconds, count / seconds, transitions / seconds,
                Step.values().length, (double) spent.transactions() / count, (double) spent.flights() / count, analyzerMs);
        return ready + failed == count ? 0 : 1;
    }
}
