-- What Insights' supabase/migrations ask of Supabase beyond what its schema files ask (prelude.sql),
-- for embedded PostgreSQL 17. Run by dev.intake.testing.InsightsMigratedDatabase after prelude.sql.
-- Stubs again: enough shape for the migrations to apply and their triggers to run.

-- ---------------------------------------------------------------------------------------------
-- pgmq: as real pgmq, a queue also has an archive table pgmq.a_<name> (the migrations grant on
-- them), and messages can be archived, popped and sent in batches. Replaces prelude.sql's create.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION pgmq.create(queue_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS pgmq.%I (
        msg_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        read_ct     integer NOT NULL DEFAULT 0,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        vt          timestamptz NOT NULL DEFAULT now(),
        message     jsonb)', 'q_' || queue_name);
    EXECUTE format('CREATE TABLE IF NOT EXISTS pgmq.%I (
        msg_id      bigint PRIMARY KEY,
        read_ct     integer NOT NULL DEFAULT 0,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz NOT NULL DEFAULT now(),
        vt          timestamptz NOT NULL,
        message     jsonb)', 'a_' || queue_name);
END $$;

CREATE FUNCTION pgmq.archive(queue_name text, msg_id bigint) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE moved integer;
BEGIN
    EXECUTE format('WITH gone AS (DELETE FROM pgmq.%I WHERE msg_id = $1 RETURNING msg_id, read_ct, enqueued_at, vt, message)
                    INSERT INTO pgmq.%I (msg_id, read_ct, enqueued_at, vt, message) SELECT * FROM gone',
                   'q_' || queue_name, 'a_' || queue_name) USING msg_id;
    GET DIAGNOSTICS moved = ROW_COUNT;
    RETURN moved > 0;
END $$;

CREATE FUNCTION pgmq.pop(queue_name text) RETURNS SETOF pgmq.message_record LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format(
        'DELETE FROM pgmq.%1$I WHERE msg_id = (SELECT msg_id FROM pgmq.%1$I WHERE vt <= now() ORDER BY msg_id LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING msg_id, read_ct, enqueued_at, vt, message', 'q_' || queue_name);
END $$;

CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], delay integer DEFAULT 0) RETURNS SETOF bigint
    LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format(
        'INSERT INTO pgmq.%I (vt, message) SELECT now() + make_interval(secs => $1), unnest($2) RETURNING msg_id',
        'q_' || queue_name) USING delay, msgs;
END $$;

-- pgmq's catalogue of queues, which the migrations grant on (not kept up to date by the stub).
CREATE TABLE pgmq.meta (
    queue_name       varchar UNIQUE NOT NULL,
    is_partitioned   boolean NOT NULL DEFAULT false,
    is_unlogged      boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------
-- vector: pgvector has a btree operator class (equality and order), which views that GROUP BY a
-- vector column need. The stub compares the literal text; nothing here orders by it.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION extensions.vector_cmp(extensions.vector, extensions.vector) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT CASE WHEN $1::text < $2::text THEN -1 WHEN $1::text > $2::text THEN 1 ELSE 0 END $$;
CREATE FUNCTION extensions.vector_eq(extensions.vector, extensions.vector) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT $1::text = $2::text $$;
CREATE FUNCTION extensions.vector_ne(extensions.vector, extensions.vector) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT $1::text <> $2::text $$;
CREATE FUNCTION extensions.vector_lt(extensions.vector, extensions.vector) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT $1::text < $2::text $$;
CREATE FUNCTION extensions.vector_le(extensions.vector, extensions.vector) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT $1::text <= $2::text $$;
CREATE FUNCTION extensions.vector_gt(extensions.vector, extensions.vector) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT $1::text > $2::text $$;
CREATE FUNCTION extensions.vector_ge(extensions.vector, extensions.vector) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT $1::text >= $2::text $$;
CREATE OPERATOR extensions.= (LEFTARG = extensions.vector, RIGHTARG = extensions.vector, FUNCTION = extensions.vector_eq,
    COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel);
CREATE OPERATOR extensions.<> (LEFTARG = extensions.vector, RIGHTARG = extensions.vector, FUNCTION = extensions.vector_ne,
    COMMUTATOR = <>, NEGATOR = =);
CREATE OPERATOR extensions.< (LEFTARG = extensions.vector, RIGHTARG = extensions.vector, FUNCTION = extensions.vector_lt);
CREATE OPERATOR extensions.<= (LEFTARG = extensions.vector, RIGHTARG = extensions.vector, FUNCTION = extensions.vector_le);
CREATE OPERATOR extensions.> (LEFTARG = extensions.vector, RIGHTARG = extensions.vector, FUNCTION = extensions.vector_gt);
CREATE OPERATOR extensions.>= (LEFTARG = extensions.vector, RIGHTARG = extensions.vector, FUNCTION = extensions.vector_ge);
CREATE OPERATOR CLASS extensions.vector_ops DEFAULT FOR TYPE extensions.vector USING btree AS
    OPERATOR 1 extensions.<, OPERATOR 2 extensions.<=, OPERATOR 3 extensions.=,
    OPERATOR 4 extensions.>=, OPERATOR 5 extensions.>, FUNCTION 1 extensions.vector_cmp(extensions.vector, extensions.vector);

-- The migrations install pgvector WITH SCHEMA public (20250723013420_acctschemas) and name
-- public.vector; prelude.sql made the stub in extensions, so it moves (its functions and operators
-- stay in extensions, which is on the search_path).
ALTER TYPE extensions.vector SET SCHEMA public;
