-- The channels each listening connection hears (EventStoreWakeUp writes its own rows, by PostgreSQL's process id):
-- an announcement (EventAnnouncer) goes out only on the channels another process listens on, so that a commit no
-- other process reads sends no NOTIFY, and wakes no listening backend (PostgreSQL signals every listener of the
-- database on every notification, whatever its channel). Rows whose backend is gone are ignored, and deleted at the
-- next registration.
CREATE TABLE event_listener (
    backend_pid INTEGER NOT NULL,
    channel     TEXT    NOT NULL,
    PRIMARY KEY (backend_pid, channel)
);
