-- What the pipeline writes and the indexes its queries need.

-- Each step replaces its own output for one interview, so every output table is keyed by interview,
-- and keeps the order the analyzer gave (position) so a re-run reads back the same list.
ALTER TABLE evidence ADD COLUMN position integer NOT NULL DEFAULT 0;
ALTER TABLE themes   ADD COLUMN position integer NOT NULL DEFAULT 0;
ALTER TABLE personas ADD COLUMN position integer NOT NULL DEFAULT 0;
ALTER TABLE themes   ADD COLUMN interview_id uuid REFERENCES interviews (id) ON DELETE CASCADE;
ALTER TABLE personas ADD COLUMN interview_id uuid REFERENCES interviews (id) ON DELETE CASCADE;
ALTER TABLE personas ADD COLUMN goals jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE personas ADD COLUMN pains jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE project_answers ADD COLUMN status text NOT NULL DEFAULT 'answered';
ALTER TABLE project_answers ADD COLUMN evidence_ids uuid[] NOT NULL DEFAULT '{}';

CREATE INDEX evidence_interview_idx         ON evidence (interview_id, position);
CREATE INDEX interview_people_person_idx    ON interview_people (person_id);
CREATE INDEX themes_interview_idx           ON themes (interview_id, position);
CREATE INDEX theme_evidence_evidence_idx    ON theme_evidence (evidence_id);
CREATE INDEX personas_interview_idx         ON personas (interview_id, position);
CREATE INDEX project_answers_interview_idx  ON project_answers (interview_id);
CREATE INDEX project_questions_project_idx  ON project_questions (project_id, position);

-- People are one per name within a project, shared by the interviews they appear in. Older data may
-- hold the same name twice: fold duplicates into the oldest row before the unique index exists.
WITH ranked AS (
    SELECT id, first_value(id) OVER (PARTITION BY project_id, lower(name) ORDER BY created_at, id) AS keep
    FROM people
), moved AS (
    INSERT INTO interview_people (interview_id, person_id, role)
    SELECT ip.interview_id, r.keep, ip.role
    FROM interview_people ip JOIN ranked r ON r.id = ip.person_id
    WHERE r.id <> r.keep
    ON CONFLICT DO NOTHING
    RETURNING 1
)
DELETE FROM people p USING ranked r WHERE p.id = r.id AND r.id <> r.keep;
CREATE UNIQUE INDEX people_project_name_key ON people (project_id, lower(name));

-- Upload completion and the sweeper look an interview up by its object key.
CREATE UNIQUE INDEX interviews_media_key_key ON interviews (media_key) WHERE media_key IS NOT NULL;

-- Stuck detection: interviews in flight, oldest activity first. Every transition and heartbeat
-- sets updated_at, so it is the interview's last sign of life.
CREATE INDEX interviews_in_flight_idx ON interviews (status, updated_at)
    WHERE status IN ('uploading', 'uploaded', 'transcribing', 'transcribed', 'processing');
