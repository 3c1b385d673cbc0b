package cq.retirees.infra.security;

import cq.retirees.infra.db.PgArrays;
import cq.retirees.infra.db.Rows;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.access.Role;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Users in the {@code security} schema. */
final class UsersDb {

    private static final String COLUMNS = "id, username, display_name, roles, area_codes, receiving_body_ids,"
            + " enterprise_ids, disabled, version, created_at, updated_at";

    record Credentials(User user, String passwordHash) {
    }

    Optional<Credentials> credentials(DbExecute db, String username) {
        return db.get("SELECT " + COLUMNS + ", password_hash FROM security.users WHERE lower(username) = lower(?)",
                username).map(row -> new Credentials(user(row), Rows.string(row, "password_hash")));
    }

    Optional<User> byId(DbExecute db, UUID id) {
        return db.get("SELECT " + COLUMNS + " FROM security.users WHERE id = ?::uuid", id).map(UsersDb::user);
    }

    List<User> page(DbExecute db, String afterUsername, int fetch) {
        try (Stream<DbRow> rows = db.query("SELECT " + COLUMNS + " FROM security.users"
                + " WHERE lower(username) > lower(?) ORDER BY lower(username) LIMIT ?", afterUsername, fetch)) {
            return rows.map(UsersDb::user).toList();
        }
    }

    boolean insert(DbExecute db, User user, String passwordHash) {
        return db.dml("INSERT INTO security.users (id, username, display_name, password_hash, roles, area_codes,"
                        + " receiving_body_ids, enterprise_ids, disabled, version, created_at, updated_at)"
                        + " VALUES (?::uuid, ?, ?, ?, ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?, 1, now(), now())"
                        + " ON CONFLICT DO NOTHING",
                user.id(), user.username(), user.displayName(), passwordHash, roles(user), areas(user),
                PgArrays.literal(user.receivingBodyIds()), PgArrays.literal(user.enterpriseIds()),
                user.disabled()) == 1;
    }

    /** Writes {@code user} if the stored version is still {@code expectedVersion}; false otherwise. */
    boolean update(DbExecute db, User user, long expectedVersion, Optional<String> newPasswordHash) {
        return db.dml("UPDATE security.users SET display_name = ?, roles = ?::text[], area_codes = ?::text[],"
                        + " receiving_body_ids = ?::uuid[], enterprise_ids = ?::uuid[], disabled = ?,"
                        + " password_hash = coalesce(?, password_hash), version = version + 1, updated_at = now()"
                        + " WHERE id = ?::uuid AND version = ?",
                user.displayName(), roles(user), areas(user), PgArrays.literal(user.receivingBodyIds()),
                PgArrays.literal(user.enterpriseIds()), user.disabled(), newPasswordHash.orElse(null), user.id(),
                expectedVersion) == 1;
    }

    long enabledPlatformAdminsOtherThan(DbExecute db, UUID userId) {
        return db.get("SELECT count(*) AS n FROM security.users WHERE NOT disabled AND 'PLATFORM_ADMIN' = ANY(roles)"
                + " AND id <> ?::uuid", userId).map(r -> Rows.longValue(r, "n")).orElse(0L);
    }

    boolean anyUser(DbExecute db) {
        return db.get("SELECT EXISTS (SELECT 1 FROM security.users) AS any").map(r -> Rows.bool(r, "any")).orElse(false);
    }

    static User user(DbRow row) {
        return new User(Rows.uuid(row, "id"), Rows.string(row, "username"), Rows.string(row, "display_name"),
                Rows.strings(row, "roles").stream().map(Role::valueOf).collect(Collectors.toSet()),
                Rows.strings(row, "area_codes").stream().map(AreaCode::of).collect(Collectors.toSet()),
                Rows.strings(row, "receiving_body_ids").stream().map(UUID::fromString).collect(Collectors.toSet()),
                Rows.strings(row, "enterprise_ids").stream().map(UUID::fromString).collect(Collectors.toSet()),
                Rows.bool(row, "disabled"), Rows.longValue(row, "version"),
                Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
    }

    private static String roles(User user) {
        return PgArrays.literal(user.roles().stream().map(Role::name).toList());
    }

    private static String areas(User user) {
        return PgArrays.literal(user.areaCodes().stream().map(AreaCode::value).toList());
    }
}
