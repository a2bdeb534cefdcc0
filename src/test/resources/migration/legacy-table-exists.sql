SELECT to_regclass('public.analysis_jobs') IS NOT NULL AS present
