package cq.retirees.app.handover;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cq.retirees.app.handover.HandoverFixture.PLANS;
import static cq.retirees.app.handover.HandoverFixture.created;
import static cq.retirees.app.handover.HandoverFixture.entryTag;
import static cq.retirees.app.handover.HandoverFixture.ok;
import static cq.retirees.app.handover.HandoverFixture.propose;
import static cq.retirees.app.handover.HandoverFixture.roster;
import static cq.retirees.app.handover.HandoverFixture.transition;
import static cq.retirees.app.testing.ProblemAssertions.assertFieldError;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ProposeRoster through the HTTP API (DOMAIN.md §5.1): every entry says which rule chose which area and why, and what
 * else was considered; retired cadres, the deceased and an insured area no longer in force are handled as the plan
 * says; overrides need a reason, are audited and survive proposing again; proposing again says what changed; the
 * roster closes with the publicity; each side sees what it may.
 */
class RosterProposalTest {

    static final String YUZHONG = "500103";
    static final String JIANGBEI = "500105";
    static final String SHAPINGBA = "500106";
    static final String JIULONGPO = "500107";
    static final String NANAN = "500108";
    /** Retired by {@link #anInsuredAreaNoLongerInForceGivesWayToTheEnterpriseLocation()}; no other test uses it. */
    static final String PENGSHUI = "500243";

    static TestPlatform platform;
    static Api admin;
    static Api municipal;
    static String jiefangbei;
    static String yuzhongDepartment;
    static String guanyinqiao;

