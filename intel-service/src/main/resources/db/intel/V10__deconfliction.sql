-- Deconfliction (issue 16, part 4). V10, not V4: intel's next migrations (V3, the entities' match keys) were being
-- written beside this one; numbers in between are free for them.
--
-- The identifiers every context's items name, one row per match key (io.jointops.identifiers), kept by intel-service's
-- deconfliction processor from the events' @Identifies fields. A row says which agency's item names the value, never
-- shown to another agency: only the processor reads it, to tell both agencies of a match that one holds it.
CREATE TABLE deconfliction_key (
    family     VARCHAR(32)  NOT NULL,  -- io.jointops.identifiers.IdentifierKind.Family: keys match within one
    index_key  TEXT         NOT NULL,  -- MatchKey#indexKey, e.g. latin:zhangwei, e164:+12025550143
    agency     VARCHAR(64)  NOT NULL,  -- the agency whose event named it (audit metadata)
    context    VARCHAR(32)  NOT NULL,  -- cases, intel, finance, chemicals
    item_id    VARCHAR(255) NOT NULL,
    kind       VARCHAR(32)  NOT NULL,  -- Identifies.Kind the value was read as
    canonical  TEXT         NOT NULL,  -- Identifier#canonical: ZHANG WEI and Zhang Wei are one identifier of an item
    value      TEXT         NOT NULL,  -- as the first event naming it wrote it
    item_type  VARCHAR(100) NOT NULL,  -- the item's aggregate type
    rule       VARCHAR(32)  NOT NULL,  -- the rule of this key (MatchRule#id)
    path       VARCHAR(500) NOT NULL,  -- where the first event naming it had it
    PRIMARY KEY (family, index_key, agency, context, item_id, kind, canonical)
);

-- What each agency was told: one row per notice (agency, own item, other agency), from the Deconfliction events.
CREATE TABLE deconfliction_notice (
    notice_id    VARCHAR(100) NOT NULL PRIMARY KEY,
    agency       VARCHAR(64)  NOT NULL,
    item_context VARCHAR(32)  NOT NULL,
    item_type    VARCHAR(100) NOT NULL,
    item_id      VARCHAR(255) NOT NULL,
    other_agency VARCHAR(64)  NOT NULL,
    contact      TEXT         NOT NULL,
    matches      JSONB        NOT NULL,  -- DeconflictionMatch records, one per own identifier, strongest rule
    issued_at    TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE INDEX deconfliction_notice_agency ON deconfliction_notice (agency, updated_at DESC, notice_id);
