package cq.retirees.infra.security;

import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.db.Transactions;
import cq.retirees.infra.http.ApiService;
import cq.retirees.infra.http.Idempotency;
import cq.retirees.infra.http.JsonBodies;
import cq.retirees.infra.http.Problems;
import io.helidon.dbclient.DbClient;
import io.helidon.webserver.http.Filter;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Wires authentication, authorization and user administration; what other code needs is {@link #access()}. */
public final class Security {

    private final Access access;
    private final Filter authentication;
    private final List<ApiService> services;
    private final UserAdministration administration;
    private final DbClient db;

    private Security(Access access, Filter authentication, List<ApiService> services,
                     UserAdministration administration, DbClient db) {
        this.access = access;
        this.authentication = authentication;
        this.services = services;
        this.administration = administration;
        this.db = db;
    }

    public static Security create(SecuritySettings settings, DbClient db, AuditTrail audit, Access access,
                                  Problems problems, Idempotency idempotency, JsonBodies bodies, ScopeTargets targets,
                                  Clock clock) {
        UsersDb users = new UsersDb();
        SessionsDb sessions = new SessionsDb();
        PasswordHasher hasher = new PasswordHasher();
        Logins logins = new Logins(db, users, sessions, hasher, new LoginThrottle(db, settings), audit, settings, clock);
        UserAdministration administration = new UserAdministration(users, sessions, hasher, audit, targets, settings);
        return new Security(access, new BearerAuthentication(db, sessions, settings, problems),
                List.of(new AuthRoutes(logins, users, db, bodies),
                        new UserAdminRoutes(db, users, administration, access, idempotency, bodies)),
                administration, db);
    }

    /**
     * Creates the platform admin {@code admin} on an empty database. Returns the generated one-time password, to
     * be shown once, when none was configured.
     */
    public Optional<String> ensureFirstAdmin() {
        return new Transactions(db).inTransaction(administration::createFirstAdmin);
    }

    public Access access() {
        return access;
    }

    public Filter authentication() {
        return authentication;
    }

    public List<ApiService> services() {
        return services;
    }
}
