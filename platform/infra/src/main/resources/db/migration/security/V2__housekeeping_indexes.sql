-- Housekeeping removes ended sessions and closed throttling windows: let it find them without scanning.
CREATE INDEX sessions_end_idx ON security.sessions ((coalesce(revoked_at, expires_at)));
CREATE INDEX login_failures_window_idx ON security.login_failures (window_start);
