-- An Insights database as its web app and its old pipeline left it, before Intake: an account with an
-- owner and a viewer, a project with research questions, project-level themes and personas, people,
-- and interviews in every state the old pipeline left them in:
--   931e3b81  the incident: stuck in processing for 8 hours, the old pipeline's run id and
--             workflow_state in conversation_analysis, a scripted answer and one piece of evidence;
--   0ca1...   an interview the old pipeline finished (ready), with its evidence, theme link and answer;
--   0ca2...   an older row with NULL conversation_analysis, stalled in 'uploaded' (not Intake's);
--   0ca3...   a draft.
-- Triggers are off while loading, so the timestamps are the ones written here.
SET session_replication_role = replica;

INSERT INTO auth.users (id, email) VALUES
    ('00000000-0000-4000-8000-0000000000a1', 'owner@acme.test'),
    ('00000000-0000-4000-8000-0000000000a2', 'viewer@acme.test');

INSERT INTO accounts.accounts (id, primary_owner_user_id, name, slug, personal_account, created_at, updated_at) VALUES
    ('aaaaaaaa-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a1', 'Acme Research', 'acme', false,
     '2025-11-01 09:00+00', '2025-11-01 09:00+00');
INSERT INTO accounts.account_user (user_id, account_id, account_role) VALUES
    ('00000000-0000-4000-8000-0000000000a1', 'aaaaaaaa-0000-4000-8000-000000000001', 'owner'),
    ('00000000-0000-4000-8000-0000000000a2', 'aaaaaaaa-0000-4000-8000-000000000001', 'viewer');

INSERT INTO projects (id, account_id, name, slug, created_at, updated_at) VALUES
    ('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', 'Analyst onboarding',
     'analyst-onboarding', '2025-11-01 09:05+00', '2025-11-01 09:05+00');

INSERT INTO research_questions (id, project_id, text, created_at, updated_at) VALUES
    ('cccccccc-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001',
     'What slows onboarding down?', '2025-11-01 09:10+00', '2025-11-01 09:10+00'),
    ('cccccccc-0000-4000-8000-000000000002', 'bbbbbbbb-0000-4000-8000-000000000001',
     'What have they tried so far?', '2025-11-01 09:11+00', '2025-11-01 09:11+00');

INSERT INTO people (id, account_id, project_id, firstname, lastname, person_type, description, created_at, updated_at) VALUES
    ('dddddddd-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001',
     'Marcus', 'Lee', 'external', 'Written by a researcher: Dana''s manager', '2025-11-02 10:00+00', '2025-11-02 10:00+00'),
    ('dddddddd-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001',
     'Jordan', 'Park', 'external', NULL, '2025-11-02 10:00+00', '2025-11-02 10:00+00');

INSERT INTO themes (id, account_id, project_id, name, statement, interview_id, created_at, updated_at) VALUES
    ('eeeeeeee-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001',
     'Tribal knowledge', 'Know-how lives in people, not documents', '931e3b81-ef32-48c3-b6f3-382461b362e4',
     '2025-11-03 10:00+00', '2025-11-03 10:00+00');

INSERT INTO personas (id, account_id, project_id, name, description, goals, pains, created_at, updated_at) VALUES
    ('ffffffff-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001',
     'Overloaded team lead', 'Written in the web app', ARRAY['ship reports'], ARRAY['interruptions'],
     '2025-11-03 10:00+00', '2025-11-03 10:00+00');

INSERT INTO interviews (id, account_id, project_id, title, status, source_type, media_url, conversation_analysis,
                        processing_metadata, created_by, created_at, updated_at) VALUES
    ('931e3b81-ef32-48c3-b6f3-382461b362e4', 'aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001',
     'Customer call #2 (Dana)', 'processing', 'transcript_import',
     'interviews/aaaaaaaa-0000-4000-8000-000000000001/bbbbbbbb-0000-4000-8000-000000000001/931e3b81-ef32-48c3-b6f3-382461b362e4/call.vtt',
     '{"trigger_run_id": "run_cm3incident", "current_step": "evidence", "completed_steps": ["upload"], "progress": 40,
       "status_detail": "Extracting evidence...",
       "workflow_state": {"interviewId": "931e3b81-ef32-48c3-b6f3-382461b362e4", "completedSteps": ["upload"],
                          "currentStep": "evidence", "lastUpdated": "2025-11-04T02:00:00Z"}}',
     '{"current_step": "evidence", "progress": 40, "status_detail": "Extracting evidence...", "trigger_run_id": "run_cm3incident"}',
     '00000000-0000-4000-8000-0000000000a1', '2025-11-04 01:50+00', now() - interval '8 hours'),
    ('0ca10000-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001',
     'Kickoff with Jordan', 'ready', 'audio_upload', 'interviews/aaaaaaaa-0000-4000-8000-000000000001/kickoff.mp3',
     '{"trigger_run_id": "run_cm2done", "current_step": "complete", "completed_steps": ["upload", "evidence", "insights"],
       "progress": 100, "status_detail": "Analysis complete", "evidence_count": 1}',
     '{"current_step": "complete", "progress": 100, "completed_at": "2025-11-02T11:00:00Z"}',
     NULL, '2025-11-02 10:30+00', '2025-11-02 11:00+00'),
    ('0ca20000-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001',
     'Old upload', 'uploaded', 'audio_upload', 'interviews/aaaaaaaa-0000-4000-8000-000000000001/old.mp3',
     NULL, NULL, NULL, '2025-06-01 10:00+00', '2025-06-01 10:05+00'),
    ('0ca30000-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001',
     'Planned call', 'draft', NULL, NULL, NULL, '{}', NULL, '2025-11-05 10:00+00', '2025-11-05 10:00+00');

