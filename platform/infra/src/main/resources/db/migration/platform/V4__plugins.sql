-- District and zone plugins (PF4J). The jar itself is stored, with its SHA-256, so every instance runs the same
-- bytes; whether it runs is decided here, not in PF4J's files, so restarts and all instances agree.
CREATE TABLE platform.plugins (
    id              text        PRIMARY KEY,
    version         text        NOT NULL,
    provider        text        NOT NULL,
    requires        text        NOT NULL,
    description     text,
    sha256          text        NOT NULL,
    jar             bytea       NOT NULL,
    source          text        NOT NULL CHECK (source IN ('UPLOAD', 'DIRECTORY')),
    extensions      jsonb       NOT NULL,
    settings        jsonb       NOT NULL,
    enabled         boolean     NOT NULL DEFAULT false,
    started         boolean     NOT NULL DEFAULT false,
    changed_by      text        NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT now(),
    installed_at    timestamptz NOT NULL DEFAULT now(),
    state_version   bigint      NOT NULL DEFAULT 1,
    CHECK (enabled OR NOT started)
);
