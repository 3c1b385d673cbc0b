package cq.retirees.infra.security;

import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.db.Transactions;
import cq.retirees.infra.http.ApiException;
import cq.retirees.kernel.access.Actor;
import io.helidon.dbclient.DbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Password login and logout. Every attempt, successful or not, is audited. */
public final class Logins {

    /** What a successful login hands the client. */
    public record Granted(String token, Instant expiresAt, User user) {
    }

    private final DbClient db;
    private final Transactions transactions;
    private final UsersDb users;
    private final SessionsDb sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final SecuritySettings settings;
    private final Clock clock;

    Logins(DbClient db, UsersDb users, SessionsDb sessions, PasswordHasher hasher, LoginThrottle throttle,
           AuditTrail audit, SecuritySettings settings, Clock clock) {
        this.db = db;
        this.transactions = new Transactions(db);
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public Granted login(String username, String password, String address) {
        try {
            throttle.check(username, address);
        } catch (ApiException throttled) {
            audit.appendAlone(attempt(null, username, address, Outcome.DENIED, "THROTTLED"));
            throw throttled;
        }
        Optional<UsersDb.Credentials> found = users.credentials(db.execute(), username);
        boolean passwordOk = found.map(c -> hasher.matches(password, c.passwordHash()))
                .orElseGet(() -> {
                    hasher.spendTimeOfOneCheck(password);
                    return false;
                });
        if (!passwordOk || found.get().user().disabled()) {
            throttle.recordFailure(username, address);
            String reason = found.isEmpty() ? "UNKNOWN_USER" : passwordOk ? "USER_DISABLED" : "WRONG_PASSWORD";
            audit.appendAlone(attempt(found.map(c -> c.user().id()).orElse(null), username, address,
                    Outcome.FAILED, reason));
            throw ApiException.of(401, "LOGIN_FAILED");
        }
        User user = found.get().user();
        throttle.recordSuccess(username);
        String token = BearerTokens.newToken();
        Instant expiresAt = clock.instant().plus(settings.absoluteTimeout());
        transactions.inTransaction(tx -> {
            sessions.create(tx, BearerTokens.hash(token), user.id(), expiresAt);
            audit.append(tx, attempt(user.id(), user.username(), address, Outcome.SUCCESS, null));
            return null;
        });
        return new Granted(token, expiresAt, user);
    }

    public void logout(Actor actor, String token, String address) {
        transactions.inTransaction(tx -> {
            sessions.revoke(tx, BearerTokens.hash(token));
            audit.append(tx, AuditRecord.of(actor, address, "LOGOUT", "user", actor.userId(), Outcome.SUCCESS, Map.of()));
            return null;
        });
    }

    private static AuditRecord attempt(UUID userId, String username, String address, Outcome outcome, String reason) {
        return new AuditRecord(userId, username, "LOGIN", "user", userId == null ? null : userId.toString(), outcome,
                address, reason == null ? Map.of() : Map.of("reason", reason));
    }
}