-- The incident's transcript as Insights' upload step saved it (AssemblyAI's shape: milliseconds).
UPDATE interviews SET
    transcript = 'Priya Raman: How do new analysts get up to speed?' || chr(10) || 'Dana Whitfield: Honestly, it''s painful.',
    transcript_formatted = '{"full_transcript": "…", "audio_duration": 41.0, "language_code": "en",
      "speaker_transcripts": [
        {"speaker": "Priya Raman", "text": "How do new analysts get up to speed when they join?", "start": 13900, "end": 17400, "confidence": 0.93},
        {"speaker": "Dana Whitfield", "text": "Honestly, it''s painful. We copy the same onboarding spreadsheet for every hire, and it takes about two weeks before they can ship a report on their own.", "start": 18100, "end": 26500, "confidence": 0.91},
        {"speaker": "Priya Raman", "text": "What makes it take two weeks?", "start": 27000, "end": 30200},
        {"speaker": "Dana Whitfield", "text": "Mostly finding the right data. Our depot codes changed twice last year and nobody wrote down the mapping. My manager, Marcus Lee, keeps asking why reports are late.", "start": 30900, "end": 41000}]}',
    duration_sec = 41
WHERE id = '931e3b81-ef32-48c3-b6f3-382461b362e4';

INSERT INTO evidence (id, account_id, project_id, interview_id, verbatim, gist, anchors, created_at, updated_at) VALUES
    ('e0000000-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001',
     '0ca10000-0000-4000-8000-000000000001', 'Nobody owns the depot code mapping.', 'No owner for depot codes',
     '[{"start_ms": 12000, "end_ms": 15000}]', '2025-11-02 11:00+00', '2025-11-02 11:00+00'),
    ('e0000000-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001',
     '931e3b81-ef32-48c3-b6f3-382461b362e4', 'A quote the old pipeline saved before it stopped.', 'Partial output',
     '[]', '2025-11-04 02:00+00', '2025-11-04 02:00+00');

INSERT INTO theme_evidence (id, theme_id, evidence_id, account_id, project_id, created_at) VALUES
    ('e1000000-0000-4000-8000-000000000001', 'eeeeeeee-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001',
     'aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001', '2025-11-02 11:00+00');

INSERT INTO interview_people (interview_id, person_id, project_id, role, transcript_key, created_at, updated_at) VALUES
    ('0ca10000-0000-4000-8000-000000000001', 'dddddddd-0000-4000-8000-000000000002', 'bbbbbbbb-0000-4000-8000-000000000001',
     'participant', 'A', '2025-11-02 11:00+00', '2025-11-02 11:00+00');

INSERT INTO project_answers (id, project_id, interview_id, research_question_id, question_text, status, origin,
                             answer_text, created_at, updated_at) VALUES
    ('a0000000-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001', '931e3b81-ef32-48c3-b6f3-382461b362e4',
     'cccccccc-0000-4000-8000-000000000001', 'What slows onboarding down?', 'planned', 'scripted', NULL,
     '2025-11-04 01:50+00', '2025-11-04 01:50+00'),
    ('a0000000-0000-4000-8000-000000000002', 'bbbbbbbb-0000-4000-8000-000000000001', '0ca10000-0000-4000-8000-000000000001',
     'cccccccc-0000-4000-8000-000000000001', 'What slows onboarding down?', 'answered', 'analysis',
     'Nobody owns the depot code mapping.', '2025-11-02 11:00+00', '2025-11-02 11:00+00');

SET session_replication_role = origin;
