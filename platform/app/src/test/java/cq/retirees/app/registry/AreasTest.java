package cq.retirees.app.registry;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The area reference table: the 38 divisions and 2 zones, effective dating, retirement with successors. */
class AreasTest {

    private static TestPlatform platform;
    private static Api admin;
    private static Api municipal;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(AreasTest.class);
        admin = platform.admin();
        admin.post("/api/v1/admin/users", Map.of("username", "sasac", "displayName", "市国资委",
                "password", "municipal-password", "roles", List.of("MUNICIPAL_ADMIN")));
        municipal = platform.api().login("sasac", "municipal-password");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void thirtyEightDivisionsAndTwoZonesWithChineseAndPinyinNames() {
        JsonNode items = municipal.get("/api/v1/areas?limit=500").json().get("items");
        Map<String, Integer> byKind = new HashMap<>();
        Map<String, JsonNode> byCode = new HashMap<>();
        items.forEach(a -> {
            byKind.merge(a.get("kind").asText(), 1, Integer::sum);
            byCode.put(a.get("code").asText(), a);
        });
        assertEquals(Map.of("DISTRICT", 26, "COUNTY", 12, "FUNCTIONAL_ZONE", 2), byKind);
        assertEquals("渝中区", byCode.get("500103").get("nameZh").asText());
        assertEquals("Yuzhong Qu", byCode.get("500103").get("namePinyin").asText());
        assertEquals("两江新区", byCode.get("LJXQ").get("nameZh").asText());
        assertEquals("万盛经济技术开发区", byCode.get("WSJK").get("nameZh").asText());
        assertEquals("区", byCode.get("500103").get("kindLabel").asText());
        assertEquals("County", municipal.withHeader("Accept-Language", "en").get("/api/v1/areas/500229")
                .json().get("area").get("kindLabel").asText());
    }

    @Test
    void retiringAnAreaKeepsItsHistoryAndNamesItsSuccessors() {
        Api.Response before = municipal.get("/api/v1/areas/500112");
        Api.Response retired = municipal.withHeader("If-Match", before.header("ETag")).post(
                "/api/v1/areas/500112/retirement", Map.of("retiredOn", "2026-01-01",
                        "successorCodes", List.of("LJXQ"), "reason", "行政区划调整"));
        assertEquals(200, retired.status(), retired::toString);
        assertEquals(List.of("LJXQ"), texts(retired.json().get("successorCodes")));
        assertFalse(retired.json().get("inForce").asBoolean());

        assertFalse(codes(municipal.get("/api/v1/areas?limit=500")).contains("500112"), "not in force today");
        assertTrue(codes(municipal.get("/api/v1/areas?limit=500&at=2025-12-31")).contains("500112"),
                "in force on the day before its retirement");
        assertTrue(codes(municipal.get("/api/v1/areas?limit=500&all=true")).contains("500112"));

        JsonNode details = municipal.get("/api/v1/areas/500112").json();
        assertEquals("2026-01-01", details.get("area").get("retiredOn").asText());
        assertEquals("行政区划调整", details.get("area").get("retirementReason").asText());
    }

    @Test
    void aRetiredCodeCanBeGivenANewMeaningWithoutLosingTheOldOne() {
        Api.Response before = municipal.get("/api/v1/areas/500155");
        assertEquals(200, municipal.withHeader("If-Match", before.header("ETag")).post(
                "/api/v1/areas/500155/retirement", Map.of("retiredOn", "2026-03-01",
                        "successorCodes", List.of("500101"), "reason", "test of code reuse")).status());

        Api.Response overlapping = municipal.post("/api/v1/areas", Map.of("code", "500155", "nameZh", "新梁平区",
                "namePinyin", "Xin Liangping Qu", "kind", "DISTRICT", "validFrom", "2026-02-01"));
        assertEquals(409, overlapping.status(), overlapping::toString);
        assertEquals("AREA_PERIOD_OVERLAPS", overlapping.code());

        Api.Response reused = municipal.post("/api/v1/areas", Map.of("code", "500155", "nameZh", "新梁平区",
                "namePinyin", "Xin Liangping Qu", "kind", "DISTRICT", "validFrom", "2026-03-01"));
        assertEquals(201, reused.status(), reused::toString);

        JsonNode details = municipal.get("/api/v1/areas/500155").json();
        assertEquals("新梁平区", details.get("area").get("nameZh").asText());
        assertEquals(2, details.get("history").size());
        assertEquals("梁平区", details.get("history").get(0).get("nameZh").asText());
        assertEquals("梁平区", byCode(municipal.get("/api/v1/areas?limit=500&at=2026-02-15"), "500155").get("nameZh").asText());
    }

    @Test
    void aCodeInForceCannotBeCreatedAgain() {
        Api.Response duplicate = municipal.post("/api/v1/areas", Map.of("code", "500103", "nameZh", "重复",
                "namePinyin", "Chongfu", "kind", "DISTRICT", "validFrom", "2026-01-01"));
        assertEquals(409, duplicate.status());
        assertEquals("AREA_CODE_IN_FORCE", duplicate.code());
    }

    @Test
    void retirementNeedsSuccessorsInForceAndAReason() {
        Api.Response before = municipal.get("/api/v1/areas/500104");
        Api.Response refused = municipal.withHeader("If-Match", before.header("ETag")).post(
                "/api/v1/areas/500104/retirement", Map.of("retiredOn", "2026-01-01",
                        "successorCodes", List.of("500104", "500999", "12"), "reason", " "));
        assertEquals(400, refused.status(), refused::toString);
        List<String> faults = new ArrayList<>();
        refused.json().get("errors").forEach(e -> faults.add(e.get("field").asText() + ":" + e.get("code").asText()));
        assertEquals(List.of("reason:REASON_REQUIRED", "successorCodes[0]:SUCCESSOR_IS_SELF",
                "successorCodes[1]:SUCCESSOR_UNKNOWN", "successorCodes[2]:AREA_CODE_FORMAT"), faults);
        assertTrue(municipal.get("/api/v1/areas/500104").json().get("area").get("inForce").asBoolean(),
                "nothing was changed");
    }

    @Test
    void onlyAdministratorsChangeAreas() {
        admin.post("/api/v1/admin/users", Map.of("username", "auditor.areas", "displayName", "审计",
                "password", "auditor-password", "roles", List.of("AUDITOR")));
        Api auditor = platform.api().login("auditor.areas", "auditor-password");
        Api.Response refused = auditor.post("/api/v1/areas", Map.of("code", "500199", "nameZh", "x",
                "namePinyin", "x", "kind", "DISTRICT", "validFrom", "2026-01-01"));
        assertEquals(403, refused.status());
        assertEquals("ROLE_REQUIRED", refused.code());
    }

    @Test
    void anUnknownAreaIsA404() {
        assertEquals("NOT_FOUND", municipal.get("/api/v1/areas/500199").code());
        assertEquals(404, municipal.get("/api/v1/areas/not-a-code").status());
        assertEquals(404, municipal.get("/api/v1/areas/500199/receiving-bodies").status());
    }

    static List<String> codes(Api.Response response) {
        assertEquals(200, response.status(), response::toString);
        List<String> codes = new ArrayList<>();
        response.json().get("items").forEach(a -> codes.add(a.get("code").asText()));
        return codes;
    }

    static JsonNode byCode(Api.Response response, String code) {
        for (JsonNode a : response.json().get("items")) {
            if (a.get("code").asText().equals(code)) {
                return a;
            }
        }
        throw new AssertionError(code + " not listed");
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
