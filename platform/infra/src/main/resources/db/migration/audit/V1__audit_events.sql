-- The audit trail: append-only and hash-chained. Each event carries the hash of the one before it, so an altered
-- or removed row breaks the chain where it happened; chain_head records the newest hash, so removing the newest
-- rows shows too.
CREATE TABLE audit.events (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,
    occurred_at  timestamptz NOT NULL,
    actor_id     uuid,
    actor_name   text        NOT NULL,
    action       text        NOT NULL,
    entity_type  text,
    entity_id    text,
    outcome      text        NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILED')),
    address      text,
    detail       text        NOT NULL,
    prev_hash    text        NOT NULL,
    hash         text        NOT NULL
);

CREATE INDEX events_actor_idx ON audit.events (actor_name, seq);
CREATE INDEX events_entity_idx ON audit.events (entity_type, entity_id, seq);
CREATE INDEX events_time_idx ON audit.events (occurred_at, seq);

CREATE TABLE audit.chain_head (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_seq   bigint  NOT NULL,
    last_hash  text    NOT NULL
);
INSERT INTO audit.chain_head (last_seq, last_hash) VALUES (0, repeat('0', 64));

-- The application never changes or removes an event; the database refuses it too.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$;

CREATE TRIGGER events_append_only
    BEFORE UPDATE OR DELETE ON audit.events
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

CREATE TRIGGER events_no_truncate
    BEFORE TRUNCATE ON audit.events
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
