-- Folds analysis_jobs into interviews.conversation_analysis and drops the table: the interviews
-- row becomes the only state of an interview's processing.
--
-- Merge rules, chosen so nothing is lost:
--  * one interview may have several jobs (re-runs); the newest (updated_at, then created_at) is
--    the interview's state, and the ids of all its jobs are kept in migrated_analysis_job_ids;
--  * keys already in conversation_analysis that the job does not set are kept as they are;
--  * a job field that is NULL never erases a value that is there;
--  * completed_steps is the union of both, the existing order first;
--  * the legacy text last_error becomes the structured {step, message, kind, at} readers expect.

WITH latest AS (
    SELECT DISTINCT ON (interview_id) *
    FROM analysis_jobs
    ORDER BY interview_id, updated_at DESC, created_at DESC, id
), all_ids AS (
    SELECT interview_id, jsonb_agg(id ORDER BY created_at, id) AS ids
    FROM analysis_jobs
    GROUP BY interview_id
)
UPDATE interviews i
SET conversation_analysis =
        coalesce(i.conversation_analysis, '{}'::jsonb)
        || jsonb_strip_nulls(jsonb_build_object(
               'trigger_run_id',      j.trigger_run_id,
               'workflow_state',      j.workflow_state,
               'current_step',        j.current_step,
               'evidence_count',      j.evidence_count,
               'custom_instructions', j.custom_instructions,
               'transcript_data',     j.transcript_data,
               'last_error', CASE WHEN j.last_error IS NULL THEN NULL ELSE jsonb_build_object(
                                 'step', j.current_step,
                                 'message', j.last_error,
                                 'kind', 'legacy',
                                 'at', j.updated_at) END))
        || jsonb_build_object(
               'completed_steps', (
                   SELECT coalesce(jsonb_agg(step ORDER BY ord), '[]'::jsonb)
                   FROM (
                       SELECT step, min(ord) AS ord
                       FROM (
                           SELECT value AS step, ordinality AS ord
                           FROM jsonb_array_elements_text(
                                    CASE WHEN jsonb_typeof(i.conversation_analysis -> 'completed_steps') = 'array'
                                         THEN i.conversation_analysis -> 'completed_steps'
                                         ELSE '[]'::jsonb END) WITH ORDINALITY
                           UNION ALL
                           SELECT step, 1000000 + ord
                           FROM unnest(j.completed_steps) WITH ORDINALITY AS u(step, ord)
                       ) steps
                       GROUP BY step
                   ) merged),
               'migrated_from_analysis_job', j.id,
               'migrated_analysis_job_ids', a.ids,
               'migrated_at', now()),
    updated_at = now()
FROM latest j
JOIN all_ids a ON a.interview_id = j.interview_id
WHERE i.id = j.interview_id;

DROP TABLE analysis_jobs;
