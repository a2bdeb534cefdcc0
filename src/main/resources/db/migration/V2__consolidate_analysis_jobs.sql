-- Where the old pipeline's analysis_jobs table still exists (an Insights database that never ran
-- Insights' own 20251202150000_consolidate_analysis_jobs), do what that migration did: merge the
-- job into interviews.conversation_analysis under the same keys, last_error kept a string as every
-- Insights writer has it, and drop the table. Two things it lost are kept:
--  * every job, with every column (status, timestamps, older jobs of the same interview), is copied
--    to intake.analysis_jobs_archive before the drop, with its interview's updated_at of that moment;
--  * the newest job per interview is merged (Insights' UPDATE ... FROM picked an arbitrary one).
-- Insights' triggers stay on (a hosted database may not let the migrating role turn them off, and
-- they are Insights' to run): its timestamp trigger sets updated_at of every merged interview to
-- the merge's time, so the interview's updated_at before the merge is kept in
-- conversation_analysis.updated_at_before_merge, where staleness checks read it while the merge is
-- the interview's last write (DiagnosticsStore), so an interview stuck for hours still looks stuck.
-- Anything of someone else that depends on analysis_jobs (a view, a foreign key, a rule, a function)
-- makes the migration fail naming it, before it changes anything: the table is never dropped with
-- CASCADE, which would drop those silently.
-- Everywhere else (every Insights database migrated since 2025-12-02, and a new one) this is a no-op.

SET LOCAL search_path = public;

DO $$
DECLARE
    dependents text;
BEGIN
    IF to_regclass('public.analysis_jobs') IS NULL THEN
        RETURN;
    END IF;

    -- Objects the table's own DROP takes with it (its indexes, constraints, triggers, policies,
    -- rules and defaults) depend on it automatically or internally; any other dependency is a
    -- normal one, on the table or its row type, and would need CASCADE.
    SELECT string_agg(DISTINCT pg_describe_object(d.classid, d.objid, d.objsubid), ', ')
    INTO dependents
    FROM pg_depend d
    WHERE d.deptype = 'n'
      AND ((d.refclassid = 'pg_class'::regclass AND d.refobjid = 'public.analysis_jobs'::regclass)
           OR (d.refclassid = 'pg_type'::regclass
               AND d.refobjid = (SELECT reltype FROM pg_class WHERE oid = 'public.analysis_jobs'::regclass)))
      AND NOT EXISTS (
          SELECT 1 FROM pg_depend own
          WHERE own.classid = d.classid AND own.objid = d.objid
            AND own.refclassid = 'pg_class'::regclass AND own.refobjid = 'public.analysis_jobs'::regclass
            AND own.deptype IN ('a', 'i'));

    IF dependents IS NOT NULL THEN
        RAISE EXCEPTION 'public.analysis_jobs is not consolidated: other objects depend on it: %', dependents
            USING ERRCODE = 'dependent_objects_still_exist',
                  HINT = 'Drop them or make them independent of analysis_jobs (its rows move to'
                      || ' interviews.conversation_analysis), then run migrate again; nothing was changed.';
    END IF;

    CREATE TABLE intake.analysis_jobs_archive AS
        SELECT aj.*, i.updated_at AS interview_updated_at
        FROM public.analysis_jobs aj
        LEFT JOIN interviews i ON i.id = aj.interview_id;
    COMMENT ON TABLE intake.analysis_jobs_archive IS
        'Every row of public.analysis_jobs as it was when Intake consolidated it into interviews.conversation_analysis.';
    COMMENT ON COLUMN intake.analysis_jobs_archive.interview_updated_at IS
        'interviews.updated_at of the job''s interview before the consolidation rewrote the interview.';

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
        'migrated_at', now(),
        'updated_at_before_merge', i.updated_at)
    FROM (SELECT DISTINCT ON (interview_id) *
          FROM public.analysis_jobs
          WHERE status::text IN ('pending', 'in_progress', 'done', 'error', 'retry')
          ORDER BY interview_id, updated_at DESC NULLS LAST, created_at DESC NULLS LAST, id) aj
    WHERE i.id = aj.interview_id;

    DROP TABLE public.analysis_jobs;
END
$$;
