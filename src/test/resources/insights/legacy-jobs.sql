-- The old pipeline's job rows of legacy-rows.sql's interviews, in a database that never ran Insights'
-- consolidation: two jobs of the incident interview (a failed first try, then the run that stalled)
-- and the finished job of the ready interview.
SET session_replication_role = replica;

INSERT INTO analysis_jobs (id, interview_id, transcript_data, custom_instructions, progress, attempts, last_error, status,
                           status_detail, created_at, updated_at, workflow_state, completed_steps, current_step,
                           evidence_count, trigger_run_id) VALUES
    ('10b00000-0000-4000-8000-000000000001', '931e3b81-ef32-48c3-b6f3-382461b362e4', '{"file_name": "call.vtt"}', NULL,
     10, 3, 'Trigger.dev run crashed: out of memory', 'error', 'Failed', '2025-11-03 09:00+00', '2025-11-03 09:30+00',
     NULL, '{}', 'upload', NULL, 'run_cm3first'),
    ('10b00000-0000-4000-8000-000000000002', '931e3b81-ef32-48c3-b6f3-382461b362e4', '{"file_name": "call.vtt"}',
     'Focus on onboarding', 40, 1, NULL, 'in_progress', 'Extracting evidence...', '2025-11-04 01:50+00',
     '2025-11-04 02:00+00',
     '{"interviewId": "931e3b81-ef32-48c3-b6f3-382461b362e4", "completedSteps": ["upload"], "currentStep": "evidence", "lastUpdated": "2025-11-04T02:00:00Z"}',
     '{upload}', 'evidence', NULL, 'run_cm3incident'),
    ('10b00000-0000-4000-8000-000000000003', '0ca10000-0000-4000-8000-000000000001', '{"file_name": "kickoff.mp3"}', NULL,
     100, 1, NULL, 'done', 'Analysis complete', '2025-11-02 10:30+00', '2025-11-02 11:00+00', NULL,
     '{upload,evidence,insights}', 'complete', 1, 'run_cm2done');

SET session_replication_role = origin;
