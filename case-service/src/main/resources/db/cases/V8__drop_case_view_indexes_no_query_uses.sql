-- Indexes of the case view that no query of the service can use (issue 14, docs/performance.md), which every case
-- written paid for: the searches test a tag and an agency with `= ANY(array)`, which a GIN index does not serve, and
-- take the lead and the partner agencies with OR, which the index on (lead_agency, opened_at) does not serve either
-- (EXPLAIN: sequential scans with or without them); lists by agency read case_visibility. case_view_status stays: a
-- search by a rare status uses it.
DROP INDEX case_view_tags;
DROP INDEX case_view_partner_agencies;
DROP INDEX case_view_lead_agency;
