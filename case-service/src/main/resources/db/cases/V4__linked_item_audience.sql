-- The agencies a linked item is shown to in its case: those the case had when the link was recorded, which the owning
-- service confirmed may see the item (CaseViewFold). An agency added to the case later is not among them (issue 15).
-- Links stored before have no recorded audience: they are shown to no agency (auditors only) until the case view is
-- replayed (infra/bin/replay cases case-view), which computes every link's audience from the case's events.
ALTER TABLE case_linked_item ADD COLUMN visible_to VARCHAR(32)[] NOT NULL DEFAULT '{}';
