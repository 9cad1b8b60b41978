-- The report view now folds every workflow event into one JSON document (the same function answers ?asOf=), with
-- the columns that visibility and lists need beside it. Views are rebuilt from the event store: the old table goes,
-- and the processor's tokens go with it, so it starts again from the first event.
DROP TABLE intel_report_view;
DELETE FROM token_entry WHERE processor_name = 'intel-report-view';

CREATE TABLE intel_report_view (
    report_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    owner_agency VARCHAR(32) NOT NULL,
    released_to  TEXT[]      NOT NULL,
    -- DRAFT, SUBMITTED_FOR_RELEASE, RETURNED, DISSEMINATED or WITHDRAWN: partners see the last two
    status       VARCHAR(24) NOT NULL,
    tlp          VARCHAR(20) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    version      BIGINT      NOT NULL,
    doc          JSONB       NOT NULL
);
CREATE INDEX intel_report_view_owner_agency ON intel_report_view (owner_agency, created_at DESC);
CREATE INDEX intel_report_view_released_to ON intel_report_view USING GIN (released_to);

-- Hit/no-hit: the normalised entities each report names.
CREATE TABLE intel_report_entity (
    report_id   VARCHAR(64)  NOT NULL,
    entity_type VARCHAR(24)  NOT NULL,
    normalised  VARCHAR(600) NOT NULL,
    PRIMARY KEY (report_id, entity_type, normalised)
);
CREATE INDEX intel_report_entity_match ON intel_report_entity (entity_type, normalised);

-- Read log of reports labelled TLP:AMBER or stricter, from IntelReportReadEvent.
CREATE TABLE intel_report_read (
    event_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    report_id     VARCHAR(64)  NOT NULL,
    reader        VARCHAR(255) NOT NULL,
    reader_agency VARCHAR(32)  NOT NULL,
    read_view     VARCHAR(16)  NOT NULL,
    read_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX intel_report_read_report ON intel_report_read (report_id, read_at, event_id);

-- Owners told of searches that matched their reports, from IntelEntityHiddenHitEvent.
CREATE TABLE intel_notification (
    event_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner_agency     VARCHAR(32)  NOT NULL,
    report_id        VARCHAR(64)  NOT NULL,
    searching_agency VARCHAR(32)  NOT NULL,
    searcher         VARCHAR(255) NOT NULL,
    entity_type      VARCHAR(24)  NOT NULL,
    normalised       VARCHAR(600) NOT NULL,
    noted_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX intel_notification_owner ON intel_notification (owner_agency, noted_at DESC, event_id);

-- Takedown requests, folded like the reports.
CREATE TABLE takedown_view (
    takedown_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    requesting_agency VARCHAR(32)  NOT NULL,
    platform          VARCHAR(100) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    requested_at      TIMESTAMPTZ  NOT NULL,
    version           BIGINT       NOT NULL,
    doc               JSONB        NOT NULL
);
CREATE INDEX takedown_view_agency ON takedown_view (requesting_agency, requested_at DESC);
CREATE INDEX takedown_view_platform ON takedown_view (lower(platform), status);

-- Every completed removal round (request or reappearance until removal), for time-to-removal statistics.
CREATE TABLE takedown_removal (
    takedown_id       VARCHAR(64)  NOT NULL,
    round             INT          NOT NULL,
    requesting_agency VARCHAR(32)  NOT NULL,
    platform          VARCHAR(100) NOT NULL,
    seconds           BIGINT       NOT NULL,
    PRIMARY KEY (takedown_id, round)
);
