package cq.retirees.app;

import cq.retirees.infra.config.PlatformConfig;
import io.helidon.config.Config;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The documented environment variables override application.yaml; nothing else from the environment does. */
class PlatformConfigTest {

    @Test
    void withoutOverridesTheDefaultsOfApplicationYamlApply() {
        Config config = PlatformConfig.load(Map.of(), Map.of());
        assertEquals(8080, config.get("server.port").asInt().get());
        assertEquals("./data", config.get("platform.data-dir").asString().get());
        assertEquals("", config.get("db.url").asString().get());
        assertFalse(config.get("platform.admin-password").exists());
    }

    @Test
    void eachDocumentedVariableOverridesItsSetting() {
        Config config = PlatformConfig.load(Map.of(
                "SERVER_PORT", "9191",
                "DB_URL", "jdbc:postgresql://db.example/retirees",
                "DB_USER", "retirees",
                "DB_PASSWORD", "secret",
                "PLATFORM_DATA_DIR", "/var/lib/retirees",
                "PLATFORM_ADMIN_PASSWORD", "first-admin-password"), Map.of());
        assertEquals(9191, config.get("server.port").asInt().get());
        assertEquals("jdbc:postgresql://db.example/retirees", config.get("db.url").asString().get());
        assertEquals("retirees", config.get("db.user").asString().get());
        assertEquals("secret", config.get("db.password").asString().get());
        assertEquals("/var/lib/retirees", config.get("platform.data-dir").asString().get());
        assertEquals("first-admin-password", config.get("platform.admin-password").asString().get());
    }

    @Test
    void otherVariablesOfTheMachineChangeNothing() {
        Config config = PlatformConfig.load(Map.of("SECURITY_PASSWORD_MIN_LENGTH", "1", "PORT", "1"), Map.of());
        assertEquals(12, config.get("security.password.min-length").asInt().get());
        assertEquals(8080, config.get("server.port").asInt().get());
    }
}
