package cq.retirees.app.registry;

import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code PLATFORM_DEMO_RETIREES}: an empty registry fills with synthetic data through the roster import. */
class DemoDataTest {

    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(DemoDataTest.class, Map.of("platform.demo-retirees", "25000"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theDemoRetireesArriveThroughTheImportWithFictionalIdNumbers() throws Exception {
        long count = 0;
        for (int i = 0; i < 600 && count < 25_000; i++) {
            count = platform.count("SELECT count(*) FROM registry.retirees");
            Thread.sleep(100);
        }
        assertEquals(25_000, count, "20,000 + 5,000 retirees of two synthetic enterprises");
        assertEquals(2, platform.count("SELECT count(*) FROM registry.enterprises"));
        assertEquals(2, platform.count("SELECT count(*) FROM audit.events WHERE action = 'ENTERPRISE_REGISTERED'"
                + " AND actor_name = 'system'"), "the seeding is audited like any write");
        assertEquals(2, platform.count("SELECT count(*) FROM registry.imports WHERE status = 'COMPLETED' AND rows_rejected = 0"));

        platform.admin().post("/api/v1/admin/users", Map.of("username", "sasac", "displayName", "市国资委",
                "password", "municipal-password", "roles", List.of("MUNICIPAL_ADMIN")));
        Api municipal = platform.api().login("sasac", "municipal-password");
        String idNumber = municipal.get("/api/v1/retirees?limit=1&reveal=idNumber").json()
                .get("items").get(0).get("idNumber").asText();
        int region = Integer.parseInt(idNumber.substring(0, 6));
        assertTrue(region >= 500190 && region <= 500199, "ID numbers use unassigned region codes: " + region);
    }
}
