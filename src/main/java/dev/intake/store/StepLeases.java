package dev.intake.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.StatusTransitions;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The life of a step's lease: claimed, renewed by heartbeats, and ended in one of four ways (done,
 * waiting for work elsewhere, retried, failed). Each is one conditional UPDATE that only the lease's
 * owner can make, so an invocation the sweeper or a retry replaced is told it lost and changes nothing.
 * Every ending also writes what the web app shows ({@code shown}: step, progress, detail) once, into
 * both conversation_analysis and processing_metadata, which the web app reads first.
 */
@ApplicationScoped
public class StepLeases {

    /**
     * Takes step $3 of run $2 when its lease is free: status $4, lease $5 for $6 seconds, the claim
     * counted as an attempt. The progress shown is $7, raised to what the web app already showed
     * ({@link ShownProgress#FLOOR}, the one expression this statement takes from elsewhere).
     */
    @Sql
    static final String CLAIM = """
            UPDATE interviews
            SET status = $4::interview_status,
                updated_at = now(),
                (conversation_analysis, processing_metadata) = (
                    SELECT coalesce(conversation_analysis, '{}'::jsonb)
                               || jsonb_build_object('intake', (run - 'start_failed_at') || jsonb_build_object(
                                   'lease_owner', $5::text,
                                   'lease_until', now() + make_interval(secs => $6::double precision),
                                   'heartbeat_at', now(),
                                   'step_started_at', now(),
                                   'attempt', coalesce((run->>'attempt')::int, 0) + 1))
                               || shown,
                           coalesce(processing_metadata, '{}'::jsonb) || shown
                    FROM (SELECT coalesce(conversation_analysis->'intake', '{}'::jsonb) AS run,
                                 jsonb_build_object(
                                     'current_step', $3::text,
                                     'progress', greatest($7::int, %1$s),
                                     'status_detail', $8::text) AS shown) AS state)
            WHERE id = $1
              AND conversation_analysis->'intake'->>'run_id' = $2
              AND conversation_analysis->>'current_step' = $3
              AND status = ANY($9::interview_status[])
              AND (conversation_analysis->'intake'->>'lease_until' IS NULL
                   OR (conversation_analysis->'intake'->>'lease_until')::timestamptz < now())
            RETURNING %2$s""".formatted(ShownProgress.FLOOR, Interview.COLUMNS);

    /**
     * Records step $3 as done (in completed_steps once, with its timing) and points current_step at $6,
     * the next step or 'complete', releasing the lease; the step's outputs $9 are merged in
     * (e.g. evidence_count). Only the lease's owner $4, from the statuses $10.
     */
    @Sql
    static final String COMPLETE = """
            UPDATE interviews
            SET status = $5::interview_status,
                updated_at = now(),
                (conversation_analysis, processing_metadata) = (
                    SELECT (coalesce(conversation_analysis, '{}'::jsonb) - 'last_error')
                               || jsonb_build_object('intake',
                                   (run - 'lease_owner' - 'lease_until' - 'attempt' - 'retry_at' - 'error')
                                   || jsonb_build_object(
                                       'heartbeat_at', now(),
                                       'progress_at', now(),
                                       'step_timings', coalesce(run->'step_timings', '{}'::jsonb)
                                           || jsonb_build_object($3::text, jsonb_build_object(
                                               'started_at', run->'step_started_at',
                                               'completed_at', now(),
                                               'seconds', round(extract(epoch FROM now()
                                                   - coalesce((run->>'step_started_at')::timestamptz, now()))::numeric, 3),
                                               -- The claims it took, and what the last failed one said:
                                               -- the console's timeline shows retries.
                                               'attempts', coalesce((run->>'attempt')::int, 1),
                                               'retried_after', run->'error'->'message'))))
                               || $9::jsonb
                               || shown,
                           coalesce(processing_metadata, '{}'::jsonb) || shown
                    FROM (SELECT coalesce(conversation_analysis->'intake', '{}'::jsonb) AS run,
                                 CASE WHEN jsonb_typeof(conversation_analysis->'completed_steps') = 'array'
                                      THEN conversation_analysis->'completed_steps' ELSE '[]'::jsonb END AS done) AS state,
                         LATERAL (SELECT jsonb_build_object(
                                     'completed_steps', CASE WHEN done ? $3 THEN done
                                                             ELSE done || jsonb_build_array($3::text) END,
                                     'current_step', $6::text,
                                     'progress', greatest($7::int, %1$s),
                                     'status_detail', $8::text)
                                     || CASE WHEN $6::text = 'complete'
                                             THEN jsonb_build_object('completed_at', now()) ELSE '{}'::jsonb END
                                     AS shown) AS mirror)
            WHERE id = $1
              AND conversation_analysis->'intake'->>'run_id' = $2
              AND conversation_analysis->>'current_step' = $3
              AND conversation_analysis->'intake'->>'lease_owner' = $4
              AND status = ANY($10::interview_status[])
            RETURNING id""".formatted(ShownProgress.FLOOR);

