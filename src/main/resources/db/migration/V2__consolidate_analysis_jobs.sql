-- Where the old pipeline's analysis_jobs table still exists (an Insights database that never ran
-- Insights' own 20251202150000_consolidate_analysis_jobs), do what that migration did: merge the
-- job into interviews.conversation_analysis under the same keys, last_error kept a string as every
-- Insights writer has it, and drop the table. Two things it lost are kept:
--  * every job, with every column (status, timestamps, older jobs of the same interview), is copied
--    to intake.analysis_jobs_archive before the drop;
--  * the newest job per interview is merged (Insights' UPDATE ... FROM picked an arbitrary one),
--    and interviews.updated_at is left as it was, so an interview stuck for hours still looks stuck.
-- Everywhere else (every Insights database migrated since 2025-12-02, and a new one) this is a no-op.

SET LOCAL search_path = public;

DO $$
BEGIN
    IF to_regclass('public.analysis_jobs') IS NULL THEN
        RETURN;
    END IF;

    CREATE TABLE intake.analysis_jobs_archive AS TABLE public.analysis_jobs;
    COMMENT ON TABLE intake.analysis_jobs_archive IS
        'Every row of public.analysis_jobs as it was when Intake consolidated it into interviews.conversation_analysis.';

    -- Insights' timestamp trigger would set updated_at to now() on every merged row. Turning
    -- triggers off needs a role that may; without it the merge still runs and says what it cost.
    BEGIN
        SET LOCAL session_replication_role = replica;
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE WARNING 'cannot disable triggers for the analysis_jobs merge: interviews.updated_at of merged rows becomes now()';
    END;

    UPDATE interviews i
    SET conversation_analysis = COALESCE(i.conversation_analysis, '{}'::jsonb) || jsonb_build_object(
        'trigger_run_id', aj.trigger_run_id,
        'workflow_state', aj.workflow_state,
        'completed_steps', aj.completed_steps,
        'current_step', aj.current_step,
        'evidence_count', aj.evidence_count,
        'custom_instructions', aj.custom_instructions,
        'last_error', aj.last_error,
        'transcript_data', aj.transcript_data,
        'migrated_from_analysis_job', aj.id,
        'migrated_at', now())
    FROM (SELECT DISTINCT ON (interview_id) *
          FROM public.analysis_jobs
          WHERE status::text IN ('pending', 'in_progress', 'done', 'error', 'retry')
          ORDER BY interview_id, updated_at DESC NULLS LAST, created_at DESC NULLS LAST, id) aj
    WHERE i.id = aj.interview_id;

    SET LOCAL session_replication_role = origin;

    DROP TABLE public.analysis_jobs CASCADE;
END
$$;
