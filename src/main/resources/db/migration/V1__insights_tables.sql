-- The Insights tables the pipeline reads and writes, as epic-hq/Insights declares them
-- (supabase/schemas/*.sql): same names, columns, types, defaults, generated columns, checks, enums
-- and keys, so the local pipeline writes exactly what it writes on a real Insights database.
--
-- Runs on an EMPTY database only. `intake migrate` on an existing Insights database records this
-- version as its baseline and never runs it (Migrations.java), so nothing here can touch a live
-- schema. Left out, because they are Supabase's or belong to parts of Insights Intake never touches:
-- the auth schema (so user columns are plain uuids, not foreign keys to auth.users), the pgvector
-- columns evidence.embedding and themes.embedding (no pgvector here), row-level security and its
-- policies, the user-tracking and timestamp triggers (Intake sets updated_at
-- itself), and the tables behind a few foreign keys (organizations, research plans, interview
-- prompts, research links), whose uuid columns are kept. SchemaParityTest compares every column
-- below with a database built from the Insights schema files.

SET LOCAL search_path = public;

-- Accounts (Basejump) ---------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS accounts;

CREATE TYPE accounts.account_role AS ENUM ('owner', 'member', 'viewer');

CREATE TABLE accounts.accounts (
    id                    uuid UNIQUE NOT NULL DEFAULT gen_random_uuid(),
    primary_owner_user_id uuid NOT NULL,
    name                  text,
    slug                  text UNIQUE,
    personal_account      boolean DEFAULT false NOT NULL,
    updated_at            timestamp with time zone,
    created_at            timestamp with time zone,
    created_by            uuid,
    updated_by            uuid,
    private_metadata      jsonb DEFAULT '{}'::jsonb,
    public_metadata       jsonb DEFAULT '{}'::jsonb,
    website_url           text,
    company_description   text,
    customer_problem      text,
    offerings             text[],
    target_orgs           text[],
    target_company_sizes  text[],
    target_roles          text[],
    competitors           text[],
    industry              text,
    plan_id               text NOT NULL DEFAULT 'free',
    PRIMARY KEY (id),
    CONSTRAINT accounts_accounts_slug_null_if_personal_account_true CHECK (
        (personal_account = true AND slug IS NULL) OR (personal_account = false))
);

CREATE TABLE accounts.account_user (
    user_id      uuid NOT NULL,
    account_id   uuid NOT NULL REFERENCES accounts.accounts ON DELETE CASCADE,
    account_role accounts.account_role NOT NULL,
    CONSTRAINT account_user_pkey PRIMARY KEY (user_id, account_id)
);

-- Projects --------------------------------------------------------------------------------------
CREATE TYPE project_workflow_type AS ENUM ('research', 'sales', 'conversation_analysis');

CREATE TABLE projects (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id       uuid NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    name             text NOT NULL,
    slug             text,
    description      text,
    workflow_type    project_workflow_type NOT NULL DEFAULT 'research',
    status           text DEFAULT 'new',
    project_settings jsonb NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT projects_account_id_slug_unique UNIQUE (account_id, slug),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    public_slug          text,
    is_public            boolean DEFAULT false,
    public_hero_title    text,
    public_hero_subtitle text,
    public_cta_label     text DEFAULT 'Share your feedback',
    public_cta_helper    text,
    public_allow_chat    boolean DEFAULT false,
    public_redirect_url  text,
    public_calendar_url  text,
    target_segments      jsonb DEFAULT '{}'::jsonb
);
CREATE UNIQUE INDEX idx_projects_public_slug ON projects (public_slug) WHERE public_slug IS NOT NULL;
CREATE INDEX idx_projects_account_id ON projects (account_id);

-- People ----------------------------------------------------------------------------------------
CREATE TABLE people (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id              uuid REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    user_id                 uuid,
    person_type             text,
    firstname               text,
    lastname                text,
    name                    text GENERATED ALWAYS AS (
        CASE
            WHEN firstname IS NOT NULL AND lastname IS NOT NULL THEN trim(firstname || ' ' || lastname)
            WHEN firstname IS NOT NULL THEN trim(firstname)
            WHEN lastname IS NOT NULL THEN trim(lastname)
            ELSE NULL
        END) STORED,
    name_hash               text GENERATED ALWAYS AS (
        lower(CASE
            WHEN firstname IS NOT NULL AND lastname IS NOT NULL THEN trim(firstname || ' ' || lastname)
            WHEN firstname IS NOT NULL THEN trim(firstname)
            WHEN lastname IS NOT NULL THEN trim(lastname)
            ELSE ''
        END)) STORED,
    description             text,
    role                    text,
    title                   text,
    segment                 text,
    image_url               text,
    age                     int,
    gender                  text,
    income                  int,
    education               text,
    languages               text[],
    location                text,
    primary_email           text,
    primary_phone           text,
    linkedin_url            text,
    website_url             text,
    contact_info            jsonb DEFAULT '{}'::jsonb,
    preferences             text,
    lifecycle_stage         text,
    timezone                text,
    pronouns                text,
    default_organization_id uuid,
    project_id              uuid REFERENCES projects (id) ON DELETE CASCADE,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    where_met               text,
    when_met                timestamptz,
    job_function            text,
    seniority_level         text,
    age_range               text,
    life_stage              text
);
CREATE INDEX idx_people_account_id ON people (account_id);
CREATE INDEX idx_people_account_project_created ON people (account_id, project_id, created_at);
CREATE UNIQUE INDEX uniq_people_account_name_org_email ON people (
    account_id, name_hash, COALESCE(default_organization_id::text, ''), COALESCE(lower(primary_email), ''));

-- Personas --------------------------------------------------------------------------------------
CREATE TABLE personas (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id            uuid NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    name                  text NOT NULL,
    description           text,
    image_url             text,
    percentage            numeric,
    color                 text,
    color_hex             text,
    kind                  text CHECK (kind IN ('core', 'provisional', 'contrast')) DEFAULT 'core',
    tags                  text[],
    goals                 text[],
    pains                 text[],
    differentiators       text[],
    behaviors             text[],
    roles                 text[],
    spectra1d             jsonb,
    spectra2d             jsonb,
    role                  text,
    segment               text,
    age                   text,
    gender                text,
    income                text,
    education             text,
    occupation            text,
    languages             text,
    location              text,
    preferences           text,
    primary_goal          text,
    secondary_goals       text[],
    key_tasks             text[],
    frustrations          text[],
    motivations           text[],
    tech_comfort_level    text,
    tools_used            text[],
    frequency_of_use      text,
    frequency_of_purchase text,
    learning_style        text,
    values                text[],
    quotes                text[],
    sources               text[],
    project_id            uuid REFERENCES projects (id) ON DELETE CASCADE,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_personas_account_id ON personas (account_id);
CREATE INDEX idx_personas_account_project_created ON personas (account_id, project_id, created_at);

-- Interviews ------------------------------------------------------------------------------------
CREATE TYPE interview_status AS ENUM (
    'draft', 'scheduled', 'uploading', 'uploaded', 'transcribing', 'transcribed',
    'processing', 'ready', 'tagged', 'archived', 'error'
);

CREATE TYPE interaction_context AS ENUM ('research', 'sales', 'support', 'internal', 'debrief', 'personal');

CREATE TABLE interviews (
    id                            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id                    uuid NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    project_id                    uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title                         text,
    interview_date                date,
    interviewer_id                uuid,
    key_takeaways                 text,
    participant_pseudonym         text,
    segment                       text,
    media_url                     text,
    thumbnail_url                 text,
    media_type                    text,
    transcript                    text,
    transcript_formatted          jsonb,
    conversation_analysis         jsonb,
    high_impact_themes            text[],
    relevant_answers              text[],
    open_questions_and_next_steps text,
    observations_and_notes        text,
    source_type                   text,
    source_url                    text,
    interview_type                text,
    lens_visibility               text DEFAULT 'account' CHECK (lens_visibility IN ('private', 'account')),
    file_extension                text,
    original_filename             text,
    person_id                     uuid REFERENCES people (id) ON DELETE SET NULL,
    duration_sec                  int,
    status                        interview_status NOT NULL DEFAULT 'draft',
    interaction_context           interaction_context,
    context_confidence            real,
    context_reasoning             text,
    processing_metadata           jsonb DEFAULT '{}'::jsonb,
    speaker_review_needed         boolean DEFAULT false,
    draft_responses               jsonb DEFAULT '{}'::jsonb,
    research_link_id              uuid,
    created_at                    timestamptz NOT NULL DEFAULT now(),
    updated_at                    timestamptz NOT NULL DEFAULT now(),
    created_by                    uuid,
    updated_by                    uuid,
    share_token                   text UNIQUE,
    share_enabled                 boolean DEFAULT false,
    share_expires_at              timestamptz,
    share_created_at              timestamptz
);
CREATE INDEX idx_interviews_account_id ON interviews (account_id);
CREATE INDEX idx_interviews_project_id ON interviews (project_id);
CREATE INDEX idx_interviews_status_processing ON interviews (status) WHERE status = 'processing';

-- Insights' own triggers on status changes: they decide what its web app shows on ready and error,
-- so the local database has them too.
CREATE FUNCTION auto_cleanup_jobs_on_ready() RETURNS trigger AS $$
BEGIN
  IF NEW.status = 'ready' AND (OLD.status IS NULL OR OLD.status != 'ready') THEN
    NEW.processing_metadata = jsonb_set(COALESCE(NEW.processing_metadata, '{}'::jsonb), '{completed_at}', to_jsonb(NOW()::text));
    NEW.processing_metadata = jsonb_set(NEW.processing_metadata, '{current_step}', '"complete"');
    NEW.processing_metadata = jsonb_set(NEW.processing_metadata, '{progress}', '100');
    NEW.conversation_analysis = jsonb_set(COALESCE(NEW.conversation_analysis, '{}'::jsonb), '{current_step}', '"complete"');
    NEW.conversation_analysis = jsonb_set(NEW.conversation_analysis, '{progress}', '100');
    NEW.conversation_analysis = jsonb_set(NEW.conversation_analysis, '{status_detail}', '"Analysis complete"');
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER trigger_cleanup_jobs_on_ready BEFORE UPDATE ON interviews
    FOR EACH ROW WHEN (NEW.status = 'ready') EXECUTE FUNCTION auto_cleanup_jobs_on_ready();

CREATE FUNCTION auto_mark_jobs_error() RETURNS trigger AS $$
BEGIN
  IF NEW.status = 'error' AND (OLD.status IS NULL OR OLD.status != 'error') THEN
    NEW.conversation_analysis = jsonb_set(COALESCE(NEW.conversation_analysis, '{}'::jsonb), '{status_detail}', '"Interview processing failed"');
    NEW.conversation_analysis = jsonb_set(NEW.conversation_analysis, '{failed_at}', to_jsonb(NOW()::text));
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER trigger_mark_jobs_error BEFORE UPDATE ON interviews
    FOR EACH ROW WHEN (NEW.status = 'error') EXECUTE FUNCTION auto_mark_jobs_error();

CREATE TABLE interview_people (
    id             bigserial PRIMARY KEY,
    interview_id   uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    person_id      uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    project_id     uuid REFERENCES projects (id) ON DELETE CASCADE,
    role           text,
    transcript_key text,
    display_name   text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    created_by     uuid,
    updated_by     uuid,
    UNIQUE (interview_id, person_id)
);
CREATE INDEX idx_interview_people_interview_id ON interview_people (interview_id);
CREATE INDEX idx_interview_people_person_id ON interview_people (person_id);

CREATE TABLE people_personas (
    person_id        uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    persona_id       uuid NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    interview_id     uuid REFERENCES interviews (id) ON DELETE SET NULL,
    project_id       uuid REFERENCES projects (id) ON DELETE SET NULL,
    confidence_score real DEFAULT 1.0,
    source           text,
    assigned_at      timestamptz DEFAULT now(),
    created_at       timestamptz DEFAULT now(),
    created_by       uuid,
    PRIMARY KEY (person_id, persona_id)
);
CREATE INDEX idx_people_personas_person_id ON people_personas (person_id);
CREATE INDEX idx_people_personas_persona_id ON people_personas (persona_id);

-- Research questions and their answers -----------------------------------------------------------
CREATE TABLE decision_questions (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    plan_id     uuid,
    text        text NOT NULL,
    rationale   text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    created_by  uuid,
    updated_by  uuid
);

CREATE TABLE research_questions (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id           uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    plan_id              uuid,
    decision_question_id uuid REFERENCES decision_questions (id) ON DELETE SET NULL,
    text                 text NOT NULL,
    rationale            text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    created_by           uuid,
    updated_by           uuid
);

CREATE TABLE project_answers (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id             uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    interview_id           uuid REFERENCES interviews (id) ON DELETE SET NULL,
    interviewer_user_id    uuid,
    respondent_person_id   uuid REFERENCES people (id) ON DELETE SET NULL,
    prompt_id              uuid,
    research_question_id   uuid REFERENCES research_questions (id) ON DELETE SET NULL,
    decision_question_id   uuid REFERENCES decision_questions (id) ON DELETE SET NULL,
    followup_of_answer_id  uuid REFERENCES project_answers (id) ON DELETE SET NULL,
    question_id            text,
    question_text          text NOT NULL,
    detected_question_text text,
    question_category      text,
    estimated_time_minutes int,
    order_index            int,
    status                 text DEFAULT 'planned',
    origin                 text DEFAULT 'scripted',
    asked_at               timestamptz,
    answered_at            timestamptz,
    skipped_at             timestamptz,
    answer_text            text,
    confidence             numeric,
    analysis_summary       text,
    analysis_rationale     text,
    analysis_next_steps    text,
    analysis_run_metadata  jsonb,
    time_spent_seconds     int,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_project_answers_project_id ON project_answers (project_id);
CREATE INDEX idx_project_answers_interview_id ON project_answers (interview_id);
CREATE INDEX idx_project_answers_research_question ON project_answers (project_id, research_question_id);

-- Evidence --------------------------------------------------------------------------------------
CREATE TABLE evidence (
    id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id                uuid NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    project_id                uuid REFERENCES projects (id) ON DELETE CASCADE,
    interview_id              uuid REFERENCES interviews (id) ON DELETE CASCADE,
    research_link_response_id uuid,
    project_answer_id         uuid REFERENCES project_answers (id) ON DELETE SET NULL,
    source_type               text CHECK (source_type IN ('primary', 'secondary')) DEFAULT 'primary',
    method                    text CHECK (method IN ('interview', 'usability', 'survey', 'telemetry',
                                  'market_report', 'support_ticket', 'benchmark', 'other')) DEFAULT 'interview',
    modality                  text CHECK (modality IN ('qual', 'quant')) NOT NULL DEFAULT 'qual',
    support                   text CHECK (support IN ('supports', 'refutes', 'neutral')) DEFAULT 'supports',
    personas                  text[] DEFAULT '{}',
    segments                  text[] DEFAULT '{}',
    journey_stage             text,
    topic                     text,
    weight_quality            numeric DEFAULT 0.8,
    weight_relevance          numeric DEFAULT 0.8,
    independence_key          text,
    confidence                text CHECK (confidence IN ('low', 'medium', 'high')) DEFAULT 'medium',
    chunk                     text,
    gist                      text,
    verbatim                  text NOT NULL,
    anchors                   jsonb NOT NULL DEFAULT '[]'::jsonb,
    context_summary           text,
    citation                  text,
    is_question               boolean DEFAULT false,
    says                      text[] DEFAULT '{}',
    does                      text[] DEFAULT '{}',
    thinks                    text[] DEFAULT '{}',
    feels                     text[] DEFAULT '{}',
    pains                     text[] DEFAULT '{}',
    gains                     text[] DEFAULT '{}',
    thumbnail_url             text,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),
    created_by                uuid,
    updated_by                uuid,
    embedding_model           text,
    embedding_generated_at    timestamptz
);
CREATE INDEX idx_evidence_account_id ON evidence (account_id);
CREATE INDEX idx_evidence_project_id ON evidence (project_id);
CREATE INDEX idx_evidence_interview_id ON evidence (interview_id);

CREATE TABLE evidence_people (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    evidence_id uuid NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    person_id   uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    account_id  uuid NOT NULL,
    project_id  uuid REFERENCES projects (id) ON DELETE CASCADE,
    role        text,
    confidence  numeric,
    created_at  timestamptz DEFAULT now(),
    updated_at  timestamptz DEFAULT now(),
    created_by  uuid,
    updated_by  uuid,
    UNIQUE (evidence_id, person_id, account_id)
);
CREATE INDEX idx_evidence_people_evidence_id ON evidence_people (evidence_id);
CREATE INDEX idx_evidence_people_person_id ON evidence_people (person_id);

CREATE TABLE project_answer_evidence (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id          uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    answer_id           uuid NOT NULL REFERENCES project_answers (id) ON DELETE CASCADE,
    evidence_id         uuid REFERENCES evidence (id) ON DELETE CASCADE,
    interview_id        uuid REFERENCES interviews (id) ON DELETE SET NULL,
    source              text NOT NULL,
    text                text,
    start_seconds       numeric,
    end_seconds         numeric,
    transcript_chunk_id uuid,
    payload             jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_pae_answer ON project_answer_evidence (answer_id);
CREATE INDEX idx_pae_evidence_id ON project_answer_evidence (evidence_id);
CREATE UNIQUE INDEX idx_pae_unique_project_answer_evidence ON project_answer_evidence (project_id, answer_id, evidence_id);

-- Themes ----------------------------------------------------------------------------------------
CREATE TABLE themes (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id         uuid NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    project_id         uuid REFERENCES projects (id) ON DELETE CASCADE,
    name               text NOT NULL,
    statement          text,
    inclusion_criteria text,
    exclusion_criteria text,
    synonyms           text[] DEFAULT '{}',
    anti_examples      text[] DEFAULT '{}',
    category           text,
    jtbd               text,
    pain               text,
    desired_outcome    text,
    journey_stage      text,
    emotional_response text,
    motivation         text,
    details            text,
    evidence           text,
    impact             text,
    contradictions     text,
    novelty            text,
    opportunity_ideas  text[] DEFAULT '{}',
    related_tags       text[] DEFAULT '{}',
    confidence         smallint,
    priority           integer DEFAULT 3 CHECK (priority BETWEEN 1 AND 3),
    interview_id       uuid REFERENCES interviews (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    created_by         uuid,
    updated_by         uuid,
    embedding_model    text,
    embedding_generated_at timestamptz
);
CREATE INDEX idx_themes_account_id ON themes (account_id);
CREATE INDEX idx_themes_project_id ON themes (project_id);

CREATE TABLE theme_evidence (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    theme_id    uuid NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    evidence_id uuid NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    account_id  uuid NOT NULL,
    project_id  uuid REFERENCES projects (id) ON DELETE CASCADE,
    rationale   text,
    confidence  numeric,
    created_at  timestamptz DEFAULT now(),
    created_by  uuid,
    UNIQUE (theme_id, evidence_id, account_id)
);
CREATE INDEX idx_theme_evidence_theme_id ON theme_evidence (theme_id);
CREATE INDEX idx_theme_evidence_evidence_id ON theme_evidence (evidence_id);
