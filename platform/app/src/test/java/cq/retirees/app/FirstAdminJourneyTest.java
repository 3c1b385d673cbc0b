package cq.retirees.app;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first hour of a new installation, as a person would do it: the admin logs in, creates a district operator
 * for 渝中区, the operator logs in, lists areas and is refused on admin routes; the audit trail shows every step
 * and verifies, and tampering with one row in the database is reported.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstAdminJourneyTest {

    private static TestPlatform platform;
    private static Api admin;
    private static Api operator;
    private static Api auditor;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(FirstAdminJourneyTest.class);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    @Order(1)
    void adminCreatesADistrictOperatorWhoListsAreasAndIsRefusedOnAdminRoutes() {
        admin = platform.admin();
        Api.Response created = admin.post("/api/v1/admin/users", Map.of(
                "username", "yuzhong.op", "displayName", "渝中区经办人", "password", "operator-password-1",
                "roles", List.of("DISTRICT_OPERATOR"), "areaCodes", List.of("500103")));
        assertEquals(201, created.status(), created::toString);
        assertEquals(List.of("500103"), texts(created.json().get("areaCodes")));

        operator = platform.api().login("yuzhong.op", "operator-password-1");
        JsonNode me = operator.get("/api/v1/auth/me").json();
        assertEquals("yuzhong.op", me.get("username").asText());

        Api.Response areas = operator.get("/api/v1/areas?limit=500");
        assertEquals(200, areas.status(), areas::toString);
        assertEquals(40, areas.json().get("items").size(), "38 divisions and 2 functional zones");

        Api.Response users = operator.get("/api/v1/admin/users");
        assertEquals(403, users.status(), users::toString);
        assertEquals("ROLE_REQUIRED", users.code());
        Api.Response createUser = operator.post("/api/v1/admin/users", Map.of("username", "x"));
        assertEquals(403, createUser.status(), createUser::toString);
    }

    @Test
    @Order(2)
    void everyStepIsInTheAuditTrailAndTheChainVerifies() {
        admin.post("/api/v1/admin/users", Map.of("username", "auditor", "displayName", "审计员",
                "password", "auditor-password-1", "roles", List.of("AUDITOR")));
        auditor = platform.api().login("auditor", "auditor-password-1");

        List<String> trail = new ArrayList<>();
        for (JsonNode e : auditor.get("/api/v1/audit-events?limit=500").json().get("items")) {
            trail.add(e.get("actorName").asText() + " " + e.get("action").asText() + " " + e.get("outcome").asText());
        }
        assertTrue(trail.containsAll(List.of(
                "system USER_CREATED SUCCESS",
                "admin LOGIN SUCCESS",
                "admin USER_CREATED SUCCESS",
                "yuzhong.op LOGIN SUCCESS",
                "yuzhong.op ACCESS_DENIED DENIED")), trail::toString);
        assertEquals(2, trail.stream().filter(t -> t.equals("yuzhong.op ACCESS_DENIED DENIED")).count(), trail::toString);

        JsonNode report = auditor.get("/api/v1/audit-events/verification").json();
        assertTrue(report.get("intact").asBoolean(), report::toString);
        assertEquals(trail.size(), report.get("eventsChecked").asInt(), "the chain covers every listed event");
        assertEquals("auditor LOGIN SUCCESS", trail.getLast());
    }

    @Test
    @Order(3)
    void theOperatorIsNotAnAuditor() {
        Api.Response response = operator.get("/api/v1/audit-events");
        assertEquals(403, response.status(), response::toString);
    }

    @Test
    @Order(4)
    void tamperingWithOneAuditRowIsReported() throws Exception {
        long seq;
        try (Connection c = platform.sql(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT seq FROM audit.events WHERE action = 'USER_CREATED' AND actor_name = 'admin'"
                    + " ORDER BY seq LIMIT 1");
            rs.next();
            seq = rs.getLong(1);
            // What a person with database access would do: lift the append-only guard, rewrite history.
            s.execute("ALTER TABLE audit.events DISABLE TRIGGER events_append_only");
            s.execute("UPDATE audit.events SET actor_name = 'someone-else' WHERE seq = " + seq);
            s.execute("ALTER TABLE audit.events ENABLE TRIGGER events_append_only");
        }
        JsonNode report = auditor.get("/api/v1/audit-events/verification").json();
        assertFalse(report.get("intact").asBoolean(), report::toString);
        assertEquals(seq, report.get("brokenAtSeq").asLong());
        assertEquals("ROW_ALTERED", report.get("problem").asText());
    }

    @Test
    @Order(5)
    void theDatabaseRefusesToChangeAuditRowsWhileTheGuardIsOn() throws Exception {
        try (Connection c = platform.sql(); Statement s = c.createStatement()) {
            var error = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> s.execute("DELETE FROM audit.events"));
            assertTrue(error.getMessage().contains("append-only"), error::getMessage);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
