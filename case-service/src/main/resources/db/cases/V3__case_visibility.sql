-- One row per agency that may see a case (the lead and each partner), kept by the case view's projector: an agency's
-- page of cases newest first is a range of one index, and its count an index-only scan, instead of a scan of every
-- case behind "lead_agency = :agency OR :agency = ANY(partner_agencies)".
CREATE TABLE case_visibility (
    agency    VARCHAR(32) NOT NULL,
    case_id   VARCHAR(64) NOT NULL REFERENCES case_view (case_id),
    opened_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (agency, case_id)
);
CREATE INDEX case_visibility_newest ON case_visibility (agency, opened_at DESC, case_id);

INSERT INTO case_visibility (agency, case_id, opened_at)
SELECT lead_agency, case_id, opened_at FROM case_view
UNION
SELECT unnest(partner_agencies), case_id, opened_at FROM case_view;
