-- Housekeeping removes events delivered long ago.
CREATE INDEX outbox_dispatched_idx ON platform.outbox (dispatched_at) WHERE dispatched_at IS NOT NULL;
