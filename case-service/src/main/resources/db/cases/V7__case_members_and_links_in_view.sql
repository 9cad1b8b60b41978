-- A case's members and linked items also as JSON arrays on its row, written whole by the projector with the rest of
-- the row: a case or a page of cases is then read with one index scan, without two sub-selects per case (issue 14,
-- docs/performance.md). The rows of case_member and case_linked_item stay: the search by member and the attachment
-- check of a cooperation request read them. Cases stored before get theirs from those rows, as they were read.
ALTER TABLE case_view
    ADD COLUMN members JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN linked_items JSONB NOT NULL DEFAULT '[]';

UPDATE case_view SET
    members = (SELECT coalesce(jsonb_agg(jsonb_build_object('username', m.username, 'agency', m.agency,
                      'role', m.role, 'addedAt',
                      to_char(m.added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))), '[]')
                 FROM case_member m WHERE m.case_id = case_view.case_id),
    linked_items = (SELECT coalesce(jsonb_agg(jsonb_build_object('itemType', l.item_type, 'itemId', l.item_id,
                           'title', l.title, 'status', l.status,
                           'linkedAt', to_char(l.linked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                           'updatedAt', to_char(coalesce(l.updated_at, l.linked_at) AT TIME ZONE 'UTC',
                                                'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                           'visibleTo', l.visible_to) ORDER BY l.linked_at, l.item_id), '[]')
                      FROM case_linked_item l WHERE l.case_id = case_view.case_id);
