package dev.intake.steps;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The safety net. Defaults bring a stalled interview to a resumed run or a visible error within 2
 * minutes: leases of 54 s renewed every 18 s, a stall declared 55 s after the last sign of life (once
 * the lease ran out), and a sweep every 30 s in `serve` (up to 5 s of jitter), every minute in AWS
 * (the schedule is infra's; the finest EventBridge allows).
 *
 * <p>On the steps floor, the lowest that reads it: a step's wait is cut to half of {@link #stalledAfter()}
 * so the sweeper never takes a waiting step for a stalled one; the engine's starts and time budgets and
 * the sweeper above read it too.
 */
@ConfigMapping(prefix = "intake.sweeper")
public interface SweeperConfig {

    /**
     * How long an in-flight interview may show no sign of life (and hold no live lease, and be past
     * the retry it waits for): the lease and a second, so a lease that ran out is enough.
     */
    @WithDefault("PT55S")
    Duration stalledAfter();

    /**
     * Progress, not activity: an interview in flight whose run has completed no step (nor started,
     * resumed or begun a wait for a provider) for this long is failed with its last error, however
     * often claims and heartbeats touch it.
     */
    @WithDefault("PT30M")
    Duration noProgressAfter();

    /**
     * The longest a run may be in flight, from its start (a sweeper's resume keeps the start, a
     * repair starts again): failed past it, saying so. Media of known length adds its own duration,
     * so a three-hour recording gets five hours.
     */
    @WithDefault("PT2H")
    Duration interviewDeadline();

    /** Resumes per interview before the sweeper gives up and marks it failed. */
    @WithDefault("3")
    int maxResumes();

    /** An upload whose object is in the bucket but still 'uploading' after this lost its S3 event. */
    @WithDefault("PT10M")
    Duration lostUploadAfter();

    /** An upload with no object after this never completed. */
    @WithDefault("PT6H")
    Duration uploadTimeout();

    /** Interviews handled per sweep, of each kind. */
    @WithDefault("100")
    int batch();

    /**
     * How long one sweep goes on taking interviews: checked before each one, so a sweep ends within
     * this plus the handling of one interview, and what is left is taken by the next sweep.
     */
    @WithDefault("PT60S")
    Duration timeBudget();

    /**
     * How often `intake serve` sweeps, first as it starts: with the lease and stalled-after above, a
     * run a crash left is resumed within about 90 s. (In AWS the deployment's rule runs sweep-stuck
     * every minute, the finest rate EventBridge allows.)
     */
    @WithDefault("PT30S")
    Duration every();

    /** A random wait of up to this before sweeping, so concurrent sweepers do not stampede. */
    @WithDefault("PT5S")
    Duration jitter();

    /**
     * Cutover: take 'uploaded' interviews no pipeline has started (Insights' web upload left them for
     * Intake; no 'intake' key, no trace of the old pipeline) once untouched this long. Unset: off.
     */
    Optional<Duration> adoptUploadedAfter();

    /** Uploads taken over per sweep when adoption is on. */
    @WithDefault("20")
    int adoptBatch();

    /**
     * Write the stuck counts of each sweep to stdout in CloudWatch's embedded metric format, so
     * CloudWatch (and its alarm) sees them from the Lambda's logs. The deployment turns it on.
     */
    @WithDefault("false")
    boolean emitEmf();
}
