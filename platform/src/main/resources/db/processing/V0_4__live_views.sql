-- Views written in the transaction of the command that appends their events (LiveView): a row once the view's
-- processor has caught up since the view was first written that way; from then on the processor runs only to rebuild.
CREATE TABLE live_view (
    processor_name VARCHAR(255) NOT NULL PRIMARY KEY,
    caught_up_at   TIMESTAMPTZ  NOT NULL
);