    @BeforeAll
    static void start() {
        Map<String, String> settings = new HashMap<>(HandoverFixture.SETTINGS);
        // Events are delivered only when a test asks (none does): a death then reaches a roster only through the
        // next proposal, which is what these tests are about, and not also through the RetireeDied subscriber.
        settings.put("outbox.poll-interval", "PT1H");
        platform = TestPlatform.start(RosterProposalTest.class, settings);
        admin = platform.admin();
        municipal = HandoverFixture.user(platform, admin, "roster-municipal", "MUNICIPAL_ADMIN", Map.of());
        jiefangbei = HandoverFixture.body(municipal, YUZHONG, "解放碑街道", "STREET");
        yuzhongDepartment = HandoverFixture.body(municipal, YUZHONG, "渝中区退休人员服务中心", "DEPARTMENT");
        guanyinqiao = HandoverFixture.body(municipal, JIANGBEI, "观音桥街道", "STREET");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void everyEntrySaysWhichRuleChoseWhatAndWhyAndWhatElseWasConsidered() {
        String enterprise = HandoverFixture.enterprise(municipal, YUZHONG, NANAN);
        Api operator = HandoverFixture.user(platform, admin, "roster-entries-op", "ENTERPRISE_OPERATOR",
                Map.of("enterpriseIds", List.of(enterprise)));
        String onStreet0 = HandoverFixture.retiree(operator, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        String onStreet1 = HandoverFixture.retiree(operator, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        String elsewhere = HandoverFixture.retiree(operator, enterprise, YUZHONG, SHAPINGBA, null);
        String plan = HandoverFixture.plan(operator, enterprise).get("id").asText();

        JsonNode summary = ok(propose(operator, plan)).json();
        assertEquals(3, summary.get("proposed").asLong(), summary::toString);
        assertEquals(3, summary.get("added").asLong(), summary::toString);
        assertEquals(0, summary.get("changed").asLong(), summary::toString);
        assertEquals(3, summary.get("byRule").get("municipal-default").asLong(), summary::toString);
        assertEquals(3, summary.get("byReason").get("INSURED_AREA").asLong(), summary::toString);

        Map<String, JsonNode> entries = roster(operator, plan);
        assertEquals(3, entries.size(), entries::toString);
        for (JsonNode entry : entries.values()) {
            JsonNode proposal = entry.get("proposal");
            assertEquals("municipal-default", proposal.get("ruleId").asText(), entry::toString);
            assertEquals(YUZHONG, proposal.get("areaCode").asText(), entry::toString);
            assertEquals("INSURED_AREA", proposal.get("reasonCode").asText(), entry::toString);
            assertEquals("企业参保地", proposal.get("reasonLabel").asText(), entry::toString);
            assertEquals(YUZHONG, entry.get("receivingAreaCode").asText(), entry::toString);
            assertTrue(entry.get("changedFrom").isNull(), entry::toString);
            assertTrue(entry.get("override").isNull(), entry::toString);
            assertTrue(entry.get("removed").isNull(), entry::toString);
        }
        for (String onStreet : List.of(onStreet0, onStreet1)) {
            JsonNode entry = entries.get(onStreet);
            assertEquals(jiefangbei, entry.get("receivingBodyId").asText(), entry::toString);
            assertEquals("STREET_OF_RESIDENCE", entry.get("proposal").get("bodyReasonCode").asText());
            assertEquals(List.of(alternative(NANAN, "LOCATION_ONLY_WITHOUT_INSURED_AREA")),
                    alternatives(entry), entry::toString);
        }
        JsonNode away = entries.get(elsewhere);
        assertEquals(yuzhongDepartment, away.get("receivingBodyId").asText(), away::toString);
        assertEquals("DESIGNATED_DEPARTMENT", away.get("proposal").get("bodyReasonCode").asText());
        assertEquals(List.of(alternative(SHAPINGBA, "RESIDENCE_NOT_CONCENTRATED"),
                alternative(NANAN, "LOCATION_ONLY_WITHOUT_INSURED_AREA")), alternatives(away), away::toString);
        JsonNode considered = away.get("proposal").get("alternatives").get(0);
        assertEquals("居住地：本企业退休人员在此居住未达集中标准", considered.get("reasonLabel").asText(), away::toString);

        JsonNode english = roster(operator.withHeader("Accept-Language", "en"), plan).get(elsewhere);
        assertEquals("Insured area of the enterprise", english.get("proposal").get("reasonLabel").asText());
        assertEquals(1, platform.count("SELECT count(*) FROM audit.events WHERE action = 'ROSTER_PROPOSED'"
                + " AND entity_id = ?", plan));
    }

    @Test
    void whereTheEnterprisesRetireesLiveConcentratedThatAreaReceivesThem() {
        String enterprise = HandoverFixture.enterprise(municipal, YUZHONG, YUZHONG);
        List<String> inJiangbei = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inJiangbei.add(HandoverFixture.retiree(municipal, enterprise, YUZHONG, JIANGBEI, "观音桥街道"));
        }
        for (int i = 0; i < 9; i++) {
            HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        }
        String plan = HandoverFixture.plan(municipal, enterprise).get("id").asText();

        JsonNode summary = ok(propose(municipal, plan)).json();
        assertEquals(3, summary.get("byReason").get("CONCENTRATED_RESIDENCE").asLong(), summary::toString);
        assertEquals(9, summary.get("byReason").get("INSURED_AREA").asLong(), summary::toString);
        JsonNode entry = roster(municipal, plan).get(inJiangbei.getFirst());
        assertEquals(JIANGBEI, entry.get("receivingAreaCode").asText(), entry::toString);
        assertEquals(guanyinqiao, entry.get("receivingBodyId").asText(), entry::toString);
        assertEquals("CONCENTRATED_RESIDENCE", entry.get("proposal").get("reasonCode").asText());
        assertEquals(List.of(alternative(YUZHONG, "INSURED_AREA_YIELDS_TO_CONCENTRATION")), alternatives(entry));

        // Four more in Yuzhong: 3 of 16 is under the 20 % share, so Jiangbei is no longer concentrated.
        for (int i = 0; i < 4; i++) {
            HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        }
        JsonNode again = ok(propose(municipal, plan)).json();
        assertEquals(16, again.get("byReason").get("INSURED_AREA").asLong(), again::toString);
        assertEquals(3, again.get("changed").asLong(), again::toString);
        assertEquals(4, again.get("added").asLong(), again::toString);
        JsonNode after = roster(municipal, plan).get(inJiangbei.getFirst());
        assertEquals(YUZHONG, after.get("receivingAreaCode").asText(), after::toString);
        assertEquals(List.of(alternative(JIANGBEI, "RESIDENCE_NOT_CONCENTRATED")), alternatives(after));
    }

    @Test
    void aRetiredCadreStaysOffUntilAnExceptionWithAReasonIsRecorded() {
        String enterprise = HandoverFixture.enterprise(municipal, YUZHONG, YUZHONG);
        String retiree = HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        String cadre = HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道", "RETIRED_CADRE");
        String otherEnterprise = HandoverFixture.enterprise(municipal, YUZHONG, YUZHONG);
        String otherCadre = HandoverFixture.retiree(municipal, otherEnterprise, YUZHONG, YUZHONG, null,
                "RETIRED_CADRE");
        String plan = HandoverFixture.plan(municipal, enterprise).get("id").asText();
        String exceptions = PLANS + "/" + plan + "/cadre-exceptions";

        JsonNode first = ok(propose(municipal, plan)).json();
        assertEquals(1, first.get("proposed").asLong(), first::toString);
        assertEquals(1, first.get("excludedRetiredCadres").asLong(), first::toString);
        assertEquals(List.of(retiree), List.copyOf(roster(municipal, plan).keySet()));

        assertProblem(municipal.post(exceptions, Map.of("retireeId", retiree, "reason", "一并移交")), 422,
                "NOT_A_RETIRED_CADRE");
        assertFieldError(municipal.post(exceptions, Map.of("retireeId", cadre, "reason", "  ")), "reason",
                "TEXT_REQUIRED");
        assertFieldError(municipal.post(exceptions, Map.of("retireeId", otherCadre, "reason", "一并移交")),
                "retireeId", "RETIREE_NOT_OF_ENTERPRISE");
        assertEquals(1, roster(municipal, plan).size(), "no exception yet, so the cadre is still off");

        String reason = "经组织部门同意，随企业退休人员一并移交";
        JsonNode recorded = created(municipal.post(exceptions, Map.of("retireeId", cadre, "reason", reason))).json();
        assertTrue(recorded.get("proposeAgain").asBoolean(), recorded::toString);
        assertProblem(municipal.post(exceptions, Map.of("retireeId", cadre, "reason", reason)), 409,
                "CADRE_EXCEPTION_EXISTS");
        assertEquals(1, platform.count("SELECT count(*) FROM audit.events WHERE action = 'CADRE_EXCEPTION_RECORDED'"
                + " AND entity_id = ?", plan));

        JsonNode second = ok(propose(municipal, plan)).json();
        assertEquals(2, second.get("proposed").asLong(), second::toString);
        assertEquals(1, second.get("added").asLong(), second::toString);
        assertEquals(0, second.get("excludedRetiredCadres").asLong(), second::toString);
        JsonNode entry = roster(municipal, plan).get(cadre);
        assertEquals(reason, entry.get("cadreExceptionReason").asText(), entry::toString);
        assertEquals("INSURED_AREA", entry.get("proposal").get("reasonCode").asText(), entry::toString);
        assertEquals(jiefangbei, entry.get("receivingBodyId").asText(), entry::toString);
    }

    @Test
    void theDeceasedAreLeftOffAndTakenOffWhenProposingAgain() {
        String enterprise = HandoverFixture.enterprise(municipal, YUZHONG, YUZHONG);
        String alive = HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        String diedBefore = HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        String diesAfter = HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        String plan = HandoverFixture.plan(municipal, enterprise).get("id").asText();
        recordDeath(diedBefore);

        JsonNode first = ok(propose(municipal, plan)).json();
        assertEquals(2, first.get("proposed").asLong(), first::toString);
        assertEquals(1, first.get("excludedDeceased").asLong(), first::toString);
        Map<String, JsonNode> entries = roster(municipal, plan);
        assertFalse(entries.containsKey(diedBefore), "the deceased is not put on the roster");
        assertTrue(entries.get(diesAfter).get("removed").isNull(), entries::toString);

        recordDeath(diesAfter);
        JsonNode second = ok(propose(municipal, plan)).json();
        assertEquals(1, second.get("proposed").asLong(), second::toString);
        assertEquals(2, second.get("excludedDeceased").asLong(), second::toString);
        assertEquals(1, second.get("takenOff").asLong(), second::toString);
        entries = roster(municipal, plan);
        JsonNode removed = entries.get(diesAfter).get("removed");
        assertEquals("DECEASED", removed.path("code").asText(null), entries::toString);
        assertTrue(entries.get(alive).get("removed").isNull(), entries::toString);
        assertFalse(entries.containsKey(diedBefore));
    }

    @Test
    void anInsuredAreaNoLongerInForceGivesWayToTheEnterpriseLocation() {
        String enterprise = HandoverFixture.enterprise(municipal, PENGSHUI, NANAN);
        String livesAtLocation = HandoverFixture.retiree(municipal, enterprise, PENGSHUI, NANAN, null);
        String livesElsewhere = HandoverFixture.retiree(municipal, enterprise, PENGSHUI, SHAPINGBA, null);
        String insuredInYuzhong = HandoverFixture.retiree(municipal, enterprise, YUZHONG, NANAN, null);
        String plan = HandoverFixture.plan(municipal, enterprise).get("id").asText();

        String area = "/api/v1/areas/" + PENGSHUI;
        JsonNode retired = ok(admin.withHeader("If-Match", HandoverFixture.etag(admin, area)).post(area + "/retirement",
                Map.of("retiredOn", LocalDate.now(ZoneOffset.UTC).toString(), "successorCodes", List.of("500101"),
                        "reason", "测试：区划调整"))).json();
        assertFalse(retired.get("inForce").asBoolean(), retired::toString);

        Api.Response proposed = propose(municipal, plan);
        assertEquals(200, proposed.status(), proposed::toString);
        JsonNode summary = proposed.json();
        assertEquals(2, summary.get("byReason").get("ENTERPRISE_LOCATION").asLong(), summary::toString);
        assertEquals(1, summary.get("byReason").get("INSURED_AREA").asLong(), summary::toString);

        Map<String, JsonNode> entries = roster(municipal, plan);
        JsonNode atLocation = entries.get(livesAtLocation);
        assertEquals(NANAN, atLocation.get("receivingAreaCode").asText(), atLocation::toString);
        assertEquals("ENTERPRISE_LOCATION", atLocation.get("proposal").get("reasonCode").asText());
        assertEquals(List.of(alternative(PENGSHUI, "INSURED_AREA_NOT_IN_FORCE")), alternatives(atLocation));
        JsonNode elsewhere = entries.get(livesElsewhere);
        assertEquals(NANAN, elsewhere.get("receivingAreaCode").asText(), elsewhere::toString);
        assertEquals("ENTERPRISE_LOCATION", elsewhere.get("proposal").get("reasonCode").asText());
        assertEquals(List.of(alternative(SHAPINGBA, "RESIDENCE_NOT_CONCENTRATED"),
                alternative(PENGSHUI, "INSURED_AREA_NOT_IN_FORCE")), alternatives(elsewhere));
        JsonNode inYuzhong = entries.get(insuredInYuzhong);
        assertEquals(YUZHONG, inYuzhong.get("receivingAreaCode").asText(), inYuzhong::toString);
        assertEquals("INSURED_AREA", inYuzhong.get("proposal").get("reasonCode").asText());
    }

    @Test
    void anOverrideNeedsAReasonIsAuditedAndSurvivesProposingAgain() {
        String enterprise = HandoverFixture.enterprise(municipal, YUZHONG, YUZHONG);
        String moved = HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        String stays = HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        String plan = HandoverFixture.plan(municipal, enterprise).get("id").asText();
        ok(propose(municipal, plan));
        JsonNode entry = roster(municipal, plan).get(moved);
        String path = PLANS + "/" + plan + "/roster/" + moved;
        Api ifMatch = municipal.withHeader("If-Match", entryTag(entry));
        long audited = overridesAudited();

        assertFieldError(ifMatch.patch(path, Map.of("action", "OVERRIDE", "receivingAreaCode", JIANGBEI)), "reason",
                "TEXT_REQUIRED");
        assertFieldError(ifMatch.patch(path, Map.of("action", "MOVE", "receivingAreaCode", JIANGBEI, "reason", "x")),
                "action", "KIND_UNKNOWN");
        assertFieldError(ifMatch.patch(path, Map.of("receivingAreaCode", JIANGBEI, "reason", "x")), "action",
                "KIND_UNKNOWN");
        assertFieldError(ifMatch.patch(path, Map.of("action", "OVERRIDE", "receivingAreaCode", JIANGBEI,
                "reason", " ")), "reason", "TEXT_REQUIRED");
        assertFieldError(ifMatch.patch(path, Map.of("action", "OVERRIDE", "receivingAreaCode", JIANGBEI,
                "receivingBodyId", jiefangbei, "reason", "本人申请")), "receivingBodyId", "BODY_NOT_IN_AREA");
        assertProblem(municipal.withHeader("If-Match", "\"" + (entry.get("version").asLong() + 5) + "\"")
                .patch(path, Map.of("action", "OVERRIDE", "receivingAreaCode", JIANGBEI, "reason", "本人申请")), 412,
                "VERSION_MISMATCH");
        assertEquals(audited, overridesAudited(), "refused overrides are not audited as overrides");

        String reason = "本人长期随子女居住江北区，申请由观音桥街道接收";
        Api.Response overridden = ifMatch.patch(path, Map.of("action", "OVERRIDE", "receivingAreaCode", JIANGBEI,
                "receivingBodyId", guanyinqiao, "reason", reason));
        JsonNode changed = ok(overridden).json();
        assertEquals(JIANGBEI, changed.get("receivingAreaCode").asText(), changed::toString);
        assertEquals(guanyinqiao, changed.get("receivingBodyId").asText(), changed::toString);
        assertEquals(reason, changed.get("override").get("reason").asText(), changed::toString);
        assertEquals(YUZHONG, changed.get("proposal").get("areaCode").asText(), "the rule's proposal stays on record");
        assertEquals(entry.get("version").asLong() + 1, changed.get("version").asLong());
        assertEquals("\"" + changed.get("version").asLong() + "\"", overridden.header("ETag"));
        assertEquals(audited + 1, overridesAudited());
        assertEquals(1, platform.count("SELECT count(*) FROM audit.events WHERE action = 'ROSTER_OVERRIDE'"
                + " AND entity_id = ? AND detail LIKE '%\"reasonGiven\":\"true\"%'", plan));
        assertEquals(0, platform.count("SELECT count(*) FROM audit.events WHERE detail LIKE ?", "%" + reason + "%"),
                "free text stays on the roster entry, out of the audit trail (it may hold a phone number)");

        JsonNode again = ok(propose(municipal, plan)).json();
        assertEquals(1, again.get("overridesKept").asLong(), again::toString);
        Map<String, JsonNode> entries = roster(municipal, plan);
        JsonNode kept = entries.get(moved);
        assertEquals(JIANGBEI, kept.get("receivingAreaCode").asText(), kept::toString);
        assertEquals(guanyinqiao, kept.get("receivingBodyId").asText(), kept::toString);
        assertEquals(JIANGBEI, kept.get("override").get("areaCode").asText(), kept::toString);
        assertEquals(reason, kept.get("override").get("reason").asText(), kept::toString);
        assertEquals(YUZHONG, entries.get(stays).get("receivingAreaCode").asText());
        assertTrue(entries.get(stays).get("override").isNull());

        // Clearing the override (a note is welcome) returns the entry to the rule's proposal.
        JsonNode cleared = ok(municipal.withHeader("If-Match", entryTag(kept)).patch(path,
                Map.of("action", "CLEAR_OVERRIDE", "reason", "本人撤回申请"))).json();
        assertTrue(cleared.get("override").isNull(), cleared::toString);
        assertEquals(YUZHONG, cleared.get("receivingAreaCode").asText(), cleared::toString);

        // Taking the retiree off twice is refused the second time: a removal is not stacked on another.
        JsonNode removed = ok(municipal.withHeader("If-Match", entryTag(cleared)).patch(path,
                Map.of("action", "REMOVE", "reason", "本人申请留在企业"))).json();
        assertProblem(municipal.withHeader("If-Match", entryTag(removed)).patch(path,
                Map.of("action", "REMOVE", "reason", "再次移出")), 409, "ROSTER_ENTRY_REMOVED");
    }

    @Test
    void proposingAgainReportsWhatChangedAndFromWhat() {
        String enterprise = HandoverFixture.enterprise(municipal, YUZHONG, YUZHONG);
        List<String> inYuzhong = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inYuzhong.add(HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道"));
        }
        String inJiulongpo0 = HandoverFixture.retiree(municipal, enterprise, YUZHONG, JIULONGPO, "谢家湾街道");
        String inJiulongpo1 = HandoverFixture.retiree(municipal, enterprise, YUZHONG, JIULONGPO, "谢家湾街道");
        String plan = HandoverFixture.plan(municipal, enterprise).get("id").asText();
        JsonNode first = ok(propose(municipal, plan)).json();
        assertEquals(6, first.get("byReason").get("INSURED_AREA").asLong(), first::toString);

        // A third retiree moves to Jiulongpo: 3 of 6 live there now, which is concentrated.
        String mover = inYuzhong.getFirst();
        String retireePath = "/api/v1/retirees/" + mover;
        Api.Response corrected = municipal.withHeader("If-Match", HandoverFixture.etag(municipal, retireePath))
                .patch(retireePath, Map.of("residenceAreaCode", JIULONGPO, "residenceStreet", "谢家湾街道",
                        "residenceAddress", "谢家湾正街 1 号"));
        assertEquals(200, corrected.status(), () -> "correcting the residence: " + corrected.status());

        JsonNode second = ok(propose(municipal, plan)).json();
        assertEquals(3, second.get("changed").asLong(), second::toString);
        assertEquals(3, second.get("unchanged").asLong(), second::toString);
        assertEquals(0, second.get("added").asLong(), second::toString);
        assertEquals(3, second.get("byReason").get("CONCENTRATED_RESIDENCE").asLong(), second::toString);

        Map<String, JsonNode> entries = roster(municipal, plan);
        JsonNode stayed = entries.get(inJiulongpo0);
        assertEquals(JIULONGPO, stayed.get("receivingAreaCode").asText(), stayed::toString);
        assertEquals("CONCENTRATED_RESIDENCE", stayed.get("proposal").get("reasonCode").asText());
        assertEquals(List.of(alternative(YUZHONG, "INSURED_AREA_YIELDS_TO_CONCENTRATION")), alternatives(stayed));
        JsonNode from = stayed.get("changedFrom");
        assertEquals(YUZHONG, from.path("areaCode").asText(null), stayed::toString);
        assertEquals("INSURED_AREA", from.path("reasonCode").asText(null), stayed::toString);
        assertEquals("企业参保地", from.path("reasonLabel").asText(null), stayed::toString);
        assertEquals(yuzhongDepartment, from.path("receivingBodyId").asText(null), stayed::toString);
        assertEquals(YUZHONG, entries.get(inJiulongpo1).get("changedFrom").path("areaCode").asText(null));

        JsonNode movedEntry = entries.get(mover);
        assertEquals(JIULONGPO, movedEntry.get("residenceAreaCode").asText(), movedEntry::toString);
        assertEquals(JIULONGPO, movedEntry.get("receivingAreaCode").asText(), movedEntry::toString);
        assertEquals(jiefangbei, movedEntry.get("changedFrom").path("receivingBodyId").asText(null),
                movedEntry::toString);
        assertEquals("NO_BODY_DETERMINED", movedEntry.get("proposal").get("bodyReasonCode").asText());

        JsonNode unchanged = entries.get(inYuzhong.get(1));
        assertEquals(YUZHONG, unchanged.get("receivingAreaCode").asText(), unchanged::toString);
        assertTrue(unchanged.get("changedFrom").isNull(), unchanged::toString);
    }

    @Test
    void aCorrectedNameIsOnTheChecklistAtOnceAndOnTheRosterWhenProposingAgain() {
        String enterprise = HandoverFixture.enterprise(municipal, YUZHONG, YUZHONG);
        String renamed = HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        String plan = HandoverFixture.plan(municipal, enterprise).get("id").asText();
        ok(propose(municipal, plan));
        String before = roster(municipal, plan).get(renamed).get("name").asText();

        rename(renamed, "更正姓名");
        // The checklist is what the two sides sign: it reads the registry, even once the roster is closed.
        assertEquals(List.of("更正姓名"), namesOnChecklist(plan, renamed));
        assertEquals(before, roster(municipal, plan).get(renamed).get("name").asText(), "as of the last proposal");

        JsonNode again = ok(propose(municipal, plan)).json();
        assertEquals(1, again.get("refreshed").asLong(), again::toString);
        assertEquals(0, again.get("changed").asLong(), again::toString);
        assertEquals(2, again.get("unchanged").asLong(), again::toString);
        JsonNode entry = roster(municipal, plan).get(renamed);
        assertEquals("更正姓名", entry.get("name").asText());
        assertTrue(entry.get("changedFrom").isNull(), entry::toString);
        assertEquals(0, ok(propose(municipal, plan)).json().get("refreshed").asLong(), "refreshed once only");
    }

    @Test
    void theRosterIsLockedOnceThePlanIsPublicised() {
        String enterprise = HandoverFixture.enterprise(municipal, YUZHONG, YUZHONG);
        String retiree = HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        String cadre = HandoverFixture.retiree(municipal, enterprise, YUZHONG, YUZHONG, null, "RETIRED_CADRE");
        String plan = HandoverFixture.plan(municipal, enterprise).get("id").asText();
        ok(propose(municipal, plan));
        ok(transition(municipal, plan, "CONSULTATION"));
        ok(propose(municipal, plan)); // still open while consulting
        created(municipal.post(PLANS + "/" + plan + "/consultations", HandoverFixture.consultation()));
        ok(transition(municipal, plan, "PUBLICITY"));

        assertProblem(propose(municipal, plan), 409, "ROSTER_LOCKED");
        JsonNode entry = roster(municipal, plan).get(retiree);
        assertProblem(municipal.withHeader("If-Match", entryTag(entry)).patch(PLANS + "/" + plan + "/roster/" + retiree,
                Map.of("action", "OVERRIDE", "receivingAreaCode", JIANGBEI, "reason", "本人申请")), 409, "ROSTER_LOCKED");
        assertProblem(municipal.post(PLANS + "/" + plan + "/cadre-exceptions",
                Map.of("retireeId", cadre, "reason", "一并移交")), 409, "ROSTER_LOCKED");
        JsonNode still = roster(municipal, plan).get(retiree);
        assertEquals(YUZHONG, still.get("receivingAreaCode").asText(), still::toString);
        assertTrue(still.get("override").isNull(), still::toString);
        assertEquals(entry.get("version").asLong(), still.get("version").asLong());
    }

    @Test
    void eachSideSeesOnlyWhatItMay() {
        String enterprise = HandoverFixture.enterprise(municipal, YUZHONG, YUZHONG);
        String otherEnterprise = HandoverFixture.enterprise(municipal, YUZHONG, YUZHONG);
        Api operator = HandoverFixture.user(platform, admin, "roster-scope-op", "ENTERPRISE_OPERATOR",
                Map.of("enterpriseIds", List.of(enterprise)));
        Api otherOperator = HandoverFixture.user(platform, admin, "roster-scope-other-op", "ENTERPRISE_OPERATOR",
                Map.of("enterpriseIds", List.of(otherEnterprise)));
        Api jiangbeiOperator = HandoverFixture.user(platform, admin, "roster-scope-jiangbei", "DISTRICT_OPERATOR",
                Map.of("areaCodes", List.of(JIANGBEI)));
        Api shapingbaOperator = HandoverFixture.user(platform, admin, "roster-scope-shapingba", "DISTRICT_OPERATOR",
                Map.of("areaCodes", List.of(SHAPINGBA)));
        List<String> inJiangbei = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inJiangbei.add(HandoverFixture.retiree(operator, enterprise, YUZHONG, JIANGBEI, "观音桥街道"));
        }
        for (int i = 0; i < 2; i++) {
            HandoverFixture.retiree(operator, enterprise, YUZHONG, YUZHONG, "解放碑街道");
        }
        String plan = HandoverFixture.plan(operator, enterprise).get("id").asText();
        String rosterPath = PLANS + "/" + plan + "/roster";

        assertEquals(404, propose(otherOperator, plan).status(), "another enterprise's operator may not propose");
        assertEquals(403, propose(jiangbeiOperator, plan).status(), "a district operator may not propose");
        ok(propose(operator, plan));

        assertEquals(5, roster(operator, plan).size());
        assertEquals(5, roster(municipal, plan).size());
        Map<String, JsonNode> jiangbeiSees = roster(jiangbeiOperator, plan);
        assertEquals(java.util.Set.copyOf(inJiangbei), jiangbeiSees.keySet(), jiangbeiSees::toString);
        jiangbeiSees.values().forEach(e -> assertEquals(JIANGBEI, e.get("receivingAreaCode").asText(), e::toString));

        assertProblem(otherOperator.get(rosterPath), 404, "NOT_FOUND");
        assertProblem(shapingbaOperator.get(rosterPath), 404, "NOT_FOUND");

        // An override to Shapingba puts that one retiree, and only them, in the Shapingba operator's view.
        JsonNode entry = roster(operator, plan).get(inJiangbei.getFirst());
        ok(operator.withHeader("If-Match", entryTag(entry)).patch(rosterPath + "/" + inJiangbei.getFirst(),
                Map.of("action", "OVERRIDE", "receivingAreaCode", SHAPINGBA, "reason", "区县协商")));
        assertEquals(List.of(inJiangbei.getFirst()), List.copyOf(roster(shapingbaOperator, plan).keySet()));
        assertEquals(2, roster(jiangbeiOperator, plan).size());
        assertEquals(404, otherOperator.withHeader("If-Match", entryTag(entry))
                .patch(rosterPath + "/" + inJiangbei.get(1), Map.of("action", "OVERRIDE",
                        "receivingAreaCode", SHAPINGBA, "reason", "区县协商")).status());
    }

    private static void rename(String retireeId, String name) {
        String path = "/api/v1/retirees/" + retireeId;
        Api.Response renamed = municipal.withHeader("If-Match", HandoverFixture.etag(municipal, path))
                .patch(path, Map.of("name", name));
        assertEquals(200, renamed.status(), () -> "correcting the name: " + renamed.status());
    }

    /** The names the checklist shows on the row of {@code retireeId} (found by its masked ID number's place). */
    private static List<String> namesOnChecklist(String plan, String retireeId) {
        String masked = municipal.get("/api/v1/retirees/" + retireeId).json().get("idNumber").asText();
        Api.Response csv = municipal.withHeader("Accept", "text/csv").get(PLANS + "/" + plan + "/checklist");
        assertEquals(200, csv.status(), () -> "checklist export answered " + csv.status());
        return HandoverFixture.csvRows(csv).stream().filter(row -> row.get(3).equals(masked)).map(row -> row.get(2))
                .toList();
    }

    private static void recordDeath(String retireeId) {
        String path = "/api/v1/retirees/" + retireeId;
        Api.Response died = municipal.withHeader("If-Match", HandoverFixture.etag(municipal, path))
                .post(path + "/death", Map.of("deathDate", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));
        assertEquals(200, died.status(), () -> "recording the death: " + died.status() + " " + died.code());
        assertEquals("DECEASED", died.json().get("status").asText());
    }

    private static long overridesAudited() {
        return platform.count("SELECT count(*) FROM audit.events WHERE action = 'ROSTER_OVERRIDE'");
    }

    private static String alternative(String area, String reasonCode) {
        return area + ":" + reasonCode;
    }

    private static List<String> alternatives(JsonNode entry) {
        List<String> shown = new ArrayList<>();
        entry.get("proposal").get("alternatives").forEach(a -> shown.add(a.path("areaCode").asText(null) + ":"
                + a.path("reasonCode").asText(null)));
        return shown;
    }
}
