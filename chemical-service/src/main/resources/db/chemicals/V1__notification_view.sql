-- Read model of pre-export notifications. Rebuilt from the event store on replay; every write here is idempotent.
CREATE TABLE notification_view (
    notification_id        VARCHAR(64)    NOT NULL PRIMARY KEY,
    exporting_agency       VARCHAR(32)    NOT NULL,
    importing_agency       VARCHAR(32)    NOT NULL,
    -- parties as the notification states them: {"name": ..., "address": {"street", "city", "postalCode", "country"}}
    exporter               JSONB          NOT NULL,
    importer               JSONB          NOT NULL,
    consignee              JSONB          NOT NULL,
    substance_name         VARCHAR(200)   NOT NULL,
    cas_number             VARCHAR(12)    NOT NULL,
    quantity               NUMERIC(15, 3) NOT NULL,
    unit                   VARCHAR(2)     NOT NULL,
    expected_dispatch_date DATE           NOT NULL,
    point_of_entry         VARCHAR(200)   NOT NULL,
    export_licence_number  VARCHAR(64),
    tlp                    VARCHAR(20)    NOT NULL,
    handling_code          VARCHAR(2)     NOT NULL,
    version                BIGINT         NOT NULL,
    filed_at               TIMESTAMPTZ    NOT NULL,
    filed_by               VARCHAR(255),
    updated_at             TIMESTAMPTZ    NOT NULL
);
CREATE INDEX notification_view_exporting_agency ON notification_view (exporting_agency, filed_at DESC);
CREATE INDEX notification_view_importing_agency ON notification_view (importing_agency, filed_at DESC);
CREATE INDEX notification_view_cas_number ON notification_view (cas_number);
