package dev.intake.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.StepError;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one statement that marks an interview failed, whoever fails it: the step that held the lease, the
 * engine ending a run, an entry point, the sweeper.
 */
final class FailureRecord {

    /**
     * Insights' readers get what they read: last_error as a string in conversation_analysis, and
     * processing_metadata's error and failed_at, which the web app shows; Intake's structured error
     * goes under its own key. With a lease ($2) only its owner may; with a run ($9) only while that run
     * is the interview's; and only from the statuses $8.
     */
    @Sql
    static final String RECORD_FAILURE = """
            UPDATE interviews
            SET status = 'error',
                updated_at = now(),
                (conversation_analysis, processing_metadata) = (
                    SELECT coalesce(conversation_analysis, '{}'::jsonb)
                               || jsonb_build_object(
                                   'last_error', $4::text,
                                   'intake', (run - 'lease_owner' - 'lease_until' - 'retry_at') || jsonb_build_object(
                                       'owned_at', coalesce(run->'owned_at', to_jsonb(now())),
                                       'error', jsonb_strip_nulls(jsonb_build_object(
                                           'step', $3::text, 'message', $4::text, 'kind', $5::text,
                                           'attempts', $6::int, 'at', now(), 'detail', $10::text))))
                               || shown,
                           coalesce(processing_metadata, '{}'::jsonb) || jsonb_build_object('error', $7::text) || shown
                    FROM (SELECT coalesce(conversation_analysis->'intake', '{}'::jsonb) AS run,
                                 jsonb_build_object('failed_at', now(), 'status_detail', $7::text) AS shown) AS state)
            WHERE id = $1
              AND ($2::text IS NULL OR conversation_analysis->'intake'->>'lease_owner' = $2)
              AND status = ANY($8::interview_status[])
              AND ($9::text IS NULL OR conversation_analysis->'intake'->>'run_id' = $9)
            RETURNING id""";

    private FailureRecord() {
    }

    /** {@link #RECORD_FAILURE}'s parameters, bound in one place for every caller. */
    static Tuple parameters(UUID id, String leaseOwner, String runId, Collection<InterviewStatus> from, StepError error) {
        return Tuple.from(Arrays.asList(id, leaseOwner, error.step(), error.message(), error.kind().dbValue(),
                error.attempts(), error.detail(), StatusSql.values(from), runId, error.operatorDetail()));
    }
}
