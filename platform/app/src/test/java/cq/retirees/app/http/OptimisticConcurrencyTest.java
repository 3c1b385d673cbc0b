package cq.retirees.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static cq.retirees.app.testing.ProblemAssertions.assertFieldError;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static cq.retirees.app.http.HttpChecks.assertStatus;
import static cq.retirees.app.http.HttpChecks.auditorDraft;
import static cq.retirees.app.http.HttpChecks.concurrently;
import static cq.retirees.app.http.HttpChecks.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Versioned resources over HTTP: a change must name the version it was made against in {@code If-Match}; without
 * it the server answers 428, with a stale one 412 and nothing changes, with the current one the change is made
 * and a new ETag issued. Shown for users (PATCH) and for the retirement of an area (a transition).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OptimisticConcurrencyTest {

    private static final String RETIRED = "500105";   // 江北区, retired in these tests
    private static final String SUCCESSOR = "500112"; // 渝北区

    private static TestPlatform platform;
    private static Api admin;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(OptimisticConcurrencyTest.class);
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    // --- users ----------------------------------------------------------------------------------------------------

    @Test
    void aUserReadCarriesItsVersionAsAStrongETag() {
        String id = createUser("etag.reader");
        Api.Response read = admin.get(userPath(id));
        assertStatus(200, read);
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals(1, read.json().get("version").asLong());
    }

    @Test
    void patchingAUserWithoutIfMatchIsRefused() {
        String id = createUser("no.if.match");
        assertProblem(admin.patch(userPath(id), Map.of("displayName", "改名")), 428, "IF_MATCH_REQUIRED");
        assertUnchanged(id, "\"1\"", "审计员 no.if.match");
    }

    @Test
    void patchingAUserWithAnIfMatchThatIsNoETagOfOursIsRefused() {
        String id = createUser("bad.if.match");
        assertProblem(ifMatch("abc").patch(userPath(id), Map.of("displayName", "改名")), 400, "IF_MATCH_INVALID");
        assertUnchanged(id, "\"1\"", "审计员 bad.if.match");
    }

    @Test
    void patchingAUserWithTheCurrentETagChangesItAndIssuesANewETag() {
        String id = createUser("current.etag");
        String etag = admin.get(userPath(id)).header("ETag");

        Api.Response patched = ifMatch(etag).patch(userPath(id), Map.of("displayName", "新名字"));
        assertStatus(200, patched);
        assertEquals("\"2\"", patched.header("ETag"));
        assertEquals("新名字", patched.json().get("displayName").asText());
        assertEquals(2, patched.json().get("version").asLong());

        assertUnchanged(id, "\"2\"", "新名字");
    }

    @Test
    void aWeakFormOfTheCurrentETagIsAccepted() {
        String id = createUser("weak.etag");
        assertStatus(200, ifMatch("W/\"1\"").patch(userPath(id), Map.of("displayName", "弱校验")));
    }

    @Test
    void patchingAUserWithAStaleETagIsRefusedAndChangesNothing() {
        String id = createUser("stale.etag");
        String first = admin.get(userPath(id)).header("ETag");
        assertStatus(200, ifMatch(first).patch(userPath(id), Map.of("displayName", "第一次修改")));

        // A second editor still holds the first ETag.
        Api.Response stale = ifMatch(first).patch(userPath(id), Map.of("displayName", "过时的修改", "disabled", true));
        assertProblem(stale, 412, "VERSION_MISMATCH");

        assertUnchanged(id, "\"2\"", "第一次修改");
        assertFalse(admin.get(userPath(id)).json().get("disabled").asBoolean());
    }

    @Test
    void anETagFromTheFutureIsStaleToo() {
        String id = createUser("future.etag");
        assertProblem(ifMatch("\"99\"").patch(userPath(id), Map.of("displayName", "未来")), 412, "VERSION_MISMATCH");
        assertUnchanged(id, "\"1\"", "审计员 future.etag");
    }

    @Test
    void ofConcurrentPatchesWithTheSameETagExactlyOneWins() throws Exception {
        String id = createUser("race.etag");
        String etag = admin.get(userPath(id)).header("ETag");
        int editors = 6;
        List<Api.Response> responses = concurrently(editors, i ->
                ifMatch(etag).patch(userPath(id), Map.of("displayName", "editor " + i)));

        List<Api.Response> winners = responses.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, winners.size(), responses::toString);
        responses.stream().filter(r -> r.status() != 200).forEach(r -> assertProblem(r, 412, "VERSION_MISMATCH"));
        assertUnchanged(id, "\"2\"", winners.getFirst().json().get("displayName").asText());
    }

    @Test
    void patchingAnUnknownUserIsNotFound() {
        assertProblem(ifMatch("\"1\"").patch(userPath("00000000-0000-0000-0000-000000000000"),
                Map.of("displayName", "无人")), 404, "NOT_FOUND");
    }

    // --- area retirement ------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void retiringAnAreaWithoutIfMatchIsRefused() {
        assertProblem(admin.post(retirementPath(RETIRED), retirement()), 428, "IF_MATCH_REQUIRED");
        assertAreaInForce(RETIRED, "\"1\"");
    }

    @Test
    @Order(2)
    void retiringAnAreaWithAStaleETagIsRefusedAndChangesNothing() {
        String current = admin.get(areaPath(RETIRED)).header("ETag");
        assertEquals("\"1\"", current);
        assertProblem(ifMatch("\"0\"").post(retirementPath(RETIRED), retirement()), 412, "VERSION_MISMATCH");
        assertAreaInForce(RETIRED, current);
    }

    @Test
    @Order(3)
    void anInvalidRetirementWithTheCurrentETagIsRefusedAndChangesNothing() {
        String current = admin.get(areaPath(RETIRED)).header("ETag");
        assertFieldError(ifMatch(current).post(retirementPath(RETIRED), Map.of("retiredOn", "2026-01-01",
                "successorCodes", List.of(RETIRED), "reason", "自己接替自己")), "successorCodes[0]", "SUCCESSOR_IS_SELF");
        assertFieldError(ifMatch(current).post(retirementPath(RETIRED), Map.of("retiredOn", "2026-01-01",
                "successorCodes", List.of(SUCCESSOR), "reason", "日期无效", "extra", 1)), "extra", "UNKNOWN_FIELD");
        assertAreaInForce(RETIRED, current);
    }

    @Test
    @Order(4)
    void retiringAnAreaWithTheCurrentETagRetiresItAndIssuesANewETag() {
        String current = admin.get(areaPath(RETIRED)).header("ETag");

        Api.Response retired = ifMatch(current).post(retirementPath(RETIRED), retirement());
        assertStatus(200, retired);
        JsonNode area = retired.json();
        assertNotEquals(current, retired.header("ETag"));
        assertEquals("\"" + area.get("version").asLong() + "\"", retired.header("ETag"));
        assertEquals("2026-01-01", area.get("retiredOn").asText());
        assertEquals(List.of(SUCCESSOR), texts(area.get("successorCodes")));
        assertFalse(area.get("inForce").asBoolean());
    }

    @Test
    @Order(5)
    void theRetiredAreaShowsItsHistoryAndIsNoLongerInForce() {
        Api.Response read = admin.get(areaPath(RETIRED));
        assertStatus(200, read);
        JsonNode details = read.json();
        JsonNode area = details.get("area");
        assertEquals(RETIRED, area.get("code").asText());
        assertFalse(area.get("inForce").asBoolean(), details::toString);
        assertEquals("2026-01-01", area.get("retiredOn").asText());
        assertEquals("撤销并入渝北区", area.get("retirementReason").asText());
        assertEquals(List.of(SUCCESSOR), texts(area.get("successorCodes")));
        assertEquals("\"" + area.get("version").asLong() + "\"", read.header("ETag"));

        JsonNode history = details.get("history");
        assertEquals(1, history.size(), details::toString);
        assertEquals("2026-01-01", history.get(0).get("retiredOn").asText());

        assertFalse(areaCodesInForce("").contains(RETIRED), "not listed among today's areas");
        assertTrue(areaCodesInForce("&at=2025-12-31").contains(RETIRED), "listed on the day before its retirement");
        assertTrue(areaCodesInForce("").contains(SUCCESSOR));
    }

    @Test
    @Order(6)
    void retiringARetiredAreaAgainIsAConflict() {
        String current = admin.get(areaPath(RETIRED)).header("ETag");
        long versionBefore = platform.count("SELECT max(version) FROM registry.areas WHERE code = ?", RETIRED);

        // The code answers 409 AREA_ALREADY_RETIRED: the area has no open period left to retire, whatever the ETag.
        assertProblem(ifMatch(current).post(retirementPath(RETIRED), retirement()), 409, "AREA_ALREADY_RETIRED");
        assertProblem(ifMatch("\"1\"").post(retirementPath(RETIRED), retirement()), 409, "AREA_ALREADY_RETIRED");

        assertEquals(current, admin.get(areaPath(RETIRED)).header("ETag"));
        assertEquals(versionBefore, platform.count("SELECT max(version) FROM registry.areas WHERE code = ?", RETIRED));
        assertEquals(1, platform.count("SELECT count(*) FROM audit.events WHERE action = 'AREA_RETIRED' AND entity_id = ?", RETIRED));
    }

    @Test
    @Order(7)
    void retiringAnUnknownAreaIsNotFound() {
        assertProblem(ifMatch("\"1\"").post(retirementPath("500199"), Map.of("retiredOn", "2026-01-01",
                "successorCodes", List.of(SUCCESSOR), "reason", "不存在")), 404, "NOT_FOUND");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static String createUser(String username) {
        Api.Response created = admin.post("/api/v1/admin/users", auditorDraft(username));
        assertStatus(201, created);
        assertEquals("\"1\"", created.header("ETag"));
        return created.json().get("id").asText();
    }

    private static void assertUnchanged(String userId, String etag, String displayName) {
        Api.Response read = admin.get(userPath(userId));
        assertStatus(200, read);
        assertEquals(etag, read.header("ETag"), read::toString);
        assertEquals(displayName, read.json().get("displayName").asText(), read::toString);
    }

    private static void assertAreaInForce(String code, String etag) {
        Api.Response read = admin.get(areaPath(code));
        assertStatus(200, read);
        assertEquals(etag, read.header("ETag"));
        assertTrue(read.json().get("area").get("inForce").asBoolean(), read::toString);
        assertTrue(read.json().get("area").get("retiredOn").isNull(), read::toString);
    }

    private static List<String> areaCodesInForce(String query) {
        Api.Response list = admin.get("/api/v1/areas?limit=500" + query);
        assertStatus(200, list);
        return list.json().get("items").findValuesAsText("code");
    }

    private static Map<String, Object> retirement() {
        return Map.of("retiredOn", "2026-01-01", "successorCodes", List.of(SUCCESSOR), "reason", "撤销并入渝北区");
    }

    private static Api ifMatch(String etag) {
        return admin.withHeader("If-Match", etag);
    }

    private static String userPath(String id) {
        return "/api/v1/admin/users/" + id;
    }

    private static String areaPath(String code) {
        return "/api/v1/areas/" + code;
    }

    private static String retirementPath(String code) {
        return areaPath(code) + "/retirement";
    }
}
