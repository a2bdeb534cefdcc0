-- What a Supabase database has before Insights' schema files run, for embedded PostgreSQL 17.
-- Run by dev.intake.testing.InsightsDatabase as superuser `postgres`, once per new database.
-- Real PostgreSQL features are used where the embedded binaries ship them (pgcrypto, uuid-ossp);
-- Supabase services that do not exist here (Auth, Storage, pgvector, pgmq, pg_net, pg_cron, Vault)
-- are stubs: just enough shape for the schema files to load and for their triggers to run.

-- Supabase's roles. They are cluster-wide, so another test database may have created them already.
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated', 'service_role'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;

-- Supabase installs extensions into `extensions` and puts it on every role's search_path, so the
-- files call gen_random_bytes() unqualified. New sessions of this database get the same path.
CREATE SCHEMA IF NOT EXISTS extensions;
GRANT USAGE ON SCHEMA extensions TO anon, authenticated, service_role;
DO $$ BEGIN
    EXECUTE format('ALTER DATABASE %I SET search_path = "$user", public, extensions', current_database());
END $$;
SET search_path = "$user", public, extensions;

-- Real extensions: both ship with the embedded binaries.
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;      -- gen_random_bytes(), digest()
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;   -- extensions.uuid_generate_v4()

-- ---------------------------------------------------------------------------------------------
-- auth: stub of Supabase Auth (GoTrue). The real auth.users has ~35 columns; the files read id
-- and email (and a trigger on insert creates the user's accounts). The functions read the JWT
-- claims PostgREST puts in request.jwt.claim(s); a direct connection (like Intake's) has none, so
-- auth.uid() is NULL exactly as on a real database.
-- ---------------------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS auth;
GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;

CREATE TABLE auth.users (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email              text,
    phone              text,
    raw_app_meta_data  jsonb DEFAULT '{}'::jsonb,
    raw_user_meta_data jsonb DEFAULT '{}'::jsonb,
    created_at         timestamptz DEFAULT now(),
    updated_at         timestamptz DEFAULT now()
);

CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid
$$;

-- auth.role() and auth.jwt() as Supabase defines them.
CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('request.jwt.claim.role', true), ''),
                    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')::text
$$;

CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('request.jwt.claim', true), ''),
                    nullif(current_setting('request.jwt.claims', true), ''))::jsonb
$$;

GRANT EXECUTE ON FUNCTION auth.uid(), auth.role(), auth.jwt() TO anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- vector: stub of pgvector, which the embedded binaries lack. A base type with text I/O so that
-- `vector(1536)` columns and parameters parse and hold their literal text ('[0.1,0.2]'), unchecked.
-- No arithmetic, and no casts beyond PostgreSQL's automatic text I/O ones (so, as with pgvector, a
-- text-typed parameter is rejected for a vector column). The distance operators the SQL functions
-- use exist but raise. The HNSW indexes are skipped by InsightsDatabase (no such access method).
-- ---------------------------------------------------------------------------------------------
CREATE TYPE extensions.vector;
CREATE FUNCTION extensions.vector_in(cstring, oid, integer) RETURNS extensions.vector
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'textin';
CREATE FUNCTION extensions.vector_out(extensions.vector) RETURNS cstring
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'textout';
CREATE FUNCTION extensions.vector_typmod_in(cstring[]) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'varchartypmodin';
-- varchar's typmod functions store n plus a header size and print it back as (n).
CREATE FUNCTION extensions.vector_typmod_out(integer) RETURNS cstring
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'varchartypmodout';
CREATE TYPE extensions.vector (
    INPUT = extensions.vector_in,
    OUTPUT = extensions.vector_out,
    TYPMOD_IN = extensions.vector_typmod_in,
    TYPMOD_OUT = extensions.vector_typmod_out,
    INTERNALLENGTH = VARIABLE,
    STORAGE = extended,
    CATEGORY = 'U'
);
CREATE FUNCTION extensions.vector_distance_stub(extensions.vector, extensions.vector) RETURNS double precision
    LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RAISE EXCEPTION 'pgvector is stubbed in this test database: vector distances are not available';
END $$;
CREATE OPERATOR extensions.<=> (LEFTARG = extensions.vector, RIGHTARG = extensions.vector, FUNCTION = extensions.vector_distance_stub);
CREATE OPERATOR extensions.<-> (LEFTARG = extensions.vector, RIGHTARG = extensions.vector, FUNCTION = extensions.vector_distance_stub);
CREATE OPERATOR extensions.<#> (LEFTARG = extensions.vector, RIGHTARG = extensions.vector, FUNCTION = extensions.vector_distance_stub);

