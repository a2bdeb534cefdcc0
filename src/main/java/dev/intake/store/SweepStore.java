package dev.intake.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.StatusTransitions;
import dev.intake.workflow.StepError;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the sweeper reads and changes. Stalled interviews are locked with SKIP LOCKED in the sweep's
 * transaction, so two sweepers never take the same interview; each resume or failure then moves the
 * row's updated_at, so it no longer looks stalled once the transaction commits.
 */
@ApplicationScoped
public class SweepStore {

    /**
     * Stalled: in flight, no sign of life for $1 seconds, no live lease, and not waiting for a retry
     * or a provider's next check due within the last $1 seconds (a wait longer than the stall
     * threshold is no stall until it is over). One predicate for all who judge a stall: the sweeper, the
     * console's list and `repair --stuck` (DiagnosticsStore). The in-flight statuses
     * (workflow/StatusTransitions.inFlight, checked by SweepStoreStatementsTest) are spelled out as
     * intake_interviews_in_flight_idx's predicate is, so the scan can use it with {@link #OWNED}.
     */
    static final String STALLED = """
            status IN ('uploaded', 'transcribing', 'transcribed', 'processing')
              AND updated_at < now() - make_interval(secs => $1::double precision)
              AND (conversation_analysis->'intake'->>'lease_until' IS NULL
                   OR (conversation_analysis->'intake'->>'lease_until')::timestamptz < now())
              AND (conversation_analysis->'intake'->>'retry_at' IS NULL
                   OR (conversation_analysis->'intake'->>'retry_at')::timestamptz
                      < now() - make_interval(secs => $1::double precision))
            """;
    /** Intake's interviews only (the rest of intake_interviews_in_flight_idx's predicate). */
    static final String OWNED = " AND conversation_analysis ? 'intake' ";

    /** The stalled interviews, locked with SKIP LOCKED: two sweepers never take the same interview. */
    @Sql
    static final String LOCK_STALLED = """
            SELECT %s, extract(epoch FROM now() - updated_at)::bigint AS stalled_seconds
            FROM interviews
            WHERE %s %s
              AND id <> ALL($3::uuid[])
            ORDER BY updated_at
            LIMIT $2
            FOR UPDATE SKIP LOCKED""".formatted(Interview.COLUMNS, STALLED, OWNED);

    /**
     * Overdue: in flight and either without progress for $1 seconds (progress_at: a step completed, a run
     * started or resumed, a provider checked) or started longer ago than $2 seconds plus the media's
     * duration (run_started_at, which a sweeper's resume keeps); a run from before these were recorded
     * goes by its last change. Lease or none, however recently touched. Scanned and locked as
     * {@link #LOCK_STALLED}.
     */
    @Sql
    static final String LOCK_OVERDUE = """
            SELECT %s,
                   extract(epoch FROM now() - progress_at)::bigint AS idle_seconds,
                   extract(epoch FROM now() - run_started_at)::bigint AS running_seconds,
                   coalesce(duration_sec, 0)::bigint AS media_seconds
            FROM interviews,
                 LATERAL (SELECT coalesce((conversation_analysis->'intake'->>'progress_at')::timestamptz, updated_at)
                                     AS progress_at,
                                 coalesce((conversation_analysis->'intake'->>'run_started_at')::timestamptz, updated_at)
                                     AS run_started_at) AS run
            WHERE status IN ('uploaded', 'transcribing', 'transcribed', 'processing')
              AND conversation_analysis ? 'intake'
              AND (progress_at < now() - make_interval(secs => $1::double precision)
                   OR run_started_at < now() - make_interval(secs => $2::double precision + coalesce(duration_sec, 0)))
              AND id <> ALL($4::uuid[])
            ORDER BY updated_at
            LIMIT $3
            FOR UPDATE OF interviews SKIP LOCKED""".formatted(Interview.COLUMNS);

    /** A new run from the step the interview is stuck in, counting the resume. */
    @Sql
    static final String RESUME = """
            UPDATE interviews
            SET status = $3::interview_status,
                updated_at = now(),
                (conversation_analysis, processing_metadata) = (
                    SELECT coalesce(conversation_analysis, '{}'::jsonb)
                               || jsonb_build_object('intake',
                                   (run - 'lease_owner' - 'lease_until' - 'attempt' - 'retry_at' - 'start_failed_at')
                                   || jsonb_build_object(
                                       'run_id', $2::text,
                                       'resume_count', coalesce((run->>'resume_count')::int, 0) + 1,
                                       'heartbeat_at', now(),
                                       'progress_at', now(),
                                       'resume_from', conversation_analysis->>'current_step'))
                               || shown,
                           coalesce(processing_metadata, '{}'::jsonb) || shown
                    FROM (SELECT coalesce(conversation_analysis->'intake', '{}'::jsonb) AS run,
                                 jsonb_build_object('status_detail', $4::text) AS shown) AS state)
            WHERE id = $1 AND status = ANY($5::interview_status[])
            RETURNING id""";

