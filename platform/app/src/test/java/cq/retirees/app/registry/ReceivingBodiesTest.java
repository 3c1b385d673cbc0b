package cq.retirees.app.registry;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** District operators register receiving bodies in their own areas; everyone logged in can read them. */
class ReceivingBodiesTest {

    private static TestPlatform platform;
    private static Api admin;
    private static Api yuzhong;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(ReceivingBodiesTest.class);
        admin = platform.admin();
        admin.post("/api/v1/admin/users", Map.of("username", "yuzhong", "displayName", "渝中区经办",
                "password", "operator-password", "roles", List.of("DISTRICT_OPERATOR"), "areaCodes", List.of("500103")));
        yuzhong = platform.api().login("yuzhong", "operator-password");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void anOperatorRegistersAStreetInTheirAreaAndItIsListed() {
        Api.Response created = yuzhong.post("/api/v1/areas/500103/receiving-bodies",
                Map.of("nameZh", "七星岗街道", "kind", "STREET"));
        assertEquals(201, created.status(), created::toString);
        assertEquals("街道办事处", created.json().get("kindLabel").asText());
        JsonNode listed = yuzhong.get("/api/v1/areas/500103/receiving-bodies").json().get("items");
        assertEquals("七星岗街道", listed.get(0).get("nameZh").asText());
    }

    @Test
    void theSameNameTwiceInOneAreaIsAConflict() {
        yuzhong.post("/api/v1/areas/500103/receiving-bodies", Map.of("nameZh", "大坪街道", "kind", "STREET"));
        Api.Response again = yuzhong.post("/api/v1/areas/500103/receiving-bodies",
                Map.of("nameZh", "大坪街道", "kind", "STREET"));
        assertEquals(409, again.status());
        assertEquals("RECEIVING_BODY_EXISTS", again.code());
    }

    @Test
    void anotherDistrictIsOutOfScopeAndTheRefusalIsAudited() throws Exception {
        Api.Response refused = yuzhong.post("/api/v1/areas/500104/receiving-bodies",
                Map.of("nameZh", "跃进村街道", "kind", "STREET"));
        assertEquals(403, refused.status());
        assertEquals("OUT_OF_SCOPE", refused.code());
        try (var c = platform.sql(); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM audit.events WHERE actor_name = 'yuzhong'"
                    + " AND action = 'ACCESS_DENIED' AND entity_id = '500104'");
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
        assertEquals(0, admin.get("/api/v1/areas/500104/receiving-bodies").json().get("items").size());
    }

    @Test
    void anUnknownKindIsRefusedWithTheAllowedOnes() {
        Api.Response refused = yuzhong.post("/api/v1/areas/500103/receiving-bodies",
                Map.of("nameZh", "某单位", "kind", "COMMITTEE"));
        assertEquals(400, refused.status());
        assertEquals("KIND_UNKNOWN", refused.json().get("errors").get(0).get("code").asText());
    }

    @Test
    void anOperatorMayBeNarrowedToReceivingBodiesOfTheirAreas() {
        String body = yuzhong.post("/api/v1/areas/500103/receiving-bodies",
                Map.of("nameZh", "解放碑街道", "kind", "STREET")).json().get("id").asText();
        Api.Response narrowed = admin.post("/api/v1/admin/users", Map.of("username", "jiefangbei",
                "displayName", "解放碑街道经办", "password", "operator-password", "roles", List.of("DISTRICT_OPERATOR"),
                "areaCodes", List.of("500103"), "receivingBodyIds", List.of(body)));
        assertEquals(201, narrowed.status(), narrowed::toString);

        Api.Response elsewhere = admin.post("/api/v1/admin/users", Map.of("username", "mismatch",
                "displayName", "x", "password", "operator-password", "roles", List.of("DISTRICT_OPERATOR"),
                "areaCodes", List.of("500104"), "receivingBodyIds", List.of(body)));
        assertEquals(400, elsewhere.status());
        assertEquals("RECEIVING_BODY_NOT_IN_AREAS", elsewhere.json().get("errors").get(0).get("code").asText());
    }

    @Test
    void aDistrictOperatorNeedsAreasThatAreInForce() {
        Api.Response noArea = admin.post("/api/v1/admin/users", Map.of("username", "noarea", "displayName", "x",
                "password", "operator-password", "roles", List.of("DISTRICT_OPERATOR")));
        assertEquals("SCOPE_AREAS_REQUIRED", noArea.json().get("errors").get(0).get("code").asText());
        Api.Response unknownArea = admin.post("/api/v1/admin/users", Map.of("username", "badarea", "displayName", "x",
                "password", "operator-password", "roles", List.of("DISTRICT_OPERATOR"), "areaCodes", List.of("500199")));
        assertEquals("AREA_UNKNOWN", unknownArea.json().get("errors").get(0).get("code").asText());
    }
}
