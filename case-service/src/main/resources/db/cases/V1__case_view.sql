-- Read model of joint cases. Rebuilt from the event store on replay; every write here is idempotent.
CREATE TABLE case_view (
    case_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    title            VARCHAR(200) NOT NULL,
    summary          TEXT         NOT NULL,
    lead_agency      VARCHAR(32)  NOT NULL,
    partner_agencies TEXT[]       NOT NULL,
    tlp              VARCHAR(20)  NOT NULL,
    handling_code    VARCHAR(2)   NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    version          BIGINT       NOT NULL,
    opened_at        TIMESTAMPTZ  NOT NULL,
    opened_by        VARCHAR(255),
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_view_lead_agency ON case_view (lead_agency, opened_at DESC);
CREATE INDEX case_view_partner_agencies ON case_view USING GIN (partner_agencies);

CREATE TABLE case_linked_item (
    case_id   VARCHAR(64)  NOT NULL REFERENCES case_view (case_id),
    item_type VARCHAR(40)  NOT NULL,
    item_id   VARCHAR(64)  NOT NULL,
    title     VARCHAR(400),
    linked_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (case_id, item_type, item_id)
);
