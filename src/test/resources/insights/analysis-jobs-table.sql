-- The old pipeline's analysis_jobs table as Insights' migrations left it before
-- 20251202150000_consolidate_analysis_jobs dropped it: created by 20250817021438_transcription_pipeline_jobs
-- (columns, key, index, foreign key, row level security, its policies and triggers), extended by
-- 20251022063101_runid (trigger_run_id) and 20251122074555_add_workflow_state_columns_only. Loaded
-- on the migrations-built database (which ran the consolidation) to give it the table back; the
-- job_status enum is still there (20251202133000 kept it).
CREATE TABLE public.analysis_jobs (
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    interview_id uuid NOT NULL,
    transcript_data jsonb NOT NULL,
    custom_instructions text,
    progress integer DEFAULT 0,
    attempts integer DEFAULT 0,
    last_error text,
    status job_status NOT NULL DEFAULT 'pending'::job_status,
    status_detail text,
    created_at timestamp with time zone DEFAULT now(),
    updated_at timestamp with time zone DEFAULT now(),
    trigger_run_id text,
    workflow_state jsonb,
    completed_steps text[],
    current_step text,
    evidence_count integer
);
ALTER TABLE public.analysis_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.analysis_jobs ADD CONSTRAINT analysis_jobs_pkey PRIMARY KEY (id);
CREATE INDEX idx_analysis_jobs_status_created ON public.analysis_jobs USING btree (status, created_at);
ALTER TABLE public.analysis_jobs ADD CONSTRAINT analysis_jobs_interview_id_fkey
    FOREIGN KEY (interview_id) REFERENCES interviews(id) ON DELETE CASCADE;

CREATE OR REPLACE FUNCTION public.notify_analysis_job()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  perform pg_notify('analysis_jobs_channel', new.id::text);
  return new;
end;
$function$;

CREATE POLICY "Users can view analysis jobs for their interviews" ON public.analysis_jobs
    AS PERMISSIVE FOR SELECT TO public
    USING ((interview_id IN (SELECT interviews.id FROM interviews WHERE (interviews.account_id = auth.uid()))));
CREATE POLICY "Users can update analysis jobs for their interviews" ON public.analysis_jobs
    AS PERMISSIVE FOR UPDATE TO public
    USING ((interview_id IN (SELECT interviews.id FROM interviews WHERE (interviews.account_id = auth.uid()))));

CREATE TRIGGER analysis_job_notify AFTER INSERT ON public.analysis_jobs FOR EACH ROW EXECUTE FUNCTION notify_analysis_job();
CREATE TRIGGER set_analysis_jobs_timestamp BEFORE INSERT OR UPDATE ON public.analysis_jobs
    FOR EACH ROW EXECUTE FUNCTION accounts.trigger_set_timestamps();