    /**
     * Uploads still 'uploading' after $1 seconds (their S3 event may have been lost), in (updated_at, id)
     * order after the cursor ($3, $4), so a backlog of abandoned uploads larger than a batch is walked
     * through over successive sweeps and cannot hide a newer one.
     */
    @Sql
    static final String STALE_UPLOADS = """
            SELECT %s, extract(epoch FROM now() - updated_at)::bigint AS stalled_seconds
            FROM interviews
            WHERE status = 'uploading' AND updated_at < now() - make_interval(secs => $1::double precision)
              AND (updated_at, id) > ($3::timestamptz, $4::uuid)
            ORDER BY updated_at, id
            LIMIT $2""".formatted(Interview.COLUMNS);
    /**
     * Uploads no pipeline has started ({@link InterviewStore#UNCLAIMED_UPLOAD}) and untouched for $1
     * seconds, oldest first; the predicate is intake_interviews_unclaimed_uploads_idx's (V9), so the
     * scan reads only them however many interviews the database holds.
     */
    @Sql
    static final String UNCLAIMED_UPLOADS = """
            SELECT id FROM interviews
            WHERE %s
              AND updated_at < now() - make_interval(secs => $1::double precision)
            ORDER BY updated_at LIMIT $2""".formatted(InterviewStore.UNCLAIMED_UPLOAD);

    @Sql
    static final String READ_CURSOR = "SELECT updated_at, interview_id FROM intake.sweep_cursors WHERE name = $1";
    @Sql
    static final String MOVE_CURSOR = """
            INSERT INTO intake.sweep_cursors (name, updated_at, interview_id) VALUES ($1, $2, $3)
            ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at, interview_id = excluded.interview_id""";
    @Sql
    static final String RESET_CURSOR = "DELETE FROM intake.sweep_cursors WHERE name = $1";

    private static final String LOST_UPLOADS = "lost-uploads";
    private static final java.time.OffsetDateTime START = java.time.OffsetDateTime.parse("1970-01-01T00:00:00Z");
    private static final UUID FIRST = new UUID(0, 0);

    private final Db db;

    SweepStore(Db db) {
        this.db = db;
    }

    /** What to do with one stalled interview, decided while it is locked. */
    public sealed interface Action {
        UUID interviewId();

        record Resume(UUID interviewId, String step, String runId, InterviewStatus status, String detail) implements Action {
        }

        record Fail(UUID interviewId, StepError error) implements Action {
        }

        /** Nothing to do now (its run is waiting its turn in this process); passed over for the rest of the sweep. */
        record Leave(UUID interviewId) implements Action {
        }
    }

    /** The outcome of one action: whether it was applied. */
    public record Applied(Action action, StalledInterview stalled, boolean won) {
    }

    /**
     * Locks the longest-stalled interview no other sweeper holds, asks {@code decide} what to do with it,
     * and does it, in one transaction; empty when none is stalled. One at a time, so a sweep that runs
     * out of time has resumed only interviews it also started.
     */
    public Optional<Applied> sweepOneStalled(Duration stalledAfter, java.util.Set<UUID> passedOver,
                                             Function<StalledInterview, Action> decide) {
        return db.inTransaction(tx -> {
            for (Row row : tx.execute(LOCK_STALLED, Tuple.of(stalledAfter.toMillis() / 1000.0, 1,
                    passedOver.toArray(UUID[]::new)))) {
                StalledInterview stalled = new StalledInterview(Interview.from(row), row.getLong("stalled_seconds"));
                Action action = decide.apply(stalled);
                return Optional.of(new Applied(action, stalled, apply(tx, action)));
            }
            return Optional.empty();
        });
    }

    /** An interview in flight that has run too long or progressed too little, as read under its lock. */
    public record OverdueInterview(Interview interview, java.time.Duration sinceProgress, java.time.Duration inFlight,
                                   long mediaSeconds) {
    }

    /**
     * Locks the next overdue interview no other sweeper holds and not in {@code passedOver}, asks
     * {@code decide} what to do (a {@link Action.Fail}, or {@link Action.Leave} to pass it over), and
     * does it in the same transaction; empty when none is overdue.
     */
    public Optional<Applied> sweepOneOverdue(Duration noProgressAfter, Duration deadline, java.util.Set<UUID> passedOver,
                                             Function<OverdueInterview, Action> decide) {
        return db.inTransaction(tx -> {
            for (Row row : tx.execute(LOCK_OVERDUE, Tuple.of(noProgressAfter.toMillis() / 1000.0, deadline.toMillis() / 1000.0,
                    1, passedOver.toArray(UUID[]::new)))) {
                Interview interview = Interview.from(row);
                OverdueInterview overdue = new OverdueInterview(interview, Duration.ofSeconds(row.getLong("idle_seconds")),
                        Duration.ofSeconds(row.getLong("running_seconds")), row.getLong("media_seconds"));
                Action action = decide.apply(overdue);
                return Optional.of(new Applied(action, new StalledInterview(interview, row.getLong("idle_seconds")),
                        apply(tx, action)));
            }
            return Optional.empty();
        });
    }

