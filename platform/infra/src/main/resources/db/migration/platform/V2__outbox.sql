-- Events that must not be lost: written in the same transaction as the change, dispatched at least once.
CREATE TABLE platform.outbox (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_type     text        NOT NULL,
    aggregate_id   text        NOT NULL,
    payload        text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    dispatched_at  timestamptz,
    attempts       integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error     text
);
CREATE INDEX outbox_pending_idx ON platform.outbox (next_attempt_at, id) WHERE dispatched_at IS NULL;
