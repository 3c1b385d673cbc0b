package cq.retirees.app.retirees;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static cq.retirees.app.retirees.RegistryFixture.ENTERPRISES;
import static cq.retirees.app.retirees.RegistryFixture.RETIREES;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static cq.retirees.app.retirees.RegistryFixture.enterprise;
import static cq.retirees.app.retirees.RegistryFixture.etag;
import static cq.retirees.app.retirees.RegistryFixture.freshIdNumber;
import static cq.retirees.app.retirees.RegistryFixture.ids;
import static cq.retirees.app.retirees.RegistryFixture.q;
import static cq.retirees.app.retirees.RegistryFixture.randomId;
import static cq.retirees.app.retirees.RegistryFixture.register;
import static cq.retirees.app.retirees.RegistryFixture.retiree;
import static cq.retirees.app.retirees.RegistryFixture.retireeDraft;
import static cq.retirees.app.retirees.RegistryFixture.withoutInstance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A retiree outside the caller's scope does not exist for the caller: every route answers exactly as for an id
 * nobody registered, lists leave it out, and the refusal is audited.
 */
class RetireeScopeTest {

    private static TestPlatform platform;
    private static Api admin;
    private static Api municipal;
    /** District operator of area A, 渝中 (500103). */
    private static Api yuzhong;
    /** District operator of 江北 (500105), where both enterprises are insured and located. */
    private static Api jiangbei;
    private static Api operatorOfX;
    private static String enterpriseX;
    private static String enterpriseY;
    /** At X, living in area A. */
    private static String livesInA;
    private static String livesInAIdNumber;
    /** At X, living in area B, 大渡口 (500104). */
    private static String livesInB;
    private static String livesInBIdNumber;
    /** At Y, living in area A. */
    private static String atY;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(RetireeScopeTest.class);
        admin = platform.admin();
        municipal = RegistryFixture.municipal(platform, admin, "scope.municipal");
        yuzhong = RegistryFixture.district(platform, admin, "scope.yuzhong", "500103");
        jiangbei = RegistryFixture.district(platform, admin, "scope.jiangbei", "500105");
        enterpriseX = enterprise(municipal, "重庆X重工集团有限公司", "500105", "500105");
        enterpriseY = enterprise(municipal, "重庆Y电力集团有限公司", "500105", "500105");
        operatorOfX = RegistryFixture.enterpriseOperator(platform, admin, "scope.x", enterpriseX);

        livesInAIdNumber = freshIdNumber(true);
        livesInA = register(municipal, retireeDraft(enterpriseX, livesInAIdNumber, "渝中居民", "500103"))
                .get("id").asText();
        livesInBIdNumber = freshIdNumber(false);
        Map<String, Object> inB = retireeDraft(enterpriseX, livesInBIdNumber, "大渡口居民", "500104");
        inB.put("phone", "13800001234");
        livesInB = register(municipal, inB).get("id").asText();
        atY = retiree(municipal, enterpriseY, "Y厂退休职工", "500103");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** Every retiree route, as a function of the retiree id. */
    private static Map<String, Function<String, Api.Response>> routes(Api caller) {
        Map<String, Function<String, Api.Response>> routes = new LinkedHashMap<>();
        routes.put("GET", id -> caller.get(RETIREES + "/" + id));
        routes.put("GET reveal", id -> caller.get(RETIREES + "/" + id + "?reveal=idNumber,phone,party"));
        routes.put("GET reveal unknown", id -> caller.get(RETIREES + "/" + id + "?reveal=salary"));
        routes.put("PATCH without If-Match", id -> caller.patch(RETIREES + "/" + id, Map.of("name", "改名")));
        routes.put("PATCH", id -> caller.withHeader("If-Match", "\"1\"").patch(RETIREES + "/" + id,
                Map.of("name", "改名")));
        routes.put("PATCH stale", id -> caller.withHeader("If-Match", "\"9\"").patch(RETIREES + "/" + id,
                Map.of("name", "改名")));
        routes.put("PATCH identity", id -> caller.withHeader("If-Match", "\"1\"").patch(RETIREES + "/" + id,
                Map.of("idNumber", freshIdNumber(true))));
        routes.put("death without If-Match", id -> caller.post(RETIREES + "/" + id + "/death",
                Map.of("deathDate", "2020-01-01")));
        routes.put("death", id -> caller.withHeader("If-Match", "\"1\"").post(RETIREES + "/" + id + "/death",
                Map.of("deathDate", "2020-01-01")));
        routes.put("death in the future", id -> caller.withHeader("If-Match", "\"1\"")
                .post(RETIREES + "/" + id + "/death", Map.of("deathDate", "2999-01-01")));
        return routes;
    }

    private static void assertLikeNonExistent(Api caller, String hidden) {
        routes(caller).forEach((name, route) -> {
            Api.Response missing = route.apply(randomId());
            Api.Response out = route.apply(hidden);
            assertProblem(missing, 404, "NOT_FOUND");
            assertProblem(out, 404, "NOT_FOUND");
            assertEquals(withoutInstance(missing), withoutInstance(out), () -> name + ": " + out + " vs " + missing);
            assertEquals(missing.header("Content-Type"), out.header("Content-Type"), name);
            assertNull(out.header("ETag"), () -> name + ": " + out.headers());
            assertFalse(withoutInstance(out).toString().contains(hidden), () -> name + " names the retiree: " + out);
        });
    }