    /** The plan PostgreSQL picks for the overdue scan, for the index check. */
    public List<String> explainOverdueScan(Duration noProgressAfter, Duration deadline, int batch) {
        return db.inTransaction(tx -> {
            List<String> plan = new ArrayList<>();
            for (Row row : tx.execute("EXPLAIN " + LOCK_OVERDUE, Tuple.of(noProgressAfter.toMillis() / 1000.0,
                    deadline.toMillis() / 1000.0, batch, new UUID[0]))) {
                plan.add(row.getString(0));
            }
            return plan;
        });
    }

    private static boolean apply(Db.Tx tx, Action action) {
        if (action instanceof Action.Leave) {
            return false;
        }
        if (action instanceof Action.Resume resume) {
            return tx.execute(RESUME, Tuple.from(Arrays.asList(resume.interviewId(), resume.runId(),
                    resume.status().dbValue(), resume.detail(), StatusSql.values(StatusTransitions.inFlight())))).rowCount() == 1;
        }
        StepError error = ((Action.Fail) action).error();
        return tx.execute(FailureRecord.RECORD_FAILURE, FailureRecord.parameters(action.interviewId(), null,
                null, StatusTransitions.predecessorsOf(InterviewStatus.ERROR), error)).rowCount() == 1;
    }

    /**
     * The next batch of uploads that may have lost their event, after the cursor the last sweep left;
     * the cursor moves past them, and back to the start once the end is reached.
     */
    public List<StalledInterview> staleUploads(Duration olderThan, int batch) {
        var cursor = db.execute(READ_CURSOR, Tuple.of(LOST_UPLOADS));
        Row at = cursor.rowCount() == 0 ? null : cursor.iterator().next();
        List<StalledInterview> uploads = new ArrayList<>();
        for (Row row : db.execute(STALE_UPLOADS, Tuple.of(olderThan.toMillis() / 1000.0, batch,
                at == null ? START : at.getOffsetDateTime("updated_at"), at == null ? FIRST : at.getUUID("interview_id")))) {
            uploads.add(new StalledInterview(Interview.from(row), row.getLong("stalled_seconds")));
        }
        if (uploads.size() < batch) {
            db.execute(RESET_CURSOR, Tuple.of(LOST_UPLOADS));
        } else {
            Interview last = uploads.get(uploads.size() - 1).interview();
            db.execute(MOVE_CURSOR, Tuple.of(LOST_UPLOADS, last.updatedAt(), last.id()));
        }
        return uploads;
    }

    /**
     * The sweep ran out of time after checking {@code last}: the next sweep goes on after it, not after
     * the whole batch it read.
     */
    public void uploadsCheckedThrough(StalledInterview last) {
        db.execute(MOVE_CURSOR, Tuple.of(LOST_UPLOADS, last.interview().updatedAt(), last.interview().id()));
    }

    /**
     * Up to {@code limit} uploads no pipeline has started and nobody touched for {@code untouchedFor},
     * oldest first. Read without a lock: taking one over is its own conditional UPDATE, which re-checks all of it.
     */
    public List<UUID> unclaimedUploads(Duration untouchedFor, int limit) {
        List<UUID> ids = new ArrayList<>();
        for (Row row : db.execute(UNCLAIMED_UPLOADS, Tuple.of(untouchedFor.toMillis() / 1000.0, limit))) {
            ids.add(row.getUUID("id"));
        }
        return ids;
    }

    /** The plan PostgreSQL picks for the unclaimed-upload scan, for the index check. */
    public List<String> explainUnclaimedUploadsScan(Duration untouchedFor, int limit) {
        List<String> plan = new ArrayList<>();
        for (Row row : db.execute("EXPLAIN " + UNCLAIMED_UPLOADS, Tuple.of(untouchedFor.toMillis() / 1000.0, limit))) {
            plan.add(row.getString(0));
        }
        return plan;
    }

    /** The plan PostgreSQL picks for the stalled-interview scan, for the index check. */
    public List<String> explainStalledScan(Duration stalledAfter, int batch) {
        return db.inTransaction(tx -> {
            List<String> plan = new ArrayList<>();
            for (Row row : tx.execute("EXPLAIN " + LOCK_STALLED, Tuple.of(stalledAfter.toMillis() / 1000.0, batch, new UUID[0]))) {
                plan.add(row.getString(0));
            }
            return plan;
        });
    }
}
