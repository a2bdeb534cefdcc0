-- A production Insights database was built by its migrations, which added soft deletes in February
-- 2026 (20260210000004_add_evidence_soft_delete_columns, 20260211000002_add_people_deleted_at); its
-- web app hides evidence and people so marked, and Intake must never match, link or count them. A
-- database built from Insights' declarative schema files, or by Intake's V1, lacks the columns: they
-- are added here as those migrations define them, and change nothing where they already exist.
ALTER TABLE public.evidence ADD COLUMN IF NOT EXISTS is_archived boolean NOT NULL DEFAULT false;
ALTER TABLE public.evidence ADD COLUMN IF NOT EXISTS deleted_at timestamptz DEFAULT NULL;
ALTER TABLE public.people ADD COLUMN IF NOT EXISTS deleted_at timestamptz;
