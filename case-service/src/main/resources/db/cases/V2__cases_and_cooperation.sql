-- Joint cases in full (lifecycle, tags, members, tasks, notes, linked items' status), cooperation requests and case
-- leads. Views are rebuilt from the event store on replay; every write to them is idempotent.
ALTER TABLE case_view ADD COLUMN closing_reason VARCHAR(40);
ALTER TABLE case_view ADD COLUMN tags TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX case_view_tags ON case_view USING GIN (tags);
CREATE INDEX case_view_status ON case_view (status);

ALTER TABLE case_linked_item ADD COLUMN status VARCHAR(60);
ALTER TABLE case_linked_item ADD COLUMN updated_at TIMESTAMPTZ;

CREATE TABLE case_member (
    case_id   VARCHAR(64)  NOT NULL REFERENCES case_view (case_id),
    username  VARCHAR(100) NOT NULL,
    agency    VARCHAR(32)  NOT NULL,
    role      VARCHAR(30)  NOT NULL,
    added_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (case_id, username)
);
CREATE INDEX case_member_username ON case_member (username);

CREATE TABLE case_task (
    task_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_id    VARCHAR(64)  NOT NULL REFERENCES case_view (case_id),
    title      VARCHAR(200) NOT NULL,
    assignee   VARCHAR(100) NOT NULL,
    due_date   DATE         NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_task_case ON case_task (case_id, due_date);

CREATE TABLE case_note (
    note_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_id    VARCHAR(64)  NOT NULL REFERENCES case_view (case_id),
    text       TEXT         NOT NULL,
    tlp        VARCHAR(20)  NOT NULL,
    author     VARCHAR(100) NOT NULL,
    agency     VARCHAR(32)  NOT NULL,
    written_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_note_case ON case_note (case_id, written_at);

CREATE TABLE cooperation_request_view (
    request_id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    case_id            VARCHAR(64),
    requesting_agency  VARCHAR(32)   NOT NULL,
    receiving_agency   VARCHAR(32)   NOT NULL,
    type               VARCHAR(40)   NOT NULL,
    legal_basis        TEXT          NOT NULL,
    legal_reference    VARCHAR(200)  NOT NULL,
    priority           VARCHAR(10)   NOT NULL,
    question           TEXT          NOT NULL,
    attachments        TEXT          NOT NULL,
    answers            TEXT          NOT NULL DEFAULT '[]',
    status             VARCHAR(30)   NOT NULL,
    status_reason      TEXT,
    response_due       TIMESTAMPTZ   NOT NULL,
    remind_at          TIMESTAMPTZ,
    escalate_at        TIMESTAMPTZ   NOT NULL,
    reminded           BOOLEAN       NOT NULL DEFAULT FALSE,
    overdue            BOOLEAN       NOT NULL DEFAULT FALSE,
    escalated          BOOLEAN       NOT NULL DEFAULT FALSE,
    sent_by            VARCHAR(100)  NOT NULL,
    sent_at            TIMESTAMPTZ   NOT NULL,
    acknowledged_by    VARCHAR(100),
    acknowledged_at    TIMESTAMPTZ,
    version            BIGINT        NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX cooperation_request_inbox ON cooperation_request_view (receiving_agency, response_due);
CREATE INDEX cooperation_request_outbox ON cooperation_request_view (requesting_agency, sent_at DESC);
CREATE INDEX cooperation_request_case ON cooperation_request_view (case_id);

CREATE TABLE case_lead_view (
    lead_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    item_type        VARCHAR(40)  NOT NULL,
    item_id          VARCHAR(64)  NOT NULL,
    title            VARCHAR(400) NOT NULL,
    proposing_agency VARCHAR(32)  NOT NULL,
    agencies         TEXT[]       NOT NULL,
    reason           TEXT         NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    case_id          VARCHAR(64),
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMPTZ,
    decision_reason  TEXT,
    proposed_at      TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL
);
CREATE INDEX case_lead_agencies ON case_lead_view USING GIN (agencies);
CREATE INDEX case_lead_item ON case_lead_view (item_id);

-- Kept by the integration translators (not a view, never replayed): which cases link an item, so that a change of
-- the item in its owning service reaches every case linking it.
CREATE TABLE linked_item_case (
    item_type VARCHAR(40) NOT NULL,
    item_id   VARCHAR(64) NOT NULL,
    case_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (item_type, item_id, case_id)
);
