package cq.retirees.infra.security;

import cq.retirees.infra.db.Rows;
import cq.retirees.infra.http.ApiException;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.Locale;
import java.util.Optional;

/**
 * Refuses logins (429) after too many failures for one user name or from one address within a window. Counts live
 * in PostgreSQL so every instance enforces the same limit.
 */
final class LoginThrottle {

    private final DbClient db;
    private final SecuritySettings settings;

    LoginThrottle(DbClient db, SecuritySettings settings) {
        this.db = db;
        this.settings = settings;
    }

    void check(String username, String address) {
        checkKey(userKey(username), settings.maxFailuresPerUser());
        checkKey(addressKey(address), settings.maxFailuresPerAddress());
    }

    void recordFailure(String username, String address) {
        increment(userKey(username));
        increment(addressKey(address));
    }

    /** A successful login clears its user name's count; the address keeps its count until the window ends. */
    void recordSuccess(String username) {
        db.execute().dml("DELETE FROM security.login_failures WHERE throttle_key = ?", userKey(username));
    }

    private void checkKey(String key, int maxFailures) {
        Optional<DbRow> row = db.execute().get("SELECT failures, ceil(extract(epoch FROM window_start"
                        + " + make_interval(secs => ?) - now()))::bigint AS retry_after FROM security.login_failures"
                        + " WHERE throttle_key = ? AND window_start > now() - make_interval(secs => ?)",
                (double) settings.throttleWindow().toSeconds(), key, (double) settings.throttleWindow().toSeconds());
        if (row.isPresent() && Rows.intValue(row.get(), "failures") >= maxFailures) {
            long retryAfter = Math.max(1, Rows.longValue(row.get(), "retry_after"));
            throw ApiException.of(429, "LOGIN_THROTTLED", retryAfter).withHeader("Retry-After", Long.toString(retryAfter));
        }
    }

    private void increment(String key) {
        db.execute().dml("INSERT INTO security.login_failures (throttle_key, failures, window_start) VALUES (?, 1, now())"
                        + " ON CONFLICT (throttle_key) DO UPDATE SET"
                        + " failures = CASE WHEN login_failures.window_start > now() - make_interval(secs => ?)"
                        + " THEN login_failures.failures + 1 ELSE 1 END,"
                        + " window_start = CASE WHEN login_failures.window_start > now() - make_interval(secs => ?)"
                        + " THEN login_failures.window_start ELSE now() END",
                key, (double) settings.throttleWindow().toSeconds(), (double) settings.throttleWindow().toSeconds());
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
