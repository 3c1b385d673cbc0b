package cq.retirees.infra.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration: {@code application.yaml} on the class path, overridden by Java system properties
 * ({@code -Dserver.port=…}), overridden by the documented environment variables. Only the variables listed here
 * are read, so an unrelated variable of the machine can never change a setting by accident.
 */
public final class PlatformConfig {

    /** Environment variable → configuration key. */
    public static final Map<String, String> ENVIRONMENT = Map.of(
            "SERVER_PORT", "server.port",
            "DB_URL", "db.url",
            "DB_USER", "db.user",
            "DB_PASSWORD", "db.password",
            "PLATFORM_DATA_DIR", "platform.data-dir",
            "PLATFORM_ADMIN_PASSWORD", "platform.admin-password",
            "PLATFORM_DATA_KEY", "security.data-key",
            "PLATFORM_DEMO_RETIREES", "platform.demo-retirees",
            "PLATFORM_TIME_ZONE", "platform.time-zone");

    private PlatformConfig() {
    }

    public static Config load() {
        return load(System.getenv(), Map.of());
    }

    /** {@code overrides} win over everything: tests use them to point at their own database and port. */
    public static Config load(Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> fromEnvironment = new LinkedHashMap<>();
        ENVIRONMENT.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                fromEnvironment.put(key, value);
            }
        });
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(java.util.List.of(ConfigSources.create(overrides),
                        ConfigSources.create(fromEnvironment),
                        ConfigSources.systemProperties(),
                        ConfigSources.classpath("application.yaml")))
                .build();
    }
}
