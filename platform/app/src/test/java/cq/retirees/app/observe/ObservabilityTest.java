package cq.retirees.app.observe;

import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health and metrics for operators: open without a token, about the database, migrations, HTTP and the pool. */
class ObservabilityTest {

    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(ObservabilityTest.class);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void healthReportsTheDatabaseAndTheMigrations() {
        Api.Response health = platform.api().get("/observe/health");
        assertEquals(200, health.status(), health::toString);
        assertEquals("UP", health.json().get("status").asText());
        String checks = health.json().get("checks").toString();
        assertTrue(checks.contains("\"database\"") && checks.contains("\"migrations\""), checks);
        assertTrue(checks.contains("platform,audit,security,registry"), checks);
    }

    @Test
    void metricsArePrometheusTextWithHttpAndPoolMeters() {
        platform.admin().get("/api/v1/areas");
        Api.Response metrics = platform.api().get("/observe/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"));
        String text = metrics.text();
        assertTrue(text.contains("http_server_requests_seconds_count{") && text.contains("route=\"/api/v1/areas\""),
                "HTTP requests by route pattern");
        assertTrue(text.contains("hikaricp_connections_active{"), "connection pool");
        assertTrue(text.contains("jvm_memory_used_bytes{"), "JVM");
    }
}
