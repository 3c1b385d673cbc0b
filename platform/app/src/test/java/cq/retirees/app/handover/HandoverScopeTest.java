package cq.retirees.app.handover;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cq.retirees.app.handover.HandoverFixture.BATCHES;
import static cq.retirees.app.handover.HandoverFixture.PLANS;
import static cq.retirees.app.handover.HandoverFixture.batch;
import static cq.retirees.app.handover.HandoverFixture.batchVersion;
import static cq.retirees.app.handover.HandoverFixture.closeItems;
import static cq.retirees.app.handover.HandoverFixture.csvRows;
import static cq.retirees.app.handover.HandoverFixture.ok;
import static cq.retirees.app.handover.HandoverFixture.openBatch;
import static cq.retirees.app.handover.HandoverFixture.registered;
import static cq.retirees.app.handover.HandoverFixture.setItem;
import static cq.retirees.app.handover.HandoverFixture.sign;
import static cq.retirees.app.handover.HandoverFixture.signRequest;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who sees and does what in a handover: the enterprise's operator the whole plan; a district operator the plan
 * and only the batches received in its area (or only its receiving body's); another enterprise's operator
 * nothing; an auditor everything, read-only.
 */
class HandoverScopeTest {

    static TestPlatform platform;
    static Api municipal;
    static Api enterpriseOp;
    static Api otherEnterpriseOp;
    static Api jiangbeiOp;
    static Api guanyinqiaoOnlyOp;
    static Api shapingbaOp;
    static Api auditor;
    static String guanyinqiao;
    static String plan;
    static String yuzhongBatch;
    static String guanyinqiaoBatch;
    static String wulidianBatch;
    static final List<String> yuzhong = new ArrayList<>();
    static final List<String> atGuanyinqiao = new ArrayList<>();
    static final List<String> atWulidian = new ArrayList<>();
    /** Lives in Jiangbei without a street: received by Jiangbei, by no body, and in no batch. */
    static String unassigned;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(HandoverScopeTest.class, HandoverFixture.SETTINGS);
        Api admin = platform.admin();
        municipal = HandoverFixture.user(platform, admin, "scope-municipal", "MUNICIPAL_ADMIN", Map.of());
        String jiefangbei = HandoverFixture.body(municipal, "500103", "解放碑街道", "STREET");
        guanyinqiao = HandoverFixture.body(municipal, "500105", "观音桥街道", "STREET");
        String wulidian = HandoverFixture.body(municipal, "500105", "五里店街道", "STREET");
        String enterprise = HandoverFixture.enterprise(municipal, "500103", "500103");
        String other = HandoverFixture.enterprise(municipal, "500103", "500103");
        enterpriseOp = HandoverFixture.user(platform, admin, "scope-enterprise", "ENTERPRISE_OPERATOR",
                Map.of("enterpriseIds", List.of(enterprise)));
        otherEnterpriseOp = HandoverFixture.user(platform, admin, "scope-other-enterprise", "ENTERPRISE_OPERATOR",
                Map.of("enterpriseIds", List.of(other)));
        jiangbeiOp = HandoverFixture.user(platform, admin, "scope-jiangbei", "DISTRICT_OPERATOR",
                Map.of("areaCodes", List.of("500105")));
        guanyinqiaoOnlyOp = HandoverFixture.user(platform, admin, "scope-guanyinqiao", "DISTRICT_OPERATOR",
                Map.of("areaCodes", List.of("500105"), "receivingBodyIds", List.of(guanyinqiao)));
        shapingbaOp = HandoverFixture.user(platform, admin, "scope-shapingba", "DISTRICT_OPERATOR",
                Map.of("areaCodes", List.of("500106")));
        auditor = HandoverFixture.user(platform, admin, "scope-auditor", "AUDITOR", Map.of());
        for (int i = 0; i < 3; i++) {
            yuzhong.add(HandoverFixture.retiree(municipal, enterprise, "500103", "500103", "解放碑街道"));
            atGuanyinqiao.add(HandoverFixture.retiree(municipal, enterprise, "500103", "500105", "观音桥街道"));
        }
        for (int i = 0; i < 2; i++) {
            atWulidian.add(HandoverFixture.retiree(municipal, enterprise, "500103", "500105", "五里店街道"));
        }
        unassigned = HandoverFixture.retiree(municipal, enterprise, "500103", "500105", null);
        HandoverFixture.retiree(municipal, other, "500103", "500103", "解放碑街道");
        plan = HandoverFixture.approvedPlan(enterpriseOp, enterprise);
        HandoverFixture.startHandover(platform, enterpriseOp, plan);
        String effective = LocalDate.now().plusDays(1).toString();
        yuzhongBatch = batch(enterpriseOp, plan, "500103", jiefangbei, effective, null);
        guanyinqiaoBatch = batch(enterpriseOp, plan, "500105", guanyinqiao, effective, null);
        wulidianBatch = batch(enterpriseOp, plan, "500105", wulidian, effective, null);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aDistrictNamesInAPetitionOnlyTheRetireesItReceives() {
        Map<String, Object> aboutYuzhong = new java.util.HashMap<>(Map.of("planId", plan, "channel", "VISIT",
                "content", "询问接收进度", "receivedOn", LocalDate.now().toString(), "responsibleUnit", "江北区人力社保局",
                "retireeId", yuzhong.getFirst()));
        Api.Response refused = jiangbeiOp.post("/api/v1/petitions", aboutYuzhong);
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("RETIREE_NOT_ON_PLAN", refused.json().at("/errors/0/code").asText(),
                "a retiree received elsewhere is answered like one not on the plan");
        aboutYuzhong.put("retireeId", atGuanyinqiao.getFirst());
        assertEquals(201, jiangbeiOp.post("/api/v1/petitions", aboutYuzhong).status());
    }

    @Test
    void theEnterpriseSeesTheWholePlan() {
        ok(enterpriseOp.get(PLANS + "/" + plan));
        assertEquals(Set.of(yuzhongBatch, guanyinqiaoBatch, wulidianBatch), batchIds(enterpriseOp));
        assertEquals(9, checklist(enterpriseOp).size());
    }

    @Test
    void aDistrictOperatorSeesThePlanAndOnlyTheBatchesReceivedInItsArea() {
        JsonNode seen = ok(jiangbeiOp.get(PLANS + "/" + plan)).json();
        assertEquals(plan, seen.get("id").asText());
        assertTrue(HandoverFixture.texts(ok(jiangbeiOp.get(PLANS)).json().get("items"), "id").contains(plan));

        assertEquals(Set.of(guanyinqiaoBatch, wulidianBatch), batchIds(jiangbeiOp));
        ok(jiangbeiOp.get(BATCHES + guanyinqiaoBatch));
        ok(jiangbeiOp.get(BATCHES + wulidianBatch));
        assertProblem(jiangbeiOp.get(BATCHES + yuzhongBatch), 404, "NOT_FOUND");
        assertProblem(jiangbeiOp.withHeader("If-Match", "\"" + batchVersion(platform, yuzhongBatch) + "\"")
                .patch(BATCHES + yuzhongBatch + "/items/PERSONNEL_DOSSIERS", Map.of("status", "DONE")), 404,
                "NOT_FOUND");

        List<List<String>> rows = checklist(jiangbeiOp);
        assertEquals(6, rows.size(), "only the six retirees received in Jiangbei");
        for (List<String> row : rows) {
            assertTrue(row.get(6).contains("500105"), "receiving area of a row: " + row.get(6));
        }
        List<String> expected = new ArrayList<>(atGuanyinqiao);
        expected.addAll(atWulidian);
        expected.add(unassigned);
        assertEquals(names(expected), new HashSet<>(rows.stream().map(r -> r.get(2)).toList()));
        assertProblem(jiangbeiOp.withHeader("Accept", "text/csv")
                .get(PLANS + "/" + plan + "/checklist?batchId=" + yuzhongBatch), 404, "NOT_FOUND");
        assertEquals(3, csvRows(exported(jiangbeiOp.withHeader("Accept", "text/csv")
                .get(PLANS + "/" + plan + "/checklist?batchId=" + guanyinqiaoBatch))).size());

        // A district that receives nobody of the plan does not see it.
        assertProblem(shapingbaOp.get(PLANS + "/" + plan), 404, "NOT_FOUND");
        assertProblem(shapingbaOp.get(PLANS + "/" + plan + "/batches"), 404, "NOT_FOUND");
        assertProblem(shapingbaOp.get(BATCHES + wulidianBatch), 404, "NOT_FOUND");
        assertFalse(HandoverFixture.texts(ok(shapingbaOp.get(PLANS)).json().get("items"), "id").contains(plan));
    }

    @Test
    void aDistrictOperatorSignsOnlyTheBatchesReceivedInItsArea() {
        long yuzhongVersion = batchVersion(platform, yuzhongBatch);
        assertProblem(jiangbeiOp.withHeader("If-Match", "\"" + yuzhongVersion + "\"").post(BATCHES + yuzhongBatch
                + "/sign", Map.of("side", "RECEIVING", "signatory", "江北签字人")), 404, "NOT_FOUND");
        assertEquals(yuzhongVersion, batchVersion(platform, yuzhongBatch));

        closeItems(jiangbeiOp, wulidianBatch);
        sign(enterpriseOp, wulidianBatch, "ENTERPRISE");
        assertProblem(signRequest(jiangbeiOp, wulidianBatch, "ENTERPRISE"), 403, "NOT_THE_ENTERPRISE_SIDE");
        JsonNode signed = sign(jiangbeiOp, wulidianBatch, "RECEIVING");
        assertEquals("SIGNED", signed.get("state").asText(), signed::toString);
    }

    @Test
    void aDistrictOperatorOfOneReceivingBodySeesOnlyThatBodysBatches() {
        ok(guanyinqiaoOnlyOp.get(PLANS + "/" + plan));
        assertEquals(Set.of(guanyinqiaoBatch), batchIds(guanyinqiaoOnlyOp));
        ok(guanyinqiaoOnlyOp.get(BATCHES + guanyinqiaoBatch));
        assertProblem(guanyinqiaoOnlyOp.get(BATCHES + wulidianBatch), 404, "NOT_FOUND");
        assertProblem(guanyinqiaoOnlyOp.get(BATCHES + yuzhongBatch), 404, "NOT_FOUND");
        String ifMatch = "\"" + batchVersion(platform, wulidianBatch) + "\"";
        assertProblem(guanyinqiaoOnlyOp.withHeader("If-Match", ifMatch).post(BATCHES + wulidianBatch + "/sign",
                Map.of("side", "RECEIVING", "signatory", "观音桥签字人")), 404, "NOT_FOUND");
        assertProblem(guanyinqiaoOnlyOp.withHeader("If-Match", ifMatch)
                .patch(BATCHES + wulidianBatch + "/items/PERSONNEL_DOSSIERS", Map.of("status", "DONE")), 404,
                "NOT_FOUND");

        Set<String> shown = new HashSet<>(checklist(guanyinqiaoOnlyOp).stream().map(r -> r.get(2)).toList());
        assertTrue(shown.containsAll(names(atGuanyinqiao)));
        List<String> others = new ArrayList<>(atWulidian);
        others.addAll(yuzhong);
        for (String name : names(others)) {
            assertFalse(shown.contains(name), "a retiree of another body is on the checklist");
        }

        // Its own body's batch it works on and signs.
        closeItems(guanyinqiaoOnlyOp, guanyinqiaoBatch);
        sign(enterpriseOp, guanyinqiaoBatch, "ENTERPRISE");
        JsonNode signed = sign(guanyinqiaoOnlyOp, guanyinqiaoBatch, "RECEIVING");
        assertEquals("SIGNED", signed.get("state").asText(), signed::toString);
    }

    /**
     * A user limited to 观音桥街道 sees no retiree of another body of Jiangbei, nor one received by no body (as
     * {@code PlanAccess.coversBatch} already decides for batches) on the checklist.
     */
    @Test
    void aDistrictOperatorOfOneReceivingBodySeesNoOtherRetireesOfItsAreaOnTheChecklist() {
        List<List<String>> rows = checklist(guanyinqiaoOnlyOp);
        Set<String> shown = new HashSet<>(rows.stream().map(r -> r.get(2)).toList());
        assertTrue(shown.containsAll(names(atGuanyinqiao)), "观音桥街道's own retirees are on the checklist");
        long foreign = rows.stream().filter(r -> !r.get(7).equals("观音桥街道")).count();
        assertEquals(0, foreign, () -> foreign + " checklist row(s) of another body or of no body");
        assertEquals(3, rows.size());
    }

    /** As above, for the roster: a body-limited user sees only the entries its body receives. */
    @Test
    void aDistrictOperatorOfOneReceivingBodySeesOnlyItsBodysRosterEntries() {
        Set<String> onRoster = new HashSet<>(HandoverFixture.texts(ok(guanyinqiaoOnlyOp.get(PLANS + "/" + plan
                + "/roster")).json().get("items"), "retireeId"));
        assertTrue(onRoster.containsAll(atGuanyinqiao), "观音桥街道's own retirees are on the roster");
        Set<String> foreign = new HashSet<>(onRoster);
        atGuanyinqiao.forEach(foreign::remove);
        assertEquals(0, foreign.size(), () -> foreign.size() + " roster entr(ies) of another body or of no body");
    }

    @Test
    void anotherEnterprisesOperatorSeesNothingOfThePlan() {
        assertProblem(otherEnterpriseOp.get(PLANS + "/" + plan), 404, "NOT_FOUND");
        assertProblem(otherEnterpriseOp.get(PLANS + "/" + plan + "/batches"), 404, "NOT_FOUND");
        assertProblem(otherEnterpriseOp.withHeader("Accept", "text/csv").get(PLANS + "/" + plan + "/checklist"), 404,
                "NOT_FOUND");
        for (String b : List.of(yuzhongBatch, guanyinqiaoBatch, wulidianBatch)) {
            assertProblem(otherEnterpriseOp.get(BATCHES + b), 404, "NOT_FOUND");
            assertProblem(otherEnterpriseOp.withHeader("If-Match", "\"" + batchVersion(platform, b) + "\"")
                    .post(BATCHES + b + "/sign", Map.of("side", "ENTERPRISE", "signatory", "他人")), 404, "NOT_FOUND");
        }
        long batches = platform.count("SELECT count(*) FROM handover.batches WHERE plan_id = ?::uuid", plan);
        assertProblem(openBatch(otherEnterpriseOp, plan, "500103", null, LocalDate.now().toString(), null), 404,
                "NOT_FOUND");
        assertEquals(batches, platform.count("SELECT count(*) FROM handover.batches WHERE plan_id = ?::uuid", plan));
        assertFalse(HandoverFixture.texts(ok(otherEnterpriseOp.get(PLANS)).json().get("items"), "id").contains(plan));
    }

    @Test
    void anAuditorReadsEverythingAndChangesNothing() {
        ok(auditor.get(PLANS + "/" + plan));
        assertEquals(Set.of(yuzhongBatch, guanyinqiaoBatch, wulidianBatch), batchIds(auditor));
        ok(auditor.get(BATCHES + yuzhongBatch));
        assertEquals(9, checklist(auditor).size());

        long batches = platform.count("SELECT count(*) FROM handover.batches WHERE plan_id = ?::uuid", plan);
        long version = batchVersion(platform, yuzhongBatch);
        long planVersion = platform.count("SELECT version FROM handover.plans WHERE id = ?::uuid", plan);
        long petitions = platform.count("SELECT count(*) FROM handover.petitions");
        assertEquals(403, openBatch(auditor, plan, "500103", null, LocalDate.now().toString(), null).status());
        assertEquals(403, setItem(auditor, yuzhongBatch, "PERSONNEL_DOSSIERS", "DONE", null).status());
        assertEquals(403, signRequest(auditor, yuzhongBatch, "ENTERPRISE").status());
        assertEquals(403, signRequest(auditor, yuzhongBatch, "RECEIVING").status());
        assertEquals(403, HandoverFixture.transition(auditor, plan, "COMPLETED").status());
        assertProblem(auditor.post("/api/v1/petitions", Map.of("planId", plan, "channel", "VISIT", "content", "来访",
                "receivedOn", LocalDate.now().toString(), "responsibleUnit", "信访办")), 403, "ROLE_REQUIRED");
        assertProblem(auditor.withHeader("If-Match", "\"1\"").patch("/api/v1/petitions/" + UUID.randomUUID(),
                Map.of("status", "CLOSED", "handlingNote", "已办结")), 403, "ROLE_REQUIRED");

        assertEquals(batches, platform.count("SELECT count(*) FROM handover.batches WHERE plan_id = ?::uuid", plan));
        assertEquals(version, batchVersion(platform, yuzhongBatch));
        assertEquals(planVersion, platform.count("SELECT version FROM handover.plans WHERE id = ?::uuid", plan));
        assertEquals(petitions, platform.count("SELECT count(*) FROM handover.petitions"));
    }

    private static Set<String> batchIds(Api api) {
        return new HashSet<>(HandoverFixture.texts(ok(api.get(PLANS + "/" + plan + "/batches")).json().get("items"),
                "id"));
    }

    private static List<List<String>> checklist(Api api) {
        return csvRows(exported(api.withHeader("Accept", "text/csv").get(PLANS + "/" + plan + "/checklist")));
    }

    /** A 200 export; its body (masked ID numbers) is never put in a message. */
    private static Api.Response exported(Api.Response response) {
        assertEquals(200, response.status(), () -> "checklist export answered " + response.status());
        return response;
    }

    private static Set<String> names(List<String> retirees) {
        Set<String> names = new HashSet<>();
        retirees.forEach(id -> names.add(registered(municipal, id).get("name").asText()));
        return names;
    }
}