    /**
     * A transient failure with attempts left: the lease is released, the step stays current, and the
     * error is recorded under Intake's key (the interview stays in flight) for whoever looks before the
     * retry $6 seconds from now. Only the lease's owner $2.
     */
    @Sql
    static final String RETRY = """
            UPDATE interviews
            SET updated_at = now(),
                (conversation_analysis, processing_metadata) = (
                    SELECT coalesce(conversation_analysis, '{}'::jsonb)
                               || jsonb_build_object('intake', (run - 'lease_owner' - 'lease_until') || jsonb_build_object(
                                   'error', jsonb_strip_nulls(jsonb_build_object(
                                       'step', $3::text, 'message', $4::text, 'kind', 'transient',
                                       'attempts', $5::int, 'at', now(), 'detail', $8::text)),
                                   'retry_at', now() + make_interval(secs => $6::double precision)))
                               || shown,
                           coalesce(processing_metadata, '{}'::jsonb) || shown
                    FROM (SELECT coalesce(conversation_analysis->'intake', '{}'::jsonb) AS run,
                                 jsonb_build_object('status_detail', $7::text) AS shown) AS state)
            WHERE id = $1 AND conversation_analysis->'intake'->>'lease_owner' = $2
            RETURNING id""";

    /**
     * A step whose work goes on elsewhere (a provider transcribing) lets go until its next check in $4
     * seconds: the lease is released, the claim just made is not counted as an attempt (attempts count
     * failures), a stale transient error is cleared, and the detail $3 says what it waits for. A check
     * of a provider's job is progress: the step's own bound (its max wait) and the run's deadline end a
     * job that never finishes. Only the lease's owner $2.
     */
    @Sql
    static final String AWAIT = """
            UPDATE interviews
            SET updated_at = now(),
                (conversation_analysis, processing_metadata) = (
                    SELECT coalesce(conversation_analysis, '{}'::jsonb)
                               || jsonb_build_object('intake', (run - 'lease_owner' - 'lease_until' - 'error') || jsonb_build_object(
                                   'attempt', greatest(coalesce((run->>'attempt')::int, 1) - 1, 0),
                                   'heartbeat_at', now(),
                                   'progress_at', now(),
                                   'retry_at', now() + make_interval(secs => $4::double precision)))
                               || shown,
                           coalesce(processing_metadata, '{}'::jsonb) || shown
                    FROM (SELECT coalesce(conversation_analysis->'intake', '{}'::jsonb) AS run,
                                 jsonb_build_object('status_detail', $3::text) AS shown) AS state)
            WHERE id = $1 AND conversation_analysis->'intake'->>'lease_owner' = $2
            RETURNING id""";

    /** A long step's heartbeat: the lease is extended by $3 seconds, so the sweeper sees it alive. */
    @Sql
    static final String RENEW = """
            UPDATE interviews
            SET updated_at = now(),
                conversation_analysis = coalesce(conversation_analysis, '{}'::jsonb) || jsonb_build_object('intake',
                    coalesce(conversation_analysis->'intake', '{}'::jsonb) || jsonb_build_object(
                        'lease_until', now() + make_interval(secs => $3::double precision),
                        'heartbeat_at', now()))
            WHERE id = $1 AND conversation_analysis->'intake'->>'lease_owner' = $2
            RETURNING id""";

    /**
     * How long the interview's lease has left by the database's clock (the clock that set it and that
     * every claim compares with): zero when it ran out, no row when there is no lease.
     */
    @Sql
    static final String TIME_LEFT = """
            SELECT greatest(extract(epoch FROM
                       (conversation_analysis->'intake'->>'lease_until')::timestamptz - now()), 0)::double precision AS seconds
            FROM interviews
            WHERE id = $1 AND conversation_analysis->'intake'->>'lease_until' IS NOT NULL""";

    private final Db db;

    StepLeases(Db db) {
        this.db = db;
    }

    /** Takes the lease on {@code step} of run {@code runId}; empty when the step is not ours to run. */
    public Optional<Interview> claim(Lease lease, String runId, Step step, Duration leaseFor) {
        return claimed(db.execute(CLAIM, claimArgs(lease, runId, step, leaseFor)));
    }

    /** Extends the lease; LOST means another invocation took the step over. */
    public Race renew(Lease lease, Duration leaseFor) {
        RowSet<Row> rows = db.execute(RENEW, Tuple.of(lease.interviewId(), lease.owner(), leaseFor.toMillis() / 1000.0));
        return Races.judge(db, rows, lease.interviewId(), Races.ANY_STATUS, "RENEW");
    }

