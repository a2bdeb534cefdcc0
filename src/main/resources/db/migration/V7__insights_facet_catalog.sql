-- Insights' facet catalog and evidence facets (schemas/12_core_tables.sql, 32_evidence.sql): the kind
-- of a piece of evidence lives in evidence_facet, resolved to the account's facet_account row, as
-- Insights' own pipeline writes it and its evidence page filters it. A database Intake's V1 created
-- lacks them; a real Insights database has them, and then every statement below changes nothing.
-- Left out as in V1: the pgvector embedding columns, row-level security, and the user-tracking and
-- timestamp triggers; created_by is a plain uuid (no auth schema).

SET LOCAL search_path = public;

CREATE TABLE IF NOT EXISTS facet_kind_global (
    id          serial PRIMARY KEY,
    slug        text NOT NULL UNIQUE,
    label       text NOT NULL,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS facet_global (
    id          serial PRIMARY KEY,
    kind_id     int NOT NULL REFERENCES facet_kind_global (id) ON DELETE CASCADE,
    slug        text NOT NULL UNIQUE,
    label       text NOT NULL,
    synonyms    text[] DEFAULT '{}',
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_facet_global_kind ON facet_global (kind_id);

CREATE TABLE IF NOT EXISTS facet_account (
    id              serial PRIMARY KEY,
    account_id      uuid NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    kind_id         int NOT NULL REFERENCES facet_kind_global (id) ON DELETE RESTRICT,
    global_facet_id int REFERENCES facet_global (id) ON DELETE SET NULL,
    slug            text NOT NULL,
    label           text NOT NULL,
    synonyms        text[] DEFAULT '{}',
    is_active       boolean NOT NULL DEFAULT true,
    description     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT facet_account_unique_slug UNIQUE (account_id, kind_id, slug)
);
CREATE INDEX IF NOT EXISTS idx_facet_account_account ON facet_account (account_id);
CREATE INDEX IF NOT EXISTS idx_facet_account_kind ON facet_account (kind_id);

CREATE TABLE IF NOT EXISTS evidence_facet (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    evidence_id            uuid NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    account_id             uuid NOT NULL,
    project_id             uuid REFERENCES projects (id) ON DELETE CASCADE,
    person_id              uuid REFERENCES people (id) ON DELETE SET NULL,
    kind_slug              text NOT NULL,
    facet_account_id       integer NOT NULL REFERENCES facet_account (id) ON DELETE CASCADE,
    label                  text NOT NULL,
    source                 text NOT NULL DEFAULT 'interview'
        CHECK (source IN ('interview', 'survey', 'telemetry', 'inferred', 'manual', 'document')),
    quote                  text,
    confidence             numeric DEFAULT 0.8 CHECK (confidence >= 0 AND confidence <= 1),
    notes                  text,
    embedding_model        text DEFAULT 'text-embedding-3-small',
    embedding_generated_at timestamptz,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    created_by             uuid
);
CREATE INDEX IF NOT EXISTS idx_evidence_facet_evidence_id ON evidence_facet (evidence_id);
CREATE INDEX IF NOT EXISTS idx_evidence_facet_account_id ON evidence_facet (account_id);
CREATE INDEX IF NOT EXISTS idx_evidence_facet_project_id ON evidence_facet (project_id);
CREATE INDEX IF NOT EXISTS idx_evidence_facet_person_id ON evidence_facet (person_id);
CREATE INDEX IF NOT EXISTS idx_evidence_facet_kind_slug ON evidence_facet (kind_slug);
CREATE INDEX IF NOT EXISTS idx_evidence_facet_facet_account_id ON evidence_facet (facet_account_id);

-- The global kinds Insights' schema seeds (14_bant_facets, 15_import_facet_kinds,
-- 16_evidence_facet_kinds). Where a kind exists already it is Insights' and stays as it is.
INSERT INTO facet_kind_global (slug, label, description) VALUES
    ('budget_range', 'Budget Range', 'Budget commitment and spending authority'),
    ('decision_authority', 'Decision Authority', 'Decision-making power and approval levels'),
    ('timeline_urgency', 'Timeline Urgency', 'Purchase urgency and timing signals'),
    ('job_title', 'Job Title', 'Raw job title text (e.g. VP of Engineering). Distinct from AI-inferred job_function.'),
    ('job_function', 'Job Function', 'Canonical job function values for people profiles and surveys.'),
    ('role', 'Role', 'Job function or role within organization'),
    ('industry', 'Industry', 'Industry or sector'),
    ('location', 'Location', 'Geographic location or region'),
    ('use_case', 'Use Case', 'Primary use case or application'),
    ('event', 'Event', 'Event signup or attendance'),
    ('survey_response', 'Survey Response', 'Answer to a survey or form question'),
    ('preference', 'Preference', 'User preference or interest'),
    ('custom', 'Custom', 'Custom attribute from imported data'),
    ('membership_status', 'Membership Status', 'Membership state imported from CRM or survey data (e.g. active, expired, true).'),
    ('membership_year', 'Membership Year', 'Membership year or cohort imported from CRM or survey data.'),
    ('membership_expiration', 'Membership Expiration', 'Membership expiration date imported from CRM or survey data.'),
    ('company_size', 'Company Size', 'Size range of the person''s organization (e.g. 51-200, 1001-5000). Derived from organizations table.'),
    ('company_industry', 'Company Industry', 'Industry of the person''s organization. Derived from organizations table.'),
    ('goal', 'Goal', 'Desired outcomes or objectives the person wants to achieve'),
    ('pain', 'Pain', 'Problems, frustrations, or obstacles the person experiences'),
    ('behavior', 'Behavior', 'Actions, habits, or patterns of activity'),
    ('tool', 'Tool', 'Software, equipment, or resources the person uses'),
    ('value', 'Value', 'Principles, beliefs, or what matters to the person'),
    ('requirements', 'Requirements', 'Must-haves, constraints, or non-negotiables'),
    ('demographic', 'Demographic', 'Background information like role, experience, or context'),
    ('context', 'Context', 'Situational factors or environmental conditions'),
    ('artifact', 'Artifact', 'Documents, deliverables, or tangible outputs'),
    ('emotion', 'Emotion', 'Feelings, emotional responses, or sentiment signals'),
    ('workflow', 'Workflow', 'Processes, sequences, or ways of working'),
    ('feature', 'Feature', 'Product features, capabilities, or functionality mentioned')
ON CONFLICT (slug) DO NOTHING;
