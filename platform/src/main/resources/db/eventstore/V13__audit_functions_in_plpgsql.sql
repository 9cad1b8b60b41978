-- The audit indexes' two functions (V10) in PL/pgSQL, with the same results (so the indexes stay valid). As SQL
-- functions they were never inlined (PostgreSQL inlines an IMMUTABLE SQL function only when its body is immutable too,
-- and convert_from and the text-to-timestamptz cast are STABLE), so every event appended ran each of the four index
-- expressions as a query of its own (pg_stat_statements: about 13 such queries per case created). PL/pgSQL evaluates
-- the same expression as a cached simple expression: appending an event with the five audit indexes cost about 30 %
-- of the single-row insert rate, about 10 % now (pgbench, docs/performance.md).
CREATE OR REPLACE FUNCTION event_time(time_stamp VARCHAR) RETURNS TIMESTAMPTZ
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ BEGIN RETURN time_stamp::timestamptz; END $$;

CREATE OR REPLACE FUNCTION event_meta(meta_data BYTEA, key TEXT) RETURNS TEXT
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ BEGIN RETURN convert_from(meta_data, 'UTF8')::jsonb ->> key; END $$;
