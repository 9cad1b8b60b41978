-- The positions of each payload type in order: a processor's filtered read fetches the events of its types through it,
-- and counts the positions in between (through the primary key) instead of reading their rows, so that a processor
-- that handles none of a run of events passes over it in one cheap statement (NotifyingEventStorageEngine).
CREATE INDEX domain_event_entry_payload_type ON domain_event_entry (payload_type, global_index);
