-- How many cases each agency sees, so that a page of its cases carries its total without counting them (the count grew
-- with the agency's cases: 2.5-5 ms at 15,000). One row per agency and processor segment: a segment is processed by one
-- thread at a time, so the projector's transactions never wait on each other's counters (one shared row per agency
-- would serialise them and could deadlock); an agency's total is the sum of its few rows.
CREATE TABLE case_visibility_count (
    agency  VARCHAR(32) NOT NULL,
    segment INT         NOT NULL,
    cases   BIGINT      NOT NULL,
    PRIMARY KEY (agency, segment)
);

INSERT INTO case_visibility_count (agency, segment, cases)
SELECT agency, 0, count(*) FROM case_visibility GROUP BY agency;
