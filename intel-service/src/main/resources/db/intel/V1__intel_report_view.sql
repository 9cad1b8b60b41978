-- Read model of intelligence reports. Rebuilt from the event store on replay; every write here is idempotent.
CREATE TABLE intel_report_view (
    report_id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    title                   VARCHAR(200) NOT NULL,
    summary                 TEXT         NOT NULL,
    category                VARCHAR(40)  NOT NULL,
    source_reliability      CHAR(1)      NOT NULL,
    information_credibility SMALLINT     NOT NULL,
    -- the Admiralty grading as analysts write it, e.g. B2
    grading                 CHAR(2)      NOT NULL,
    owner_agency            VARCHAR(32)  NOT NULL,
    released_to             TEXT[]       NOT NULL,
    tlp                     VARCHAR(20)  NOT NULL,
    handling_code           VARCHAR(2)   NOT NULL,
    linked_cases            TEXT[]       NOT NULL,
    version                 BIGINT       NOT NULL,
    submitted_at            TIMESTAMPTZ  NOT NULL,
    submitted_by            VARCHAR(255),
    updated_at              TIMESTAMPTZ  NOT NULL
);
CREATE INDEX intel_report_view_owner_agency ON intel_report_view (owner_agency, submitted_at DESC);
CREATE INDEX intel_report_view_released_to ON intel_report_view USING GIN (released_to);
