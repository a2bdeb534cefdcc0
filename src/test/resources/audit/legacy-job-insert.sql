INSERT INTO analysis_jobs (id, interview_id, status, current_step) VALUES ($1, $2, 'pending', 'upload')
