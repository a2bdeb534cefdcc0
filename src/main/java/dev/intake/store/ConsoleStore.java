package dev.intake.store;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the operator console reads: Intake's interviews touched within a window (counts, throughput,
 * errors, step durations) and the stalled ones. Every statement keeps to Intake's interviews
 * ({@code conversation_analysis ? 'intake'}) and a bound on updated_at, so it reads
 * intake_interviews_recent_idx (V4) or, for the stalled list, intake_interviews_in_flight_idx.
 */
@ApplicationScoped
public class ConsoleStore {

    /**
     * Intake's interviews changed in the last $1 seconds: the window every statement but the stalled
     * list keeps to, spelled as intake_interviews_recent_idx's predicate (V4) so it reads the index.
     */
    @Sql
    static final String COUNT_BY_STATUS_AND_STEP = """
            SELECT status::text AS status, coalesce(conversation_analysis->>'current_step', '-') AS step, count(*) AS n
            FROM interviews
            WHERE conversation_analysis ? 'intake' AND updated_at >= now() - make_interval(secs => $1::double precision)
            GROUP BY 1, 2
            ORDER BY 1, 2""";

    /** Interviews that ended (ready or error) per hour; updated_at is when they reached that status. */
    @Sql
    static final String ENDED_PER_HOUR = """
            SELECT date_trunc('hour', updated_at) AS hour,
                   count(*) FILTER (WHERE status = 'ready') AS ready,
                   count(*) FILTER (WHERE status = 'error') AS error
            FROM interviews
            WHERE conversation_analysis ? 'intake' AND updated_at >= now() - make_interval(secs => $1::double precision)
              AND status IN ('ready', 'error')
            GROUP BY 1
            ORDER BY 1""";

    /** Errors of the window by step and message: how many, and the latest. */
    @Sql
    static final String ERRORS_BY_STEP_AND_MESSAGE = """
            SELECT coalesce(conversation_analysis->'intake'->'error'->>'step', '-') AS step,
                   coalesce(conversation_analysis->'intake'->'error'->>'message', conversation_analysis->>'last_error', '-')
                       AS message,
                   count(*) AS n,
                   max(updated_at) AS latest
            FROM interviews
            WHERE conversation_analysis ? 'intake' AND updated_at >= now() - make_interval(secs => $1::double precision)
              AND status = 'error'
            GROUP BY 1, 2
            ORDER BY n DESC, latest DESC
            LIMIT $2""";

    /** p50 and p95 of each step's duration, over the step timings of the window's interviews. */
    @Sql
    static final String STEP_DURATIONS = """
            SELECT t.key AS step, count(*) AS n,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY (t.value->>'seconds')::double precision) AS p50,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY (t.value->>'seconds')::double precision) AS p95
            FROM interviews i CROSS JOIN LATERAL jsonb_each(i.conversation_analysis->'intake'->'step_timings') t
            WHERE i.conversation_analysis ? 'intake' AND i.updated_at >= now() - make_interval(secs => $1::double precision)
              AND jsonb_typeof(i.conversation_analysis->'intake'->'step_timings') = 'object'
              AND t.value ? 'seconds'
            GROUP BY t.key""";

    /** The stalled interviews the sweeper and `repair --stuck` see (the same predicate), oldest first. */
    @Sql
    static final String LIST_STALLED = """
            SELECT id, title, status::text AS status,
                   coalesce(conversation_analysis->>'current_step', '-') AS step,
                   extract(epoch FROM now() - updated_at)::bigint AS silent_seconds,
                   coalesce((conversation_analysis->'intake'->>'resume_count')::int, 0) AS resumes
            FROM interviews
            WHERE %s %s
            ORDER BY updated_at
            LIMIT $2""".formatted(SweepStore.STALLED, SweepStore.OWNED);

    private final Db db;

    ConsoleStore(Db db) {
        this.db = db;
    }

    public record Count(String status, String step, long count) {
    }

    public record Hour(OffsetDateTime hour, long ready, long error) {
    }

    public record ErrorGroup(String step, String message, long count, OffsetDateTime latest) {
    }

    public record StepDuration(String step, long runs, double p50Seconds, double p95Seconds) {
    }

    public record Stalled(UUID id, String title, String status, String step, long silentSeconds, int resumes) {
    }

    public List<Count> countsByStatusAndStep(Duration window) {
        List<Count> counts = new ArrayList<>();
        for (Row row : db.execute(COUNT_BY_STATUS_AND_STEP, Tuple.of(seconds(window)))) {
            counts.add(new Count(row.getString("status"), row.getString("step"), row.getLong("n")));
        }
        return counts;
    }

    public List<Hour> endedPerHour(Duration window) {
        List<Hour> hours = new ArrayList<>();
        for (Row row : db.execute(ENDED_PER_HOUR, Tuple.of(seconds(window)))) {
            hours.add(new Hour(row.getOffsetDateTime("hour"), row.getLong("ready"), row.getLong("error")));
        }
        return hours;
    }

    public List<ErrorGroup> errorsByStepAndMessage(Duration window, int limit) {
        List<ErrorGroup> groups = new ArrayList<>();
        for (Row row : db.execute(ERRORS_BY_STEP_AND_MESSAGE, Tuple.of(seconds(window), limit))) {
            groups.add(new ErrorGroup(row.getString("step"), row.getString("message"), row.getLong("n"),
                    row.getOffsetDateTime("latest")));
        }
        return groups;
    }

    public List<StepDuration> stepDurations(Duration window) {
        List<StepDuration> durations = new ArrayList<>();
        for (Row row : db.execute(STEP_DURATIONS, Tuple.of(seconds(window)))) {
            durations.add(new StepDuration(row.getString("step"), row.getLong("n"), row.getDouble("p50"), row.getDouble("p95")));
        }
        return durations;
    }

    /** Stalled for at least {@code stalledAfter}, oldest first. */
    public List<Stalled> stalled(Duration stalledAfter, int limit) {
        List<Stalled> stalled = new ArrayList<>();
        for (Row row : db.execute(LIST_STALLED, Tuple.of(seconds(stalledAfter), limit))) {
            stalled.add(new Stalled(row.getUUID("id"), row.getString("title"), row.getString("status"), row.getString("step"),
                    row.getLong("silent_seconds"), row.getInteger("resumes")));
        }
        return stalled;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
