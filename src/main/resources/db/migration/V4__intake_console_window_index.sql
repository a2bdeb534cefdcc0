-- The operator console counts Intake's interviews changed within a window (24 hours by default):
-- per status and step, ended per hour, errors, step durations. Without this index each of those
-- reads every row of interviews; with it, only the window's.
CREATE INDEX IF NOT EXISTS intake_interviews_recent_idx ON interviews (updated_at)
    WHERE conversation_analysis ? 'intake';
