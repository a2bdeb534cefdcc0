-- Rows as the previous system left them, loaded at schema version 1 (before consolidation).
INSERT INTO accounts (id, name) VALUES ('d7b69d5e-a952-41a6-931f-e2fed1d82e85', 'Acme Research');
INSERT INTO account_members (account_id, user_id, role) VALUES ('d7b69d5e-a952-41a6-931f-e2fed1d82e85', '11111111-1111-4111-8111-111111111111', 'owner');
INSERT INTO projects (id, account_id, name) VALUES ('6dbcbb68-0662-4ebc-9f84-dd13b8ff758d', 'd7b69d5e-a952-41a6-931f-e2fed1d82e85', 'Onboarding');
INSERT INTO project_questions (id, project_id, question, position) VALUES ('22222222-2222-4222-8222-222222222222', '6dbcbb68-0662-4ebc-9f84-dd13b8ff758d', 'What slows onboarding?', 0);

-- A: one job; the interview row already holds some state of its own.
INSERT INTO interviews (id, account_id, project_id, title, status, media_key, transcript, conversation_analysis, created_at, updated_at)
VALUES ('aaaaaaaa-0000-4000-8000-000000000001', 'd7b69d5e-a952-41a6-931f-e2fed1d82e85', '6dbcbb68-0662-4ebc-9f84-dd13b8ff758d',
        'Call with Dana', 'processing', 'interviews/a/dana.mp4', 'Dana: hello',
        '{"status_detail": "Analyzing", "completed_steps": ["upload"], "custom_instructions": "old text"}',
        '2026-02-01 10:00:00+00', '2026-02-01 10:05:00+00');
INSERT INTO analysis_jobs (id, interview_id, trigger_run_id, status, workflow_state, completed_steps, current_step,
                           evidence_count, custom_instructions, last_error, transcript_data, created_at, updated_at)
VALUES ('aaaaaaaa-1111-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', 'run_a', 'failed',
        '{"phase": "insights"}', '{upload,evidence}', 'insights', 12, 'Focus on pricing', 'OpenAI timeout',
        '{"speakers": 2}', '2026-02-01 10:00:00+00', '2026-02-01 10:04:00+00');

-- B: two jobs (a re-run); the newer one is the state, and its NULLs erase nothing.
INSERT INTO interviews (id, account_id, project_id, title, status, conversation_analysis)
VALUES ('bbbbbbbb-0000-4000-8000-000000000002', 'd7b69d5e-a952-41a6-931f-e2fed1d82e85', '6dbcbb68-0662-4ebc-9f84-dd13b8ff758d',
        'Call with Sam', 'ready', '{"custom_instructions": "from the interview"}');
INSERT INTO analysis_jobs (id, interview_id, trigger_run_id, status, completed_steps, current_step, evidence_count,
                           custom_instructions, created_at, updated_at)
VALUES ('bbbbbbbb-1111-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000002', 'run_b1', 'failed',
        '{upload}', 'evidence', 3, 'older instructions', '2026-02-02 09:00:00+00', '2026-02-02 09:01:00+00'),
       ('bbbbbbbb-1111-4000-8000-000000000002', 'bbbbbbbb-0000-4000-8000-000000000002', 'run_b2', 'completed',
        '{upload,evidence,enrich-person,insights,personas,answers,finalize}', 'finalize', NULL,
        NULL, '2026-02-02 10:00:00+00', '2026-02-02 10:09:00+00');

-- C: no job at all.
INSERT INTO interviews (id, account_id, project_id, title, status, conversation_analysis)
VALUES ('cccccccc-0000-4000-8000-000000000003', 'd7b69d5e-a952-41a6-931f-e2fed1d82e85', '6dbcbb68-0662-4ebc-9f84-dd13b8ff758d',
        'Draft call', 'draft', '{"progress": 40}');

-- D: the incident: stuck in processing for 8 hours.
INSERT INTO interviews (id, account_id, project_id, title, status, media_key, conversation_analysis, created_at, updated_at)
VALUES ('931e3b81-ef32-48c3-b6f3-382461b362e4', 'd7b69d5e-a952-41a6-931f-e2fed1d82e85', '6dbcbb68-0662-4ebc-9f84-dd13b8ff758d',
        'Customer call #2 (Dana)', 'processing',
        'interviews/d7b69d5e-a952-41a6-931f-e2fed1d82e85/6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/931e3b81-ef32-48c3-b6f3-382461b362e4/Customer call #2 (Dana).mp4',
        '{}', now() - interval '8 hours', now() - interval '8 hours');
INSERT INTO analysis_jobs (id, interview_id, trigger_run_id, status, completed_steps, current_step, created_at, updated_at)
VALUES ('931e3b81-1111-4000-8000-000000000001', '931e3b81-ef32-48c3-b6f3-382461b362e4', 'run_incident', 'running',
        '{upload}', 'evidence', now() - interval '8 hours', now() - interval '8 hours');

-- Outputs of A, including the same person twice under two spellings (older data has such pairs).
INSERT INTO evidence (id, interview_id, project_id, kind, verbatim, speaker, start_sec, end_sec)
VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001', '6dbcbb68-0662-4ebc-9f84-dd13b8ff758d',
        'pain', 'It takes two weeks.', 'Dana', 18.1, 26.5);
INSERT INTO people (id, account_id, project_id, name, description, created_at)
VALUES ('99999999-0000-4000-8000-000000000001', 'd7b69d5e-a952-41a6-931f-e2fed1d82e85', '6dbcbb68-0662-4ebc-9f84-dd13b8ff758d', 'Dana Whitfield', 'Team lead', '2026-01-01 00:00:00+00'),
       ('99999999-0000-4000-8000-000000000002', 'd7b69d5e-a952-41a6-931f-e2fed1d82e85', '6dbcbb68-0662-4ebc-9f84-dd13b8ff758d', 'dana whitfield', NULL, '2026-01-05 00:00:00+00');
INSERT INTO interview_people (interview_id, person_id, role)
VALUES ('aaaaaaaa-0000-4000-8000-000000000001', '99999999-0000-4000-8000-000000000001', 'interviewee'),
       ('bbbbbbbb-0000-4000-8000-000000000002', '99999999-0000-4000-8000-000000000002', 'interviewee');
INSERT INTO themes (id, project_id, name) VALUES ('77777777-0000-4000-8000-000000000001', '6dbcbb68-0662-4ebc-9f84-dd13b8ff758d', 'Onboarding time');
INSERT INTO theme_evidence (theme_id, evidence_id) VALUES ('77777777-0000-4000-8000-000000000001', 'eeeeeeee-0000-4000-8000-000000000001');
INSERT INTO personas (id, project_id, name) VALUES ('88888888-0000-4000-8000-000000000001', '6dbcbb68-0662-4ebc-9f84-dd13b8ff758d', 'Team lead');
INSERT INTO project_answers (id, project_id, question_id, interview_id, answer)
VALUES ('66666666-0000-4000-8000-000000000001', '6dbcbb68-0662-4ebc-9f84-dd13b8ff758d', '22222222-2222-4222-8222-222222222222',
        'aaaaaaaa-0000-4000-8000-000000000001', 'Finding the right data.');
