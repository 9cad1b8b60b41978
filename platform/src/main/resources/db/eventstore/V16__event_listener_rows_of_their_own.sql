-- A service's role registers only its own connection's channels, and deletes only the rows of its own role's
-- connections or of connections that are gone: a stolen service login can neither silence another service's listener
-- nor register channels under another connection (row-level security; the table's owner and the announcers' reads are
-- not restricted).
ALTER TABLE event_listener ENABLE ROW LEVEL SECURITY;
CREATE POLICY event_listener_read ON event_listener FOR SELECT USING (true);
CREATE POLICY event_listener_register ON event_listener FOR INSERT WITH CHECK (backend_pid = pg_backend_pid());
CREATE POLICY event_listener_forget ON event_listener FOR DELETE
    USING (NOT EXISTS (SELECT FROM pg_stat_activity a WHERE a.pid = backend_pid AND a.usename <> current_user));
