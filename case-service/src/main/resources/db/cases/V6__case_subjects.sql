-- A case's subjects (issue 16): the persons, companies, phone numbers, accounts, wallets ... it is about, as a JSON
-- array on the case's row: read with the case, never searched here (deconfliction keeps their match keys in intel's
-- schema), and rewritten whole by the projector, which holds them all. Cases stored before had none.
ALTER TABLE case_view ADD COLUMN subjects JSONB NOT NULL DEFAULT '[]';
