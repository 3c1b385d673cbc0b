CREATE TABLE security.users (
    id                  uuid        PRIMARY KEY,
    username            text        NOT NULL,
    display_name        text        NOT NULL,
    password_hash       text        NOT NULL,
    roles               text[]      NOT NULL,
    area_codes          text[]      NOT NULL DEFAULT '{}',
    receiving_body_ids  uuid[]      NOT NULL DEFAULT '{}',
    enterprise_ids      uuid[]      NOT NULL DEFAULT '{}',
    disabled            boolean     NOT NULL DEFAULT false,
    version             bigint      NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_idx ON security.users (lower(username));

-- Bearer tokens are stored as SHA-256 hashes only: a copy of this table lets nobody log in.
CREATE TABLE security.sessions (
    token_hash    text        PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES security.users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz
);
CREATE INDEX sessions_user_idx ON security.sessions (user_id) WHERE revoked_at IS NULL;

-- Failed logins per user name and per client address within the current window.
CREATE TABLE security.login_failures (
    throttle_key  text        PRIMARY KEY,
    failures      integer     NOT NULL,
    window_start  timestamptz NOT NULL
);
