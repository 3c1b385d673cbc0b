package cq.retirees.infra.security;

import cq.retirees.infra.db.Rows;
import io.helidon.dbclient.DbExecute;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Bearer-token sessions, looked up by the token's hash. */
final class SessionsDb {

    record Session(String tokenHash, User user, Instant expiresAt, Instant lastSeenAt) {
    }

    void create(DbExecute db, String tokenHash, UUID userId, Instant expiresAt) {
        db.dml("INSERT INTO security.sessions (token_hash, user_id, expires_at) VALUES (?, ?::uuid, ?)",
                tokenHash, userId, Rows.timestamp(expiresAt));
    }

    /** The live session of a token: not revoked, within its absolute lifetime and its idle timeout, user enabled. */
    Optional<Session> live(DbExecute db, String tokenHash, Duration idleTimeout) {
        return db.get("SELECT s.token_hash, s.expires_at, s.last_seen_at, u.id, u.username, u.display_name, u.roles,"
                        + " u.area_codes, u.receiving_body_ids, u.enterprise_ids, u.disabled, u.version,"
                        + " u.created_at, u.updated_at"
                        + " FROM security.sessions s JOIN security.users u ON u.id = s.user_id"
                        + " WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > now()"
                        + " AND s.last_seen_at > now() - make_interval(secs => ?) AND NOT u.disabled",
                tokenHash, (double) idleTimeout.toSeconds())
                .map(row -> new Session(Rows.string(row, "token_hash"), UsersDb.user(row),
                        Rows.instant(row, "expires_at"), Rows.instant(row, "last_seen_at")));
    }

    void touch(DbExecute db, String tokenHash) {
        db.dml("UPDATE security.sessions SET last_seen_at = now() WHERE token_hash = ?", tokenHash);
    }

    void revoke(DbExecute db, String tokenHash) {
        db.dml("UPDATE security.sessions SET revoked_at = now() WHERE token_hash = ? AND revoked_at IS NULL",
                tokenHash);
    }

    long revokeAllOf(DbExecute db, UUID userId) {
        return db.dml("UPDATE security.sessions SET revoked_at = now() WHERE user_id = ?::uuid AND revoked_at IS NULL",
                userId);
    }
}
