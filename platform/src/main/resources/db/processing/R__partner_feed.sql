-- The service's part of the partner feed (platform io.jointops.platform.feed), in every service's own schema. A
-- repeatable migration, so one file serves every service whatever its own migrations' versions are: it must stay
-- idempotent (IF NOT EXISTS; a change adds statements that are), and Flyway runs it again whenever it changes.
--
-- partner_feed: one row per event and agency the event goes to, written by the feed's one processor (one segment), so
-- position follows the commits and is a safe cursor; it is never shown to an agency (the gateway seals it). An event
-- goes to an agency once (the unique key), also when an item is shown to it again.
CREATE TABLE IF NOT EXISTS partner_feed (
    position    BIGSERIAL    NOT NULL PRIMARY KEY,
    agency      VARCHAR(64)  NOT NULL,
    item_kind   VARCHAR(64)  NOT NULL,
    item_id     VARCHAR(255) NOT NULL,
    sequence    BIGINT       NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT partner_feed_event_once UNIQUE (agency, item_id, sequence)
);
-- an agency's page: its rows after a position
CREATE INDEX IF NOT EXISTS partner_feed_agency_position ON partner_feed (agency, position);
-- A row that is no event of the item but a notice about it (docs/privacy.md, "Partners"): personal data of the item
-- was erased. Its sequence is below zero (minus the erasure event's global index, plus one), so it never takes an
-- event's place; notice holds what the feed says of it, nothing personal.
ALTER TABLE partner_feed ADD COLUMN IF NOT EXISTS notice JSONB;

-- The agencies an item's rows go to: one the item is shown to that is not here yet first gets the item's earlier events.
CREATE TABLE IF NOT EXISTS partner_feed_audience (
    item_id VARCHAR(255) NOT NULL,
    agency  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (item_id, agency)
);