    @Test
    void everyRouteAnswersForARetireeInAnotherAreaAsForOneThatDoesNotExist() {
        long denials = denials("scope.yuzhong", livesInB);
        assertLikeNonExistent(yuzhong, livesInB);

        JsonNode record = municipal.get(RETIREES + "/" + livesInB).json();
        assertEquals(1, record.get("version").asLong(), record::toString);
        assertEquals("大渡口居民", record.get("name").asText());
        assertEquals("AT_ENTERPRISE", record.get("status").asText());
        assertEquals(0, platform.count("SELECT count(*) FROM platform.outbox WHERE aggregate_id = ?", livesInB));
        assertEquals(0, platform.count("SELECT count(*) FROM audit.events WHERE action = 'FIELD_REVEALED'"
                + " AND entity_id = ?", livesInB));
        assertEquals(denials + routes(yuzhong).size(), denials("scope.yuzhong", livesInB),
                "every refusal is audited as out of scope");

        assertProblem(yuzhong.get(RETIREES + "/not-a-uuid"), 404, "NOT_FOUND");
        assertEquals(withoutInstance(yuzhong.get(RETIREES + "/" + randomId())),
                withoutInstance(yuzhong.get(RETIREES + "/not-a-uuid")));
    }

    @Test
    void theOperatorOfAnAreaSeesTheirOwnResidents() {
        Api.Response seen = yuzhong.get(RETIREES + "/" + livesInA + "?reveal=idNumber");
        assertEquals(200, seen.status(), seen::toString);
        assertEquals(livesInAIdNumber, seen.json().get("idNumber").asText());
        Api.Response changed = yuzhong.withHeader("If-Match", etag(yuzhong, RETIREES + "/" + livesInA))
                .patch(RETIREES + "/" + livesInA, Map.of("residenceStreet", "七星岗街道"));
        assertEquals(200, changed.status(), changed::toString);
    }

    @Test
    void theEnterpriseAreaDoesNotOpenItsRetireesToThatDistrict() {
        assertLikeNonExistent(jiangbei, livesInA);
        assertFalse(ids(jiangbei.get(RETIREES + "?limit=500")).contains(livesInA));
    }

    @Test
    void listsLeaveOutRetireesOfOtherAreas() {
        List<String> all = ids(yuzhong.get(RETIREES + "?limit=500"));
        assertTrue(all.contains(livesInA), all::toString);
        assertFalse(all.contains(livesInB), all::toString);

        assertEquals(List.of(), ids(yuzhong.get(RETIREES + "?q=" + q("大渡口居民"))));
        assertEquals(List.of(), ids(yuzhong.get(RETIREES + "?q=" + q(livesInBIdNumber))));
        assertFalse(ids(yuzhong.get(RETIREES + "?areaCode=500104&limit=500")).contains(livesInB));
        assertFalse(ids(yuzhong.get(RETIREES + "?enterpriseId=" + enterpriseX + "&limit=500")).contains(livesInB));
        assertFalse(ids(yuzhong.get(RETIREES + "?status=AT_ENTERPRISE&limit=500")).contains(livesInB));
        assertEquals(List.of(livesInA), ids(yuzhong.get(RETIREES + "?q=" + q(livesInAIdNumber))));

        List<String> revealed = ids(yuzhong.get(RETIREES + "?limit=500&reveal=idNumber"));
        assertFalse(revealed.contains(livesInB), revealed::toString);
        assertEquals(0, platform.count("SELECT count(*) FROM audit.events WHERE action = 'FIELD_REVEALED'"
                + " AND detail LIKE ?", "%" + livesInB + "%"));

        assertEquals(List.of(livesInB), ids(municipal.get(RETIREES + "?q=" + q(livesInBIdNumber))));
    }

    @Test
    void aRetireeReceivedByTheAreaBecomesVisibleThere() {
        String received = retiree(municipal, enterpriseX, "沙坪坝居民", "500106");
        String path = RETIREES + "/" + received;
        assertProblem(yuzhong.get(path), 404, "NOT_FOUND");
        assertFalse(ids(yuzhong.get(RETIREES + "?limit=500")).contains(received));

        assertEquals(1, platform.update("UPDATE registry.retirees SET receiving_area = '500103' WHERE id = ?::uuid",
                received));
        Api.Response seen = yuzhong.get(path);
        assertEquals(200, seen.status(), seen::toString);
        assertEquals("500103", seen.json().get("receivingAreaCode").asText());
        assertTrue(ids(yuzhong.get(RETIREES + "?limit=500")).contains(received));
        assertTrue(ids(yuzhong.get(RETIREES + "?areaCode=500103&limit=500")).contains(received));
        assertEquals(200, yuzhong.get(path + "?reveal=phone").status());
        Api.Response changed = yuzhong.withHeader("If-Match", seen.header("ETag"))
                .patch(path, Map.of("residenceStreet", "小龙坎街道"));
        assertEquals(200, changed.status(), changed::toString);

        assertEquals(1, platform.update("UPDATE registry.retirees SET receiving_area = '500108' WHERE id = ?::uuid",
                received));
        assertLikeNonExistent(yuzhong, received);
        assertFalse(ids(yuzhong.get(RETIREES + "?limit=500")).contains(received));
    }

