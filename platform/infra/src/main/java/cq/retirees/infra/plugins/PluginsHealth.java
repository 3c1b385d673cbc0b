package cq.retirees.infra.plugins;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * How the plugins fare on this instance. Always UP: a failing plugin never fails a request (the municipal default
 * takes over), so it must not take the instance out of a load balancer either; its trouble shows as DEGRADED.
 */
final class PluginsHealth implements HealthCheck {

    private final PluginHost host;

    PluginsHealth(PluginHost host) {
        this.host = host;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(true);
        boolean degraded = false;
        java.util.Set<String> running = host.runningIds();
        for (String id : host.wantedIds().stream().sorted().toList()) {
            PluginFailures.Record record = host.failures().of(id);
            if (!running.contains(id)) {
                degraded = true;
                response.detail(id, "DEGRADED: enabled but not running on this instance"
                        + (record.lastFailure() == null ? "" : " (" + record.lastFailure() + ")"));
            } else if (record.total() == 0) {
                response.detail(id, "OK");
            } else {
                degraded = true;
                response.detail(id, "DEGRADED: " + record.exceptions() + " exception(s), " + record.timeouts()
                        + " time-out(s), " + record.territoryViolations() + " outside territory"
                        + (record.quarantined() ? ", quarantined" : "") + "; last " + record.lastFailureAt());
            }
        }
        response.detail("state", degraded ? "DEGRADED" : "OK");
        return response.build();
    }
}
