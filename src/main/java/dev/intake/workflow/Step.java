package dev.intake.workflow;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The seven steps of the workflow, in order. Names and percentages are the ones the existing UI reads
 * from {@code current_step} and {@code progress}.
 */
public enum Step {
    UPLOAD("upload", 10, 30, InterviewStatus.TRANSCRIBING, InterviewStatus.TRANSCRIBED,
            "Fetching the media and its transcript", Retries.FETCHING),
    EVIDENCE("evidence", 40, 55, InterviewStatus.PROCESSING, InterviewStatus.PROCESSING,
            "Finding evidence and the people in the conversation", Retries.ANALYSING),
    ENRICH_PERSON("enrich-person", 60, 65, InterviewStatus.PROCESSING, InterviewStatus.PROCESSING,
            "Describing the people", Retries.ANALYSING),
    INSIGHTS("insights", 65, 75, InterviewStatus.PROCESSING, InterviewStatus.PROCESSING,
            "Grouping evidence into themes", Retries.ANALYSING),
    PERSONAS("personas", 80, 80, InterviewStatus.PROCESSING, InterviewStatus.PROCESSING,
            "Building personas", Retries.ANALYSING),
    ANSWERS("answers", 85, 90, InterviewStatus.PROCESSING, InterviewStatus.PROCESSING,
            "Answering the project's questions", Retries.ANALYSING),
    FINALIZE("finalize", 95, 100, InterviewStatus.PROCESSING, InterviewStatus.READY,
            "Finishing up", Retries.BOOKKEEPING);

    /** Retry policies by kind of work; provider calls retry on their own first (see ProviderHttp). */
    private static final class Retries {
        static final RetryPolicy FETCHING = new RetryPolicy(4, java.time.Duration.ofSeconds(10), 3.0,
                java.time.Duration.ofMinutes(2));
        static final RetryPolicy ANALYSING = new RetryPolicy(3, java.time.Duration.ofSeconds(10), 2.0,
                java.time.Duration.ofMinutes(1));
        static final RetryPolicy BOOKKEEPING = new RetryPolicy(3, java.time.Duration.ofSeconds(2), 2.0,
                java.time.Duration.ofSeconds(10));
    }

    /** The value of {@code current_step} once the last step has completed. */
    public static final String COMPLETE = "complete";

    private final String key;
    private final int startProgress;
    private final int endProgress;
    private final InterviewStatus runningStatus;
    private final InterviewStatus doneStatus;
    private final String detail;
    private final RetryPolicy retry;

    Step(String key, int startProgress, int endProgress, InterviewStatus runningStatus,
         InterviewStatus doneStatus, String detail, RetryPolicy retry) {
        this.retry = retry;
        this.key = key;
        this.startProgress = startProgress;
        this.endProgress = endProgress;
        this.runningStatus = runningStatus;
        this.doneStatus = doneStatus;
        this.detail = detail;
    }

    /** The name stored in {@code current_step} and {@code completed_steps}. */
    public String key() {
        return key;
    }

    public int startProgress() {
        return startProgress;
    }

    public int endProgress() {
        return endProgress;
    }

    /** The interview's status while this step runs. */
    public InterviewStatus runningStatus() {
        return runningStatus;
    }

    /** The interview's status once this step has completed. */
    public InterviewStatus doneStatus() {
        return doneStatus;
    }

    /** A sentence for {@code status_detail} while the step runs. */
    public String detail() {
        return detail;
    }

    /** How this step is tried again after a transient failure. */
    public RetryPolicy retry() {
        return retry;
    }

    public Optional<Step> following() {
        int next = ordinal() + 1;
        return next < values().length ? Optional.of(values()[next]) : Optional.empty();
    }

    public static Step first() {
        return UPLOAD;
    }

    /** Step names in the order the pipeline runs them; a name this version does not know goes last. */
    public static final Comparator<String> PIPELINE_ORDER = Comparator
            .comparingInt((String key) -> byKey(key).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(Comparator.naturalOrder());

    public static Optional<Step> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static Step requireKey(String key) {
        return byKey(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown step '" + key + "'; steps are " + Arrays.stream(values()).map(Step::key).toList()));
    }
}
