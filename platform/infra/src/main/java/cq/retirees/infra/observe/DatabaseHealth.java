package cq.retirees.infra.observe;

import io.helidon.dbclient.DbClient;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** UP when PostgreSQL answers a query through the pool. */
public final class DatabaseHealth implements HealthCheck {

    private final DbClient db;

    public DatabaseHealth(DbClient db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            db.execute().get("SELECT 1 AS ok");
            return HealthCheckResponse.builder().status(true).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.builder().status(false).detail("error", e.getClass().getSimpleName()).build();
        }
    }
}