-- ---------------------------------------------------------------------------------------------
-- pgmq: stub of Supabase Queues (the pgmq extension). A queue is a table pgmq.q_<name> with
-- pgmq's columns, so the files' GRANTs and RLS policies on those tables apply, and the triggers
-- on interviews/evidence/themes really enqueue (tests can count the messages). Visibility
-- timeouts, archives and partitioning are not modelled.
-- ---------------------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS pgmq;
GRANT USAGE ON SCHEMA pgmq TO anon, authenticated, service_role;

CREATE TYPE pgmq.message_record AS (
    msg_id      bigint,
    read_ct     integer,
    enqueued_at timestamptz,
    vt          timestamptz,
    message     jsonb
);

CREATE FUNCTION pgmq.create(queue_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS pgmq.%I (
        msg_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        read_ct     integer NOT NULL DEFAULT 0,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        vt          timestamptz NOT NULL DEFAULT now(),
        message     jsonb)', 'q_' || queue_name);
END $$;

CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, delay integer DEFAULT 0) RETURNS SETOF bigint
    LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format(
        'INSERT INTO pgmq.%I (vt, message) VALUES (now() + make_interval(secs => $1), $2) RETURNING msg_id',
        'q_' || queue_name) USING delay, msg;
END $$;

CREATE FUNCTION pgmq.read(queue_name text, vt integer, qty integer) RETURNS SETOF pgmq.message_record
    LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format(
        'UPDATE pgmq.%1$I SET read_ct = read_ct + 1, vt = now() + make_interval(secs => $1)
          WHERE msg_id IN (SELECT msg_id FROM pgmq.%1$I WHERE vt <= now() ORDER BY msg_id LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING msg_id, read_ct, enqueued_at, vt, message',
        'q_' || queue_name) USING vt, qty;
END $$;

CREATE FUNCTION pgmq.delete(queue_name text, msg_id bigint) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE deleted integer;
BEGIN
    EXECUTE format('DELETE FROM pgmq.%I WHERE msg_id = $1', 'q_' || queue_name) USING msg_id;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    RETURN deleted > 0;
END $$;

-- ---------------------------------------------------------------------------------------------
-- pg_net: stub. There is no network here; a queued request would never be sent, so calling it
-- fails loudly instead of pretending.
-- ---------------------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS net;
CREATE FUNCTION net.http_post(url text, body jsonb DEFAULT '{}'::jsonb, params jsonb DEFAULT '{}'::jsonb,
                              headers jsonb DEFAULT '{}'::jsonb, timeout_milliseconds integer DEFAULT 5000)
    RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'pg_net is stubbed in this test database: no HTTP request to %', url;
END $$;

-- ---------------------------------------------------------------------------------------------
-- pg_cron: stub. Jobs are recorded in cron.job (as pg_cron does) and never run.
-- ---------------------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS cron;
CREATE TABLE cron.job (
    jobid    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    jobname  text UNIQUE,
    schedule text NOT NULL,
    command  text NOT NULL
);
CREATE FUNCTION cron.schedule(job_name text, schedule text, command text) RETURNS bigint LANGUAGE sql AS $$
    INSERT INTO cron.job (jobname, schedule, command) VALUES (job_name, schedule, command)
    ON CONFLICT (jobname) DO UPDATE SET schedule = excluded.schedule, command = excluded.command
    RETURNING jobid
$$;
CREATE FUNCTION cron.schedule(schedule text, command text) RETURNS bigint LANGUAGE sql AS $$
    INSERT INTO cron.job (schedule, command) VALUES (schedule, command) RETURNING jobid
$$;

-- ---------------------------------------------------------------------------------------------
-- vault: stub of Supabase Vault's decrypted view; empty, so no secret is ever found.
-- ---------------------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS vault;
CREATE TABLE vault.decrypted_secrets (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name             text,
    decrypted_secret text,
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------
-- storage: stub of Supabase Storage's two tables, with the columns the bucket insert and the
-- object policies use (the real ones have more). Files live in R2/S3 in tests, never here.
-- ---------------------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS storage;
GRANT USAGE ON SCHEMA storage TO anon, authenticated, service_role;
CREATE TABLE storage.buckets (
    id         text PRIMARY KEY,
    name       text NOT NULL,
    owner      uuid,
    public     boolean DEFAULT false,
    created_at timestamptz DEFAULT now(),
    updated_at timestamptz DEFAULT now()
);
CREATE TABLE storage.objects (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    bucket_id  text REFERENCES storage.buckets (id),
    name       text,
    owner      uuid,
    metadata   jsonb,
    created_at timestamptz DEFAULT now(),
    updated_at timestamptz DEFAULT now()
);
ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
