package cq.retirees.app.handover;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cq.retirees.app.handover.HandoverFixture.PLANS;
import static cq.retirees.app.handover.HandoverFixture.audited;
import static cq.retirees.app.handover.HandoverFixture.created;
import static cq.retirees.app.handover.HandoverFixture.ok;
import static cq.retirees.app.testing.ProblemAssertions.assertFieldError;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Petitions (信访) on a plan: recorded with a channel, a date not in the future and, optionally, a retiree on the
 * plan's roster; shown on the plan while open; resolved only with a handling note; seen by whoever sees the plan;
 * every change audited.
 */
class PetitionsTest {

    static final String PETITIONS = "/api/v1/petitions";

    static TestPlatform platform;
    static Api municipal;
    static Api enterpriseOp;
    static Api otherEnterpriseOp;
    static Api yuzhongOp;
    static Api jiangbeiOp;
    static Api auditor;
    static Api shapingbaOp;
    static String plan;
    static String onRoster;
    static String ofOtherEnterprise;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(PetitionsTest.class, HandoverFixture.SETTINGS);
        Api admin = platform.admin();
        municipal = HandoverFixture.user(platform, admin, "petition-municipal", "MUNICIPAL_ADMIN", Map.of());
        HandoverFixture.body(municipal, "500103", "解放碑街道", "STREET");
        String enterprise = HandoverFixture.enterprise(municipal, "500103", "500103");
        String other = HandoverFixture.enterprise(municipal, "500103", "500103");
        enterpriseOp = HandoverFixture.user(platform, admin, "petition-enterprise", "ENTERPRISE_OPERATOR",
                Map.of("enterpriseIds", List.of(enterprise)));
        otherEnterpriseOp = HandoverFixture.user(platform, admin, "petition-other-enterprise", "ENTERPRISE_OPERATOR",
                Map.of("enterpriseIds", List.of(other)));
        yuzhongOp = HandoverFixture.user(platform, admin, "petition-yuzhong", "DISTRICT_OPERATOR",
                Map.of("areaCodes", List.of("500103")));
        jiangbeiOp = HandoverFixture.user(platform, admin, "petition-jiangbei", "DISTRICT_OPERATOR",
                Map.of("areaCodes", List.of("500105")));
        auditor = HandoverFixture.user(platform, admin, "petition-auditor", "AUDITOR", Map.of());
        shapingbaOp = HandoverFixture.user(platform, admin, "petition-shapingba", "DISTRICT_OPERATOR",
                Map.of("areaCodes", List.of("500106")));
        onRoster = HandoverFixture.retiree(municipal, enterprise, "500103", "500103", "解放碑街道");
        HandoverFixture.retiree(municipal, enterprise, "500103", "500103", "解放碑街道");
        ofOtherEnterprise = HandoverFixture.retiree(municipal, other, "500103", "500103", "解放碑街道");
        plan = HandoverFixture.plan(enterpriseOp, enterprise).get("id").asText();
        ok(HandoverFixture.propose(enterpriseOp, plan));
        // Shapingba's only retiree on the plan: sent there by hand, then taken off the roster.
        String shapingba = HandoverFixture.retiree(municipal, enterprise, "500103", "500106", null);
        ok(HandoverFixture.propose(enterpriseOp, plan));
        changeEntry(shapingba, Map.of("action", "OVERRIDE", "receivingAreaCode", "500106", "reason", "本人申请"));
        changeEntry(shapingba, Map.of("action", "REMOVE", "reason", "已由其他渠道接收"));
    }

    private static void changeEntry(String retireeId, Map<String, Object> change) {
        long version = -1;
        for (JsonNode entry : ok(enterpriseOp.get(PLANS + "/" + plan + "/roster")).json().get("items")) {
            if (entry.get("retireeId").asText().equals(retireeId)) {
                version = entry.get("version").asLong();
            }
        }
        ok(enterpriseOp.withHeader("If-Match", "\"" + version + "\"").patch(PLANS + "/" + plan + "/roster/"
                + retireeId, change));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static Map<String, Object> draft() {
        Map<String, Object> draft = new HashMap<>();
        draft.put("planId", plan);
        draft.put("retireeId", onRoster);
        draft.put("channel", "VISIT");
        draft.put("content", "反映移交后养老金发放渠道问题。");
        draft.put("receivedOn", LocalDate.now().toString());
        draft.put("responsibleUnit", "企业信访办");
        return draft;
    }

    private static Map<String, Object> draft(String field, Object value) {
        Map<String, Object> draft = draft();
        if (value == null) {
            draft.remove(field);
        } else {
            draft.put(field, value);
        }
        return draft;
    }

    private static long petitions() {
        return platform.count("SELECT count(*) FROM handover.petitions");
    }

    private static List<String> openOnPlan(Api api) {
        return HandoverFixture.texts(ok(api.get(PLANS + "/" + plan)).json().get("openPetitions"), "id");
    }

    private static List<String> listed(Api api, String query) {
        return HandoverFixture.texts(ok(api.get(PETITIONS + "?planId=" + plan + query)).json().get("items"), "id");
    }

    @Test
    void aPetitionIsRecordedAndShownOnItsPlan() {
        long before = petitions();
        Api.Response response = created(enterpriseOp.post(PETITIONS, draft()));
        JsonNode petition = response.json();
        String id = petition.get("id").asText();
        assertEquals("RECEIVED", petition.get("status").asText());
        assertEquals("VISIT", petition.get("channel").asText());
        assertEquals(onRoster, petition.get("retireeId").asText());
        assertEquals(plan, petition.get("planId").asText());
        assertEquals("\"1\"", response.header("ETag"));
        assertTrue(response.header("Location").endsWith(PETITIONS + "/" + id), response.header("Location"));
        assertEquals(before + 1, petitions());
        assertEquals(1, audited(platform, "PETITION_RECORDED", id));

        assertEquals(id, ok(enterpriseOp.get(PETITIONS + "/" + id)).json().get("id").asText());
        assertTrue(openOnPlan(enterpriseOp).contains(id));
        assertTrue(listed(enterpriseOp, "").contains(id));

        // Without a retiree, about the plan as a whole; the receiving district may record one too.
        String general = created(yuzhongOp.post(PETITIONS, draft("retireeId", null))).json().get("id").asText();
        assertEquals(1, audited(platform, "PETITION_RECORDED", general));
        assertTrue(openOnPlan(municipal).containsAll(List.of(id, general)));
    }

    @Test
    void aPetitionIsRecordedOnlyWithValidFields() {
        long before = petitions();
        long recorded = platform.count("SELECT count(*) FROM audit.events WHERE action = 'PETITION_RECORDED'");

        assertFieldError(enterpriseOp.post(PETITIONS, draft("retireeId", ofOtherEnterprise)), "retireeId",
                "RETIREE_NOT_ON_PLAN");
        assertFieldError(enterpriseOp.post(PETITIONS, draft("retireeId", UUID.randomUUID().toString())),
                "retireeId", "RETIREE_NOT_ON_PLAN");
        assertFieldError(enterpriseOp.post(PETITIONS, draft("retireeId", "not-an-id")), "retireeId", "ID_INVALID");
        assertFieldError(enterpriseOp.post(PETITIONS, draft("channel", "FAX")), "channel", "KIND_UNKNOWN");
        assertFieldError(enterpriseOp.post(PETITIONS, draft("channel", null)), "channel", "KIND_UNKNOWN");
        assertFieldError(enterpriseOp.post(PETITIONS, draft("channel", "visit")), "channel", "KIND_UNKNOWN");
        assertFieldError(enterpriseOp.post(PETITIONS, draft("receivedOn", LocalDate.now().plusDays(1).toString())),
                "receivedOn", "DATE_IN_FUTURE");
        assertFieldError(enterpriseOp.post(PETITIONS, draft("receivedOn", "2024-13-01")), "receivedOn",
                "DATE_INVALID");
        // Java reads these; PostgreSQL cannot store the first (a 500 once)
        for (String outOfRange : List.of("-999999999-01-01", "+10000-01-01", "0000-12-31")) {
            assertFieldError(enterpriseOp.post(PETITIONS, draft("receivedOn", outOfRange)), "receivedOn",
                    "DATE_INVALID");
        }
        assertFieldError(enterpriseOp.post(PETITIONS, draft("content", "  ")), "content", "TEXT_REQUIRED");
        assertFieldError(enterpriseOp.post(PETITIONS, draft("responsibleUnit", null)), "responsibleUnit",
                "TEXT_REQUIRED");
        assertFieldError(enterpriseOp.post(PETITIONS, draft("planId", null)), "planId", "ID_INVALID");
        // A plan the caller cannot see is as good as missing.
        assertProblem(jiangbeiOp.post(PETITIONS, draft()), 404, "NOT_FOUND");
        assertProblem(otherEnterpriseOp.post(PETITIONS, draft("retireeId", null)), 404, "NOT_FOUND");
        assertProblem(enterpriseOp.post(PETITIONS, draft("planId", UUID.randomUUID().toString())), 404,
                "NOT_FOUND");

        assertEquals(before, petitions(), "nothing refused is stored");
        assertEquals(recorded, platform.count("SELECT count(*) FROM audit.events WHERE action = 'PETITION_RECORDED'"));
        // Past dates are fine.
        created(enterpriseOp.post(PETITIONS, draft("receivedOn", LocalDate.now().minusDays(30).toString())));
        created(enterpriseOp.post(PETITIONS, draft("channel", "ONLINE")));
    }

    @Test
    void aPetitionIsResolvedOnlyWithAHandlingNoteAndThenLeavesThePlansOpenList() {
        String id = created(enterpriseOp.post(PETITIONS, draft("channel", "LETTER"))).json().get("id").asText();
        String path = PETITIONS + "/" + id;
        assertTrue(openOnPlan(enterpriseOp).contains(id));

        assertProblem(enterpriseOp.patch(path, Map.of("status", "IN_PROGRESS")), 428, "IF_MATCH_REQUIRED");
        assertFieldError(enterpriseOp.withHeader("If-Match", "\"1\"").patch(path, Map.of("status", "RESOLVED")),
                "handlingNote", "TEXT_REQUIRED");
        assertFieldError(enterpriseOp.withHeader("If-Match", "\"1\"").patch(path, Map.of("status", "RESOLVED",
                "handlingNote", "   ")), "handlingNote", "TEXT_REQUIRED");
        assertFieldError(enterpriseOp.withHeader("If-Match", "\"1\"").patch(path, Map.of("status", "DONE")),
                "status", "KIND_UNKNOWN");
        JsonNode unchanged = ok(enterpriseOp.get(path)).json();
        assertEquals("RECEIVED", unchanged.get("status").asText());
        assertEquals(1, unchanged.get("version").asLong());
        assertEquals(0, audited(platform, "PETITION_UPDATED", id));

        Api.Response progressing = ok(yuzhongOp.withHeader("If-Match", "\"1\"").patch(path,
                Map.of("status", "IN_PROGRESS", "responsibleUnit", "渝中区社保中心")));
        assertEquals("\"2\"", progressing.header("ETag"));
        assertEquals("渝中区社保中心", progressing.json().get("responsibleUnit").asText());
        assertTrue(openOnPlan(enterpriseOp).contains(id), "in progress is still open");

        assertProblem(enterpriseOp.withHeader("If-Match", "\"1\"").patch(path, Map.of("status", "RESOLVED",
                "handlingNote", "已答复")), 412, "VERSION_MISMATCH");
        Api.Response resolved = ok(enterpriseOp.withHeader("If-Match", "\"2\"").patch(path, Map.of("status",
                "RESOLVED", "handlingNote", "已与社保中心核实并书面答复。")));
        assertEquals("RESOLVED", resolved.json().get("status").asText());
        assertEquals("已与社保中心核实并书面答复。", resolved.json().get("handlingNote").asText());
        assertEquals("\"3\"", resolved.header("ETag"));
        Api.Response nothing = ok(enterpriseOp.withHeader("If-Match", "\"3\"").patch(path, Map.of()));
        assertEquals("\"3\"", nothing.header("ETag"), "a change that changes nothing moves no version");

        assertFalse(openOnPlan(enterpriseOp).contains(id), "a resolved petition is no longer open");
        assertTrue(listed(enterpriseOp, "").contains(id));
        assertTrue(listed(enterpriseOp, "&status=RESOLVED").contains(id));
        assertFalse(listed(enterpriseOp, "&status=RECEIVED").contains(id));
        assertFieldError(enterpriseOp.get(PETITIONS + "?status=DONE"), "status", "KIND_UNKNOWN");

        assertEquals(1, audited(platform, "PETITION_RECORDED", id));
        assertEquals(2, audited(platform, "PETITION_UPDATED", id));
        assertEquals(List.of("IN_PROGRESS", "RESOLVED"), platform.strings("SELECT detail FROM audit.events"
                + " WHERE action = 'PETITION_UPDATED' AND entity_id = ? ORDER BY seq", id).stream()
                .map(detail -> detail.contains("RESOLVED") ? "RESOLVED" : detail.contains("IN_PROGRESS")
                        ? "IN_PROGRESS" : detail).toList());
    }

    @Test
    void aResolvedPetitionMayBeReopenedButAClosedOneStaysAsItWasClosed() {
        String id = created(enterpriseOp.post(PETITIONS, draft("channel", "PHONE"))).json().get("id").asText();
        String path = PETITIONS + "/" + id;
        ok(enterpriseOp.withHeader("If-Match", "\"1\"").patch(path, Map.of("status", "IN_PROGRESS")));
        assertProblem(enterpriseOp.withHeader("If-Match", "\"2\"").patch(path, Map.of("status", "RECEIVED")), 409,
                "PETITION_TRANSITION_NOT_ALLOWED");
        ok(enterpriseOp.withHeader("If-Match", "\"2\"").patch(path, Map.of("status", "RESOLVED",
                "handlingNote", "已书面答复。")));
        assertProblem(enterpriseOp.withHeader("If-Match", "\"3\"").patch(path, Map.of("status", "RECEIVED")), 409,
                "PETITION_TRANSITION_NOT_ALLOWED");

        Api.Response reopened = ok(enterpriseOp.withHeader("If-Match", "\"3\"").patch(path,
                Map.of("status", "IN_PROGRESS", "handlingNote", "信访人不满意，重新办理。")));
        assertEquals("IN_PROGRESS", reopened.json().get("status").asText());
        assertTrue(openOnPlan(enterpriseOp).contains(id), "a reopened petition is open again");
        ok(enterpriseOp.withHeader("If-Match", "\"4\"").patch(path, Map.of("status", "CLOSED",
                "handlingNote", "复查后维持原答复，办结。")));

        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("status", "IN_PROGRESS"),
                Map.of("handlingNote", "补充说明"), Map.of("responsibleUnit", "其他单位"))) {
            assertProblem(enterpriseOp.withHeader("If-Match", "\"5\"").patch(path, change), 409, "PETITION_CLOSED");
        }
        Api.Response same = ok(enterpriseOp.withHeader("If-Match", "\"5\"").patch(path, Map.of("status", "CLOSED")));
        assertEquals("\"5\"", same.header("ETag"), "closing again changes nothing");
        JsonNode closed = ok(enterpriseOp.get(path)).json();
        assertEquals("复查后维持原答复，办结。", closed.get("handlingNote").asText());
        assertEquals(4, audited(platform, "PETITION_UPDATED", id));
    }

    /** Listing petitions decides visibility as reading one does: a district that receives nobody sees none. */
    @Test
    void aDistrictWhoseOnlyRetireeWasTakenOffTheRosterSeesNoPetitionOfThePlan() {
        String id = created(enterpriseOp.post(PETITIONS, draft("channel", "OTHER"))).json().get("id").asText();
        assertProblem(shapingbaOp.get(PLANS + "/" + plan), 404, "NOT_FOUND");
        assertProblem(shapingbaOp.get(PETITIONS + "/" + id), 404, "NOT_FOUND");
        assertFalse(HandoverFixture.texts(ok(shapingbaOp.get(PETITIONS)).json().get("items"), "id").contains(id),
                "GET /petitions lists a petition whose plan the caller may not see");
        assertFalse(listed(shapingbaOp, "").contains(id),
                "GET /petitions?planId= lists a petition whose plan the caller may not see");
    }

    /** Listing plans decides visibility as reading one does. */
    @Test
    void aDistrictWhoseOnlyRetireeWasTakenOffTheRosterDoesNotListThePlan() {
        assertProblem(shapingbaOp.get(PLANS + "/" + plan), 404, "NOT_FOUND");
        assertFalse(HandoverFixture.texts(ok(shapingbaOp.get(PLANS)).json().get("items"), "id").contains(plan),
                "GET /handover-plans lists a plan the caller may not read");
    }

    @Test
    void onlyThoseWhoSeeThePlanSeeItsPetitions() {
        String id = created(enterpriseOp.post(PETITIONS, draft("channel", "PHONE"))).json().get("id").asText();
        String path = PETITIONS + "/" + id;

        ok(yuzhongOp.get(path));
        ok(municipal.get(path));
        ok(auditor.get(path));
        assertTrue(listed(yuzhongOp, "").contains(id));
        assertTrue(listed(auditor, "").contains(id));

        for (Api outsider : List.of(otherEnterpriseOp, jiangbeiOp)) {
            assertProblem(outsider.get(path), 404, "NOT_FOUND");
            assertProblem(outsider.withHeader("If-Match", "\"1\"").patch(path, Map.of("status", "CLOSED",
                    "handlingNote", "不属实")), 404, "NOT_FOUND");
            assertFalse(listed(outsider, "").contains(id));
            assertFalse(HandoverFixture.texts(ok(outsider.get(PETITIONS)).json().get("items"), "id").contains(id));
        }
        assertProblem(auditor.withHeader("If-Match", "\"1\"").patch(path, Map.of("status", "CLOSED",
                "handlingNote", "不属实")), 403, "ROLE_REQUIRED");
        JsonNode unchanged = ok(enterpriseOp.get(path)).json();
        assertEquals("RECEIVED", unchanged.get("status").asText());
        assertEquals(1, unchanged.get("version").asLong());
        assertEquals(0, audited(platform, "PETITION_UPDATED", id));
    }
}
