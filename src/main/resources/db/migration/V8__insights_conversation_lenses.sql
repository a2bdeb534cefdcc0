-- Insights' finalize stores each interview's conversation overview (the detail page's summary, key
-- takeaways, open questions and recommendations) in conversation_lens_analyses, which references its
-- template in conversation_lens_templates (schemas/46_conversation_lenses.sql). An Insights database
-- has both, and nothing here changes them; a database Intake's V1 created lacks them, so they are
-- created here in Insights' shape, with V1's conventions: user columns are plain uuids (no auth schema),
-- no row-level security, no timestamp triggers. No template row is seeded: Intake adds the
-- conversation-overview template when it writes a lens and the template is missing, as Insights'
-- finalize does (ensureConversationOverviewTemplate).
CREATE TABLE IF NOT EXISTS public.conversation_lens_templates (
    template_key        text PRIMARY KEY,
    template_name       text NOT NULL,
    summary             text,
    primary_objective   text,
    template_definition jsonb NOT NULL,
    is_active           boolean DEFAULT true,
    category            text,
    display_order       integer DEFAULT 100,
    account_id          uuid REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    created_by          uuid,
    is_system           boolean NOT NULL DEFAULT false,
    is_public           boolean NOT NULL DEFAULT true,
    nlp_source          text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX IF NOT EXISTS conversation_lens_templates_scoped_key_unique
    ON public.conversation_lens_templates (coalesce(account_id, '00000000-0000-0000-0000-000000000000'::uuid), template_key);

CREATE TABLE IF NOT EXISTS public.conversation_lens_analyses (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    interview_id        uuid NOT NULL REFERENCES public.interviews (id) ON DELETE CASCADE,
    template_key        text NOT NULL REFERENCES public.conversation_lens_templates (template_key) ON DELETE RESTRICT,
    account_id          uuid NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    project_id          uuid REFERENCES public.projects (id) ON DELETE CASCADE,
    analysis_data       jsonb NOT NULL DEFAULT '{}'::jsonb,
    confidence_score    double precision CHECK (confidence_score >= 0 AND confidence_score <= 1),
    auto_detected       boolean DEFAULT false,
    user_goals          text[],
    icp_context         jsonb,
    custom_instructions text,
    processed_at        timestamptz,
    processed_by        uuid,
    status              text DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    error_message       text,
    trigger_run_id      text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- The key Insights' upsert names (onConflict: interview_id, template_key), which Intake's insert yields to.
CREATE UNIQUE INDEX IF NOT EXISTS conversation_lens_analyses_interview_template_unique
    ON public.conversation_lens_analyses (interview_id, template_key);
CREATE INDEX IF NOT EXISTS conversation_lens_analyses_interview_idx ON public.conversation_lens_analyses (interview_id);
CREATE INDEX IF NOT EXISTS conversation_lens_analyses_account_idx ON public.conversation_lens_analyses (account_id);