    @Test
    void anOperatorLimitedToOneReceivingBodyDoesNotSeeAnotherBodysRetirees() {
        String ownBody = yuzhong.post("/api/v1/areas/500103/receiving-bodies",
                Map.of("nameZh", "七星岗街道", "kind", "STREET")).json().get("id").asText();
        String otherBody = yuzhong.post("/api/v1/areas/500103/receiving-bodies",
                Map.of("nameZh", "解放碑街道", "kind", "STREET")).json().get("id").asText();
        Api narrowed = RegistryFixture.user(platform, admin, "scope.qixinggang", "DISTRICT_OPERATOR",
                Map.of("areaCodes", List.of("500103"), "receivingBodyIds", List.of(ownBody)));

        String ours = retiree(municipal, enterpriseX, "七星岗接收", "500104");
        String theirs = retiree(municipal, enterpriseX, "解放碑接收", "500104");
        platform.update("UPDATE registry.retirees SET receiving_area = '500103', receiving_body_id = ?::uuid"
                + " WHERE id = ?::uuid", ownBody, ours);
        platform.update("UPDATE registry.retirees SET receiving_area = '500103', receiving_body_id = ?::uuid"
                + " WHERE id = ?::uuid", otherBody, theirs);

        assertEquals(200, narrowed.get(RETIREES + "/" + ours).status());
        assertEquals(200, yuzhong.get(RETIREES + "/" + theirs).status(), "the whole district sees both");
        List<String> listed = ids(narrowed.get(RETIREES + "?limit=500"));
        assertTrue(listed.contains(ours), listed::toString);
        assertFalse(listed.contains(theirs), () -> "an operator of " + ownBody + " lists a retiree of " + otherBody);
        assertLikeNonExistent(narrowed, theirs);
    }

    @Test
    void anEnterpriseOperatorSeesOnlyTheirEnterprisesRetirees() {
        assertLikeNonExistent(operatorOfX, atY);

        List<String> listed = ids(operatorOfX.get(RETIREES + "?limit=500"));
        assertTrue(listed.containsAll(List.of(livesInA, livesInB)), listed::toString);
        assertFalse(listed.contains(atY), listed::toString);
        operatorOfX.get(RETIREES + "?limit=500").json().get("items")
                .forEach(item -> assertEquals(enterpriseX, item.get("enterpriseId").asText(), item::toString));
        assertEquals(List.of(), ids(operatorOfX.get(RETIREES + "?enterpriseId=" + enterpriseY)));
        assertEquals(List.of(), ids(operatorOfX.get(RETIREES + "?q=" + q("Y厂退休职工"))));
        assertEquals("Y厂退休职工", municipal.get(RETIREES + "/" + atY).json().get("name").asText());
    }

    @Test
    void anEnterpriseOperatorCannotRegisterRetireesForAnotherEnterprise() {
        long denials = platform.count("SELECT count(*) FROM audit.events WHERE action = 'ACCESS_DENIED'"
                + " AND actor_name = 'scope.x' AND entity_id = ? AND detail LIKE '%OUT_OF_SCOPE%'", enterpriseY);
        String idNumber = freshIdNumber(true);
        Api.Response refused = operatorOfX.post(RETIREES, retireeDraft(enterpriseY, idNumber, "越权登记", "500103"));
        assertProblem(refused, 404, "NOT_FOUND");
        Api.Response missing = operatorOfX.post(RETIREES, retireeDraft(randomId(), freshIdNumber(true), "越权登记",
                "500103"));
        assertProblem(missing, 404, "NOT_FOUND");
        assertEquals(withoutInstance(missing), withoutInstance(refused));
        assertEquals(0, platform.count("SELECT count(*) FROM registry.retirees WHERE name = '越权登记'"));
        assertEquals(denials + 1, platform.count("SELECT count(*) FROM audit.events WHERE action = 'ACCESS_DENIED'"
                + " AND actor_name = 'scope.x' AND entity_id = ? AND detail LIKE '%OUT_OF_SCOPE%'", enterpriseY));
        assertProblem(operatorOfX.get(ENTERPRISES + "/" + enterpriseY), 404, "NOT_FOUND");

        Api.Response own = operatorOfX.post(RETIREES, retireeDraft(enterpriseX, idNumber, "本企业登记", "500104"));
        assertEquals(201, own.status(), own::toString);
    }

    private static long denials(String actor, String entityId) {
        return platform.count("SELECT count(*) FROM audit.events WHERE action = 'ACCESS_DENIED' AND actor_name = ?"
                + " AND entity_id = ? AND detail LIKE '%OUT_OF_SCOPE%'", actor, entityId);
    }
}
