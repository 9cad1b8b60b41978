-- Webhooks (platform io.jointops.platform.webhook), in every service's own schema. A repeatable migration, so one file
-- serves every service whatever its own migrations' versions are: it must stay idempotent (IF NOT EXISTS; a change
-- adds statements that are), and Flyway runs it again whenever it changes.
--
-- webhook_subscription: the agencies' webhooks, as every service learns of them from their events (processor
-- webhook-subscriptions); never a secret (each is derived from the deployment's key and the webhook's id).
CREATE TABLE IF NOT EXISTS webhook_subscription (
    webhook_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
    agency        VARCHAR(64)   NOT NULL,
    url           VARCHAR(2000) NOT NULL,
    event_types   JSONB         NOT NULL,
    registered_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_subscription_agency ON webhook_subscription (agency);

-- webhook_delivery: one row per event of this service's part of an agency's feed and webhook of that agency that
-- wants it, written in the feed processor's transaction (so committed before any attempt, and never lost); the queue
-- the service's dispatcher claims due rows from (claimed_until: a lease, so a crashed attempt is tried again) and
-- what GET /api/webhooks/{id}/deliveries lists. status: PENDING (not tried yet), RETRYING (failed, tried again at
-- next_attempt_at), DELIVERED, DEAD (dead-lettered after the last attempt), SKIPPED (not shown to the agency when it
-- was due: hidden from it since, as its feed would pass over it).
CREATE TABLE IF NOT EXISTS webhook_delivery (
    delivery_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    webhook_id      VARCHAR(64)   NOT NULL,
    agency          VARCHAR(64)   NOT NULL,
    item_kind       VARCHAR(64)   NOT NULL,
    item_id         VARCHAR(255)  NOT NULL,
    sequence        BIGINT        NOT NULL,
    event_type      VARCHAR(255),
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ   NOT NULL,
    next_attempt_at TIMESTAMPTZ,
    claimed_until   TIMESTAMPTZ,
    last_attempt_at TIMESTAMPTZ,
    last_status     INT,
    last_error      VARCHAR(500),
    delivered_at    TIMESTAMPTZ
);
-- the dispatcher's queue: due rows not yet delivered, dead or skipped
CREATE INDEX IF NOT EXISTS webhook_delivery_due ON webhook_delivery (next_attempt_at)
    WHERE status IN ('PENDING', 'RETRYING');
-- a webhook's deliveries, newest first
CREATE INDEX IF NOT EXISTS webhook_delivery_webhook ON webhook_delivery (webhook_id, created_at DESC);