    /** The time the interview's lease has left, by the database's clock; empty when it holds no lease. */
    public Optional<Duration> timeLeft(java.util.UUID id) {
        RowSet<Row> rows = db.execute(TIME_LEFT, Tuple.of(id));
        return rows.rowCount() == 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis((long) (rows.iterator().next().getDouble("seconds") * 1000)));
    }

    /** How the transaction that ended a step went, and the next step's claim when one was asked for. */
    public record Ended(Race race, Optional<Interview> claimed) {
    }

    /**
     * Records {@code step} as done in one transaction with the step's kept writes and, given
     * {@code nextLease}, the claim of the next step: the lease proven (the row locked), the writes
     * made, then the completion and the claim sent with the commit. When this engine runs the next step
     * too, the step costs one commit; a claim lost to another owner leaves the next step to its usual
     * claim. {@code next} empty means the run is complete; {@code outputs} are merged into
     * conversation_analysis.
     */
    public Ended complete(Lease lease, String runId, Step step, Optional<Step> next, JsonObject outputs,
                          FencedWrites.Kept writes, Optional<Lease> nextLease, Duration leaseFor) {
        String nextKey = next.map(Step::key).orElse(Step.COMPLETE);
        int progress = next.isPresent() ? step.endProgress() : 100;
        String detail = next.map(s -> "Completed " + step.key() + "; next: " + s.key()).orElse("Ready");
        InterviewStatus status = next.isPresent() ? step.doneStatus() : InterviewStatus.READY;
        StatusTransitions.check(step.runningStatus(), status);
        List<Db.Statement> statements = new ArrayList<>(List.of(new Db.Statement(COMPLETE,
                Tuple.from(Arrays.asList(lease.interviewId(), runId, step.key(), lease.owner(), status.dbValue(), nextKey,
                        progress, detail, outputs, StatusSql.values(List.of(step.runningStatus())))))));
        if (next.isPresent() && nextLease.isPresent()) {
            statements.add(new Db.Statement(CLAIM, claimArgs(nextLease.get(), runId, next.get(), leaseFor)));
        }
        Optional<List<RowSet<Row>>> rows = end(lease, writes, statements);
        Race race = Races.judge(db, rows.map(r -> r.get(0).rowCount()).orElse(0), lease.interviewId(),
                List.of(step.runningStatus()), "COMPLETE");
        Optional<Interview> claimed = rows.filter(r -> r.size() > 1).flatMap(r -> claimed(r.get(1)));
        return new Ended(race, race.won() ? claimed : Optional.empty());
    }

    /** Releases a step that waits for work done elsewhere until {@code checkAgainIn}; LOST when the lease was taken over. */
    public Race await(Lease lease, String detail, Duration checkAgainIn, FencedWrites.Kept writes) {
        int changed = end(lease, writes, AWAIT, Tuple.of(lease.interviewId(), lease.owner(), detail,
                checkAgainIn.toMillis() / 1000.0));
        return Races.judge(db, changed, lease.interviewId(), Races.ANY_STATUS, "AWAIT");
    }

    /** Releases the lease of a step that failed transiently, recording the error; the engine retries it after {@code delay}. */
    public Race retry(Lease lease, StepError error, Duration delay, FencedWrites.Kept writes) {
        int changed = end(lease, writes, RETRY, Tuple.from(Arrays.asList(lease.interviewId(), lease.owner(),
                error.step(), error.message(), error.attempts(), delay.toMillis() / 1000.0,
                "Retrying " + error.step() + " in " + Math.max(1, delay.toSeconds()) + " s after: " + error.message(),
                error.operatorDetail())));
        return Races.judge(db, changed, lease.interviewId(), Races.ANY_STATUS, "RETRY");
    }

    /** Fails the interview from its claimed step, in one transaction with the step's kept writes. */
    public Race fail(Lease lease, StepError error, FencedWrites.Kept writes) {
        Set<InterviewStatus> from = StatusTransitions.predecessorsOf(InterviewStatus.ERROR);
        int changed = end(lease, writes, FailureRecord.RECORD_FAILURE,
                FailureRecord.parameters(lease.interviewId(), lease.owner(), null, from, error));
        return Races.judge(db, changed, lease.interviewId(), from, "RECORD_FAILURE");
    }

    private static Tuple claimArgs(Lease lease, String runId, Step step, Duration leaseFor) {
        return Tuple.from(Arrays.asList(lease.interviewId(), runId, step.key(), step.runningStatus().dbValue(),
                lease.owner(), (double) leaseFor.toMillis() / 1000.0, step.startProgress(), step.detail(),
                StatusSql.values(StatusTransitions.claimableFrom(step))));
    }

    private static Optional<Interview> claimed(RowSet<Row> rows) {
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(Interview.from(rows.iterator().next()));
    }

    /**
     * The transaction that ends a step: with kept writes, the lease is proven first and the writes made,
     * then {@code last} goes with the commit. Empty when the lease was no longer the step's.
     */
    private Optional<List<RowSet<Row>>> end(Lease lease, FencedWrites.Kept writes, List<Db.Statement> last) {
        try {
            return Optional.of(db.inTransaction(tx -> {
                if (!writes.isEmpty()) {
                    LeaseFence.send(tx, lease);
                    writes.makeIn(tx);
                }
                return tx.executeAllAndCommit(last);
            }));
        } catch (LeaseLostException e) {
            return Optional.empty();
        }
    }

    private int end(Lease lease, FencedWrites.Kept writes, String sql, Tuple args) {
        return end(lease, writes, List.of(new Db.Statement(sql, args))).map(r -> r.get(0).rowCount()).orElse(0);
    }
}
