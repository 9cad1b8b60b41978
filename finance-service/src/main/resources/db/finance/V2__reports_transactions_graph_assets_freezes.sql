-- Issue 6: the report view gains the goAML fields of revision 2; the money-flow graph, identified assets and freeze
-- requests get their own views. All rebuilt from the event store on replay; every write is idempotent.
ALTER TABLE transaction_report_view
    ADD COLUMN reporting_person  VARCHAR(200),
    ADD COLUMN indicators        TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN transaction_count INTEGER NOT NULL DEFAULT 0;

-- Money-flow graph (processing group money-flow-graph). One edge per reported transaction; nodes are the
-- normalised account or wallet keys (entity resolution, MoneyNodes), so reports naming the same account meet there.
-- Visibility is per report: an edge counts for an agency only if its report is visible to it.
CREATE TABLE money_flow_report (
    report_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    owner_agency VARCHAR(32) NOT NULL,
    released_to  TEXT[]      NOT NULL
);
CREATE INDEX money_flow_report_owner ON money_flow_report (owner_agency);
CREATE INDEX money_flow_report_released_to ON money_flow_report USING GIN (released_to);

CREATE TABLE money_flow_edge (
    report_id    VARCHAR(64)    NOT NULL,
    tx_index     INTEGER        NOT NULL,
    tx_number    VARCHAR(50)    NOT NULL,
    tx_date      DATE           NOT NULL,
    amount       NUMERIC(19, 4) NOT NULL,
    currency     CHAR(3)        NOT NULL,
    mode         VARCHAR(30),
    from_key     VARCHAR(200)   NOT NULL,
    from_name    VARCHAR(200),
    from_country CHAR(2),
    to_key       VARCHAR(200)   NOT NULL,
    to_name      VARCHAR(200),
    to_country   CHAR(2),
    PRIMARY KEY (report_id, tx_index)
);
-- the two directions of "follow the money": one index range scan per frontier node and hop
CREATE INDEX money_flow_edge_from ON money_flow_edge (from_key, tx_date) INCLUDE (to_key, report_id);
CREATE INDEX money_flow_edge_to ON money_flow_edge (to_key, tx_date) INCLUDE (from_key, report_id);

CREATE TABLE asset_view (
    asset_id        VARCHAR(64)    NOT NULL PRIMARY KEY,
    case_id         VARCHAR(64)    NOT NULL,
    category        VARCHAR(20)    NOT NULL,
    description     TEXT           NOT NULL,
    identifier      VARCHAR(200)   NOT NULL,
    country         CHAR(2)        NOT NULL,
    estimated_value NUMERIC(19, 4) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    owner_agency    VARCHAR(32)    NOT NULL,
    released_to     TEXT[]         NOT NULL,
    tlp             VARCHAR(20)    NOT NULL,
    handling_code   VARCHAR(2)     NOT NULL,
    version         BIGINT         NOT NULL,
    recorded_at     TIMESTAMPTZ    NOT NULL,
    recorded_by     VARCHAR(255),
    updated_at      TIMESTAMPTZ    NOT NULL
);
CREATE INDEX asset_view_case ON asset_view (case_id);
CREATE INDEX asset_view_owner ON asset_view (owner_agency, recorded_at DESC);
CREATE INDEX asset_view_released_to ON asset_view USING GIN (released_to);

-- A freeze request's view is its folded record as JSON (the same pure fold serves ?asOf=), plus the columns that
-- lists and totals filter on.
CREATE TABLE freeze_request_view (
    request_id        VARCHAR(64) NOT NULL PRIMARY KEY,
    requesting_agency VARCHAR(32) NOT NULL,
    receiving_agency  VARCHAR(32) NOT NULL,
    case_id           VARCHAR(64),
    status            VARCHAR(20) NOT NULL,
    version           BIGINT      NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    document          TEXT        NOT NULL
);
CREATE INDEX freeze_request_view_requesting ON freeze_request_view (requesting_agency, requested_at DESC);
CREATE INDEX freeze_request_view_receiving ON freeze_request_view (receiving_agency, requested_at DESC);
CREATE INDEX freeze_request_view_case ON freeze_request_view (case_id);

CREATE TABLE freeze_request_amount (
    request_id        VARCHAR(64)    NOT NULL,
    target_index      INTEGER        NOT NULL,
    requesting_agency VARCHAR(32)    NOT NULL,
    receiving_agency  VARCHAR(32)    NOT NULL,
    requesting_country CHAR(2)       NOT NULL,
    receiving_country CHAR(2)        NOT NULL,
    case_id           VARCHAR(64),
    currency          CHAR(3)        NOT NULL,
    sought            NUMERIC(19, 4) NOT NULL,
    frozen            NUMERIC(19, 4) NOT NULL,
    released          NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (request_id, target_index)
);
CREATE INDEX freeze_request_amount_case ON freeze_request_amount (case_id);
