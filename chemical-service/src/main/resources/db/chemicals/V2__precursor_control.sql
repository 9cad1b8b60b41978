-- The importing authority's response on the notification view, and the views of shipments, incidents, national
-- controls and intelligence mentions. Rebuilt from the event store on replay; every write is idempotent.
ALTER TABLE notification_view
    ADD COLUMN status             VARCHAR(16)  NOT NULL DEFAULT 'FILED',
    ADD COLUMN mixture_percentage NUMERIC(5, 2),
    ADD COLUMN transport_mode     VARCHAR(16),
    ADD COLUMN route              JSONB        NOT NULL DEFAULT '[]',
    ADD COLUMN response_due_by    TIMESTAMPTZ,
    ADD COLUMN acknowledged_at    TIMESTAMPTZ,
    ADD COLUMN answered_at        TIMESTAMPTZ,
    ADD COLUMN objection_reason   TEXT,
    ADD COLUMN escalated_to       JSONB,
    ADD COLUMN escalated_at       TIMESTAMPTZ,
    -- the importer's name normalised (PartyNames), for the "repeated no reply" risk indicator
    ADD COLUMN importer_key       VARCHAR(200);
CREATE INDEX notification_view_escalated ON notification_view (escalated_at DESC) WHERE status = 'NO_REPLY';
CREATE INDEX notification_view_importer_key ON notification_view (importer_key) WHERE status = 'NO_REPLY';

-- Shipments, incidents and national controls are kept as documents (the view record as JSON, folded from the item's
-- events by the same function that answers ?asOf=), with the columns that lists filter and sort on beside them.
CREATE TABLE shipment_view (
    shipment_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    agencies        TEXT[]       NOT NULL,
    notification_id VARCHAR(64),
    status          VARCHAR(16)  NOT NULL,
    version         BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    document        JSONB        NOT NULL
);
CREATE INDEX shipment_view_agencies ON shipment_view USING GIN (agencies);
CREATE INDEX shipment_view_notification ON shipment_view (notification_id);

CREATE TABLE incident_view (
    incident_id VARCHAR(64) NOT NULL PRIMARY KEY,
    agencies    TEXT[]      NOT NULL,
    status      VARCHAR(16) NOT NULL,
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    document    JSONB       NOT NULL
);
CREATE INDEX incident_view_agencies ON incident_view USING GIN (agencies);

-- national controls are regulatory reference data: every platform user reads them
CREATE TABLE national_control_view (
    control_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    agencies    TEXT[]      NOT NULL,
    status      VARCHAR(16) NOT NULL,
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    document    JSONB       NOT NULL
);

-- names of organisations and persons in intelligence reports, and who may see each report (intel-service's events)
CREATE TABLE intel_mention (
    report_id VARCHAR(64)  NOT NULL,
    name_key  VARCHAR(400) NOT NULL,
    title     VARCHAR(400),
    PRIMARY KEY (report_id, name_key)
);
CREATE INDEX intel_mention_name ON intel_mention (name_key);
CREATE TABLE intel_audience (
    report_id VARCHAR(64) NOT NULL,
    agency    VARCHAR(32) NOT NULL,
    PRIMARY KEY (report_id, agency)
);
