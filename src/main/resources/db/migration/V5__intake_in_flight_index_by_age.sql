-- The sweeper takes the oldest stalled interview first (ORDER BY updated_at LIMIT 1). Keyed on
-- (status, updated_at), the in-flight index could not give that order across the four in-flight
-- statuses, so on a large table the planner walked every interview by age instead (1,000,000 rows:
-- 4 ms). Keyed on updated_at alone, with the same predicate, its first entries are the oldest in
-- flight: the scan reads a handful of them.
DROP INDEX IF EXISTS intake_interviews_in_flight_idx;
CREATE INDEX IF NOT EXISTS intake_interviews_in_flight_idx ON interviews (updated_at)
    WHERE status IN ('uploading', 'uploaded', 'transcribing', 'transcribed', 'processing')
      AND conversation_analysis ? 'intake';
