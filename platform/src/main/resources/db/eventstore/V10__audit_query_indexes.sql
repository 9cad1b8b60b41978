-- Indexes of the global audit query (io.jointops.platform.history.AuditEvents): by correlation id, agency, actor,
-- item type and time, each ordered by global position for keyset paging. Timestamps are stored as ISO-8601 text and
-- metadata as JSON bytes; the two functions read them and are declared IMMUTABLE so that they can be indexed (true for
-- what Axon writes: an ISO instant with 'Z', and UTF-8 JSON).
CREATE FUNCTION event_time(time_stamp VARCHAR) RETURNS TIMESTAMPTZ
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT time_stamp::timestamptz $$;

CREATE FUNCTION event_meta(meta_data BYTEA, key TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT convert_from(meta_data, 'UTF8')::jsonb ->> key $$;

CREATE INDEX domain_event_entry_correlation_id ON domain_event_entry (event_meta(meta_data, 'correlationId'), global_index);
CREATE INDEX domain_event_entry_agency ON domain_event_entry (event_meta(meta_data, 'agency'), global_index);
CREATE INDEX domain_event_entry_actor ON domain_event_entry (event_meta(meta_data, 'actor'), global_index);
CREATE INDEX domain_event_entry_item_type ON domain_event_entry (type, global_index);
CREATE INDEX domain_event_entry_time ON domain_event_entry (event_time(time_stamp));
