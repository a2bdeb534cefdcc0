-- The schema as the previous system left it, including the analysis_jobs table that V2 folds into
-- interviews.conversation_analysis. Kept verbatim so an existing database and a new one reach the
-- same end state through the same migrations.

CREATE TABLE accounts (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE account_members (
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL,
    role        text NOT NULL DEFAULT 'member',
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, user_id)
);

CREATE TABLE projects (
    id          uuid PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name        text NOT NULL,
    description text,
    created_by  uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE project_questions (
    id          uuid PRIMARY KEY,
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    question    text NOT NULL,
    position    integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TYPE interview_status AS ENUM (
    'draft', 'scheduled', 'uploading', 'uploaded', 'transcribing', 'transcribed',
    'processing', 'ready', 'tagged', 'archived', 'error'
);

CREATE TABLE interviews (
    id                    uuid PRIMARY KEY,
    account_id            uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    project_id            uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title                 text,
    status                interview_status NOT NULL DEFAULT 'draft',
    source_type           text NOT NULL DEFAULT 'upload',
    media_key             text,
    media_url             text,
    transcript            text,
    transcript_formatted  jsonb,
    duration_sec          numeric,
    conversation_analysis jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_by            uuid,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE analysis_jobs (
    id                  uuid PRIMARY KEY,
    interview_id        uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    trigger_run_id      text,
    status              text NOT NULL DEFAULT 'pending',
    workflow_state      jsonb,
    completed_steps     text[] NOT NULL DEFAULT '{}',
    current_step        text,
    evidence_count      integer,
    custom_instructions text,
    last_error          text,
    transcript_data     jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE evidence (
    id            uuid PRIMARY KEY,
    interview_id  uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    project_id    uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind          text NOT NULL,
    verbatim      text NOT NULL,
    speaker       text,
    start_sec     numeric,
    end_sec       numeric,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE people (
    id          uuid PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name        text NOT NULL,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE interview_people (
    interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    person_id    uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role         text NOT NULL,
    PRIMARY KEY (interview_id, person_id)
);

CREATE TABLE themes (
    id          uuid PRIMARY KEY,
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name        text NOT NULL,
    summary     text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE theme_evidence (
    theme_id    uuid NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    evidence_id uuid NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    PRIMARY KEY (theme_id, evidence_id)
);

CREATE TABLE personas (
    id          uuid PRIMARY KEY,
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name        text NOT NULL,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE project_answers (
    id           uuid PRIMARY KEY,
    project_id   uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    question_id  uuid NOT NULL REFERENCES project_questions (id) ON DELETE CASCADE,
    interview_id uuid REFERENCES interviews (id) ON DELETE CASCADE,
    answer       text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
