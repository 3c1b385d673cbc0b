package cq.retirees.app.retirees;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import cq.retirees.kernel.CreditCode;
import cq.retirees.kernel.ResidentIdNumber;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Users, enterprises, retirees and problem checks shared by the retiree and enterprise tests. */
final class RegistryFixture {

    static final String ENTERPRISES = "/api/v1/enterprises";
    static final String RETIREES = "/api/v1/retirees";
    static final String PASSWORD = "a-long-enough-password";

    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private RegistryFixture() {
    }

    // --- users -------------------------------------------------------------------------------------------------------

    static Api user(TestPlatform platform, Api admin, String username, String role, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("username", username);
        body.put("displayName", "测试 " + username);
        body.put("password", PASSWORD);
        body.put("roles", List.of(role));
        Api.Response created = admin.post("/api/v1/admin/users", body);
        assertEquals(201, created.status(), created::toString);
        return platform.api().login(username, PASSWORD);
    }

    static Api municipal(TestPlatform platform, Api admin, String username) {
        return user(platform, admin, username, "MUNICIPAL_ADMIN", Map.of());
    }

    static Api auditor(TestPlatform platform, Api admin, String username) {
        return user(platform, admin, username, "AUDITOR", Map.of());
    }

    static Api district(TestPlatform platform, Api admin, String username, String... areas) {
        return user(platform, admin, username, "DISTRICT_OPERATOR", Map.of("areaCodes", List.of(areas)));
    }

    static Api enterpriseOperator(TestPlatform platform, Api admin, String username, String... enterpriseIds) {
        return user(platform, admin, username, "ENTERPRISE_OPERATOR", Map.of("enterpriseIds", List.of(enterpriseIds)));
    }

    // --- codes -------------------------------------------------------------------------------------------------------

    /** A fresh valid unified social credit code. */
    static String creditCode() {
        String first17 = "9150000" + String.format("%010d", SEQUENCE.incrementAndGet());
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** A valid 18-character ID number in a fictional region 50019x. */
    static String idNumber(int region, LocalDate birth, int sequence) {
        String first17 = "50019" + region + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A fresh valid ID number: male when {@code male}, born in 1955. */
    static String freshIdNumber(boolean male) {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(n % 3000);
        int sequence = (n % 50) * 2 + (male ? 1 : 2);
        return idNumber(n % 10, birth, sequence);
    }

    static String masked(String idNumber) {
        return idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
    }

    // --- enterprises -------------------------------------------------------------------------------------------------

    static Map<String, Object> enterpriseDraft(String creditCode, String name, String insured, String location) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("creditCode", creditCode);
        body.put("name", name);
        body.put("category", "MUNICIPAL_KEY_SOE");
        body.put("insuredAreaCode", insured);
        body.put("locationAreaCode", location);
        return body;
    }

    static String enterprise(Api municipal, String name, String insured, String location) {
        Api.Response created = municipal.post(ENTERPRISES, enterpriseDraft(creditCode(), name, insured, location));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    // --- retirees ----------------------------------------------------------------------------------------------------

    static Map<String, Object> retireeDraft(String enterpriseId, String idNumber, String name, String residenceArea) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enterpriseId", enterpriseId);
        body.put("idNumber", idNumber);
        body.put("name", name);
        body.put("retirementDate", "2015-06-30");
        body.put("insuredAreaCode", "500103");
        body.put("residenceAddress", "解放碑民族路 1 号");
        body.put("residenceAreaCode", residenceArea);
        return body;
    }

    static JsonNode register(Api api, Map<String, Object> draft) {
        Api.Response created = api.post(RETIREES, draft);
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    static String retiree(Api api, String enterpriseId, String name, String residenceArea) {
        return register(api, retireeDraft(enterpriseId, freshIdNumber(true), name, residenceArea)).get("id").asText();
    }

    static String etag(Api api, String path) {
        Api.Response current = api.get(path);
        assertEquals(200, current.status(), current::toString);
        String etag = current.header("ETag");
        assertNotNull(etag, () -> "no ETag on " + current);
        return etag;
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> ids(Api.Response list) {
        assertEquals(200, list.status(), list::toString);
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    static String randomId() {
        return UUID.randomUUID().toString();
    }

    // --- problems ----------------------------------------------------------------------------------------------------

    /** Whether the field errors contain {@code field} with {@code code}. */
    static boolean hasFieldError(Api.Response response, String field, String code) {
        for (JsonNode error : response.json().path("errors")) {
            if (field.equals(error.path("field").asText()) && code.equals(error.path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The problem body without {@code instance}, which names the request path. */
    static JsonNode withoutInstance(Api.Response response) {
        JsonNode body = response.json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("instance");
        return body;
    }

    // --- SQL ---------------------------------------------------------------------------------------------------------

}
