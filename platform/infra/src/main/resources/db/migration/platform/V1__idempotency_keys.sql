-- Replies to creations made with an Idempotency-Key, per caller; kept for the retention period.
CREATE TABLE platform.idempotency_keys (
    actor_id     uuid        NOT NULL,
    idem_key     text        NOT NULL,
    fingerprint  text        NOT NULL,
    status       integer,
    body         text,
    headers      text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (actor_id, idem_key)
);
CREATE INDEX idempotency_keys_created_idx ON platform.idempotency_keys (created_at);
