-- Read model of suspicious transaction reports. Rebuilt from the event store on replay; every write here is idempotent.
CREATE TABLE transaction_report_view (
    report_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    report_code      VARCHAR(3)   NOT NULL,
    reporting_entity VARCHAR(200) NOT NULL,
    submission_date  DATE         NOT NULL,
    reason           TEXT         NOT NULL,
    owner_agency     VARCHAR(32)  NOT NULL,
    released_to      TEXT[]       NOT NULL,
    tlp              VARCHAR(20)  NOT NULL,
    handling_code    VARCHAR(2)   NOT NULL,
    version          BIGINT       NOT NULL,
    filed_at         TIMESTAMPTZ  NOT NULL,
    filed_by         VARCHAR(255),
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX transaction_report_view_owner_agency ON transaction_report_view (owner_agency, filed_at DESC);
CREATE INDEX transaction_report_view_released_to ON transaction_report_view USING GIN (released_to);
