package cq.retirees.infra.observe;

import cq.retirees.infra.db.Migrations;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

import java.util.Map;

/** UP when every module schema has applied all of its migrations; lists the schemas that lag. */
public final class MigrationsHealth implements HealthCheck {

    private final Migrations migrations;

    public MigrationsHealth(Migrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public String name() {
        return "migrations";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Map<String, Integer> pending = migrations.pending();
            HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(pending.isEmpty())
                    .detail("schemas", String.join(",", migrations.schemas().stream().map(s -> s.schema()).toList()));
            pending.forEach((schema, count) -> response.detail("pending." + schema, count));
            return response.build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.builder().status(false).detail("error", e.getClass().getSimpleName()).build();
        }
    }
}
