-- What Intake adds to an Insights database: additive and idempotent, so it runs the same on a
-- database Intake created (after V1) and on a live Insights one (baselined past V1). Intake's own
-- tables live in the `intake` schema, which Supabase's API does not expose.

SET LOCAL search_path = public;

-- The Recall.ai ids an interview came from, so a redelivered webhook finds the interview it created.
-- recall_recording_id is Insights' own (migration 20260116000000_recall_desktop_integration, UNIQUE,
-- so its index is named interviews_recall_recording_id_key like the one here, which is then
-- skipped); a database from before it gets the same. The bot id has no Insights column: it lives in
-- Intake's run state, unique there.
ALTER TABLE interviews ADD COLUMN IF NOT EXISTS recall_recording_id text;
CREATE UNIQUE INDEX IF NOT EXISTS interviews_recall_recording_id_key ON interviews (recall_recording_id);
CREATE UNIQUE INDEX IF NOT EXISTS intake_interviews_recall_bot_key
    ON interviews ((conversation_analysis->'intake'->>'recall_bot_id'));

-- Interviews Intake owns carry conversation_analysis.intake (its run state). The sweeper scans the
-- ones in flight, oldest activity first; every transition and heartbeat sets updated_at.
CREATE INDEX IF NOT EXISTS intake_interviews_in_flight_idx ON interviews (status, updated_at)
    WHERE status IN ('uploading', 'uploaded', 'transcribing', 'transcribed', 'processing')
      AND conversation_analysis ? 'intake';

-- Lost upload events: interviews still 'uploading', owned by Intake or not yet by anyone, walked in
-- (updated_at, id) order from where the last sweep stopped (intake.sweep_cursors).
CREATE INDEX IF NOT EXISTS intake_interviews_uploading_idx ON interviews (updated_at, id)
    WHERE status = 'uploading';

CREATE TABLE IF NOT EXISTS intake.sweep_cursors (
    name         text PRIMARY KEY,
    updated_at   timestamptz NOT NULL,
    interview_id uuid NOT NULL
);

-- Every row a step wrote, so a re-run replaces exactly those (and the order it wrote them in) and
-- never a row Insights or a person wrote for the same interview.
CREATE TABLE IF NOT EXISTS intake.interview_outputs (
    interview_id uuid NOT NULL REFERENCES public.interviews (id) ON DELETE CASCADE,
    table_name   text NOT NULL,
    row_id       text NOT NULL,
    position     integer NOT NULL DEFAULT 0,
    written_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (table_name, row_id)
);
CREATE INDEX IF NOT EXISTS interview_outputs_interview_idx
    ON intake.interview_outputs (interview_id, table_name, position);
