-- Cutover from Insights' own pipeline: with intake.sweeper.adopt-uploaded-after set, the sweeper takes
-- over 'uploaded' interviews that no pipeline started (Insights' web upload leaves them for Intake).
-- They are few among all interviews; this index holds only them, oldest first, so each sweep's scan
-- reads a handful of entries. Its predicate is store/InterviewStore.UNCLAIMED_UPLOAD, spelled the same.
CREATE INDEX IF NOT EXISTS intake_interviews_unclaimed_uploads_idx ON interviews (updated_at)
    WHERE status = 'uploaded'
      AND media_url IS NOT NULL
      AND NOT (coalesce(conversation_analysis, '{}'::jsonb)
               ?| ARRAY['intake', 'trigger_run_id', 'current_step', 'workflow_state'])
      AND NOT (coalesce(processing_metadata, '{}'::jsonb) ?| ARRAY['trigger_run_id', 'current_step'])
      AND coalesce(media_type, '') NOT IN ('document', 'voice_memo');
