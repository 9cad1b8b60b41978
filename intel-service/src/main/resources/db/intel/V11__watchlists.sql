-- Watchlists (issue 16, part 3), kept by the watchlist-view projector from the Watchlist events.
-- An agency's watchlist as one document (its entries), read by its API and the partner feed.
CREATE TABLE watchlist_view (
    watchlist_id VARCHAR(100) NOT NULL PRIMARY KEY,
    agency       VARCHAR(64)  NOT NULL UNIQUE,
    version      BIGINT       NOT NULL,
    doc          JSONB        NOT NULL
);

-- The entries' match keys (io.jointops.identifiers), which the identifiers an agency's feed delivers are looked up by.
CREATE TABLE watchlist_key (
    agency    VARCHAR(64)  NOT NULL,
    family    VARCHAR(32)  NOT NULL,
    index_key TEXT         NOT NULL,
    entry_id  VARCHAR(64)  NOT NULL,
    rule      VARCHAR(32)  NOT NULL,
    PRIMARY KEY (agency, family, index_key, entry_id)
);
CREATE INDEX watchlist_key_entry ON watchlist_key (agency, entry_id);

-- The alerts, one per entry and item.
CREATE TABLE watchlist_alert (
    alert_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    agency       VARCHAR(64)  NOT NULL,
    entry_id     VARCHAR(64)  NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    entry_value  TEXT         NOT NULL,
    item_context VARCHAR(32)  NOT NULL,
    item_type    VARCHAR(100) NOT NULL,
    item_id      VARCHAR(255) NOT NULL,
    sequence     BIGINT       NOT NULL,
    path         VARCHAR(500) NOT NULL,
    value        TEXT         NOT NULL,
    rule         VARCHAR(32)  NOT NULL,
    strength     VARCHAR(16)  NOT NULL,
    raised_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX watchlist_alert_agency ON watchlist_alert (agency, raised_at DESC, alert_id);
