package cq.retirees.app.handover;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static cq.retirees.app.handover.HandoverFixture.closeItems;
import static cq.retirees.app.handover.HandoverFixture.sign;
import static cq.retirees.app.handover.HandoverFixture.PLANS;
import static cq.retirees.app.handover.HandoverFixture.created;
import static cq.retirees.app.handover.HandoverFixture.etag;
import static cq.retirees.app.handover.HandoverFixture.ok;
import static cq.retirees.app.handover.HandoverFixture.put;
import static cq.retirees.app.handover.HandoverFixture.texts;
import static cq.retirees.app.handover.HandoverFixture.transition;
import static cq.retirees.app.testing.ProblemAssertions.assertFieldError;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every guard of a plan transition, through the HTTP API: each refuses with its own stable code and status, the
 * first failing guard is the problem's {@code code} and all failing guards are its {@code errors} (field "to"),
 * the plan's {@code nextStates[].blockedBy} names the same guards, and a refused transition changes nothing: not
 * the plan (state, version, records), not its history, batches or roster, and it publishes no event.
 */
class PlanGuardsTest {

    private static final AtomicInteger USERS = new AtomicInteger();

    static TestPlatform platform;
    static Api admin;
    static Api municipal;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(PlanGuardsTest.class, HandoverFixture.SETTINGS);
        admin = platform.admin();
        municipal = HandoverFixture.user(platform, admin, "guards-municipal", "MUNICIPAL_ADMIN", Map.of());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    // --- PUBLICITY -------------------------------------------------------------------------------------------

    @Test
    void publicityNeedsAProposedRosterAndAConsultationWithRepresentatives() {
        Company c = company(1);
        Api op = c.operator();
        String id = consultationPlan(c);

        guarded(op, id, "PUBLICITY", Map.of(), 422, "ROSTER_NOT_PROPOSED", "CONSULTATION_WITH_REPRESENTATIVES_MISSING");

        // A publicity period too short is one more guard, listed with the others.
        JsonNode all = unchanged(id, 422, "ROSTER_NOT_PROPOSED", etag -> send(op, id, etag,
                Map.of("to", "PUBLICITY", "publicityEndsOn", today().minusDays(1).toString())));
        assertEquals(List.of("ROSTER_NOT_PROPOSED", "CONSULTATION_WITH_REPRESENTATIVES_MISSING", "PUBLICITY_TOO_SHORT"),
                texts(all.get("errors"), "code"));

        // A consultation without any retiree representative does not count.
        created(op.post(PLANS + "/" + id + "/consultations", Map.of("heldOn", today().minusDays(1).toString(),
                "minutes", "企业内部讨论移交方案。", "participants", List.of(Map.of("name", "李经理", "side", "ENTERPRISE"),
                        Map.of("name", "赵科长", "side", "GOVERNMENT")))));
        guarded(op, id, "PUBLICITY", Map.of(), 422, "ROSTER_NOT_PROPOSED", "CONSULTATION_WITH_REPRESENTATIVES_MISSING");

        ok(HandoverFixture.propose(op, id));
        JsonNode problem = guarded(op, id, "PUBLICITY", Map.of(), 422, "CONSULTATION_WITH_REPRESENTATIVES_MISSING");
        assertEquals("Record a consultation in which retiree representatives took part before publicity.",
                problem.get("detail").asText());

        created(op.post(PLANS + "/" + id + "/consultations", HandoverFixture.consultation()));
        long version = snapshot(id).plan().get("version").asLong();
        JsonNode publicity = ok(transition(op, id, "PUBLICITY")).json();
        assertEquals("PUBLICITY", publicity.get("state").asText());
        assertEquals(version + 1, publicity.get("version").asLong());
        assertEquals(today().toString(), publicity.at("/publicity/startsOn").asText());
        assertEquals(today().toString(), publicity.at("/publicity/endsOn").asText(), "minimum-days is 0 here");
    }

    @Test
    void anEmptyRosterIsNoRosterForPublicity() {
        Company c = company(0);
        Api op = c.operator();
        String id = consultationPlan(c);
        created(op.post(PLANS + "/" + id + "/consultations", HandoverFixture.consultation()));
        JsonNode problem = guarded(op, id, "PUBLICITY", Map.of(), 422, "ROSTER_NOT_PROPOSED");
        assertEquals("The roster is empty: propose it (roster:propose) before publicity; a plan that hands over nobody is not"
                        + " made public.",
                problem.get("detail").asText());

        // Proposing a roster for an enterprise without retirees still leaves no one on it.
        assertEquals(0, ok(HandoverFixture.propose(op, id)).json().get("proposed").asLong());
        guarded(op, id, "PUBLICITY", Map.of(), 422, "ROSTER_NOT_PROPOSED");
    }

    @Test
    void aPublicityEndingTooEarlyOrOnAnInvalidDateIsRefused() {
        Company c = company(1);
        Api op = c.operator();
        String id = readyForPublicity(c);

        JsonNode tooShort = unchanged(id, 422, "PUBLICITY_TOO_SHORT", etag -> send(op, id, etag,
                Map.of("to", "PUBLICITY", "publicityEndsOn", today().minusDays(1).toString())));
        assertEquals("Publicity lasts at least 0 days: it may end on " + today() + " at the earliest.",
                tooShort.get("detail").asText());

        JsonNode invalid = unchanged(id, 400, "VALIDATION_FAILED", etag -> send(op, id, etag,
                Map.of("to", "PUBLICITY", "publicityEndsOn", "2030-02-30")));
        assertEquals("publicityEndsOn", invalid.at("/errors/0/field").asText());
        assertEquals("DATE_INVALID", invalid.at("/errors/0/code").asText());

        LocalDate ends = today().plusDays(10);
        JsonNode publicity = ok(transition(op, id, "PUBLICITY", Map.of("publicityEndsOn", ends.toString()))).json();
        assertEquals(ends.toString(), publicity.at("/publicity/endsOn").asText());
    }

    // --- APPROVED --------------------------------------------------------------------------------------------

    @Test
    void everyApprovalGuardRefusesWithItsOwnCodeUntilNoneIsLeft() {
        Company c = company(1);
        Api op = c.operator();
        String id = publicityPlan(c, Map.of());
        JsonNode objection = raiseObjection(op, id);

        JsonNode problem = guarded(op, id, "APPROVED", Map.of(), 422, "OBJECTIONS_UNANSWERED",
                "CONFLICT_SCREENING_MISSING", "RISK_ASSESSMENT_MISSING", "CONTINGENCY_PLAN_MISSING",
                "THREE_PARTY_MECHANISM_MISSING", "CONTINUING_BENEFITS_NOT_DECLARED");
        assertEquals("1 objection(s) raised during publicity still need an answer.", problem.get("detail").asText());

        answer(op, id, objection);
        Api.Response again = op.withHeader("If-Match", "\"" + (objection.get("version").asLong() + 1) + "\"")
                .patch(PLANS + "/" + id + "/objections/" + objection.get("id").asText(), Map.of("answer", "改写答复"));
        assertEquals(409, again.status(), again::toString);
        assertEquals("OBJECTION_ALREADY_ANSWERED", again.code(), "an answer made public is not rewritten");
        guarded(op, id, "APPROVED", Map.of(), 422, "CONFLICT_SCREENING_MISSING", "RISK_ASSESSMENT_MISSING",
                "CONTINGENCY_PLAN_MISSING", "THREE_PARTY_MECHANISM_MISSING", "CONTINUING_BENEFITS_NOT_DECLARED");

        ok(put(op, PLANS + "/" + id + "/risk-assessment", id, HandoverFixture.risk()));
        guarded(op, id, "APPROVED", Map.of(), 422, "THREE_PARTY_MECHANISM_MISSING",
                "CONTINUING_BENEFITS_NOT_DECLARED");

        ok(put(op, PLANS + "/" + id + "/three-party-mechanism", id, HandoverFixture.threeParty()));
        guarded(op, id, "APPROVED", Map.of(), 422, "CONTINUING_BENEFITS_NOT_DECLARED");

        // A benefit that stops needs its legal basis.
        ok(put(op, PLANS + "/" + id + "/continuing-benefits", id, Map.of("benefits", List.of(
                Map.of("name", "统筹外养老金补贴", "category", "OUTSIDE_POOLING_ALLOWANCE", "continues", true),
                Map.of("name", "节日慰问金", "category", "HOLIDAY_CONDOLENCE", "continues", false)))));
        problem = guarded(op, id, "APPROVED", Map.of(), 422, "BENEFIT_DROPPED_WITHOUT_LEGAL_BASIS");
        assertTrue(problem.get("detail").asText().contains("节日慰问金"), problem::toString);
        assertFalse(problem.get("detail").asText().contains("统筹外养老金补贴"), problem::toString);
        ok(put(op, PLANS + "/" + id + "/continuing-benefits", id, Map.of("benefits", List.of(
                Map.of("name", "统筹外养老金补贴", "category", "OUTSIDE_POOLING_ALLOWANCE", "continues", true),
                Map.of("name", "节日慰问金", "category", "HOLIDAY_CONDOLENCE", "continues", false,
                        "legalBasis", "职工代表大会决议（2019）第 3 号，依法终止。")))));
        assertTrue(blockers(snapshot(id).plan(), "APPROVED").isEmpty());

        // The API records the three texts of the risk assessment together (each is required), so each guard is
        // isolated by blanking one column behind the API's back.
        Map<String, String> guardOf = new LinkedHashMap<>();
        guardOf.put("conflict_screening", "CONFLICT_SCREENING_MISSING");
        guardOf.put("risk_assessment", "RISK_ASSESSMENT_MISSING");
        guardOf.put("contingency_plan", "CONTINGENCY_PLAN_MISSING");
        for (Map.Entry<String, String> column : guardOf.entrySet()) {
            for (String blank : List.of("NULL", "'  '")) {
                platform.update("UPDATE handover.plans SET " + column.getKey() + " = " + blank + " WHERE id = ?::uuid",
                        id);
                guarded(op, id, "APPROVED", Map.of(), 422, column.getValue());
            }
            platform.update("UPDATE handover.plans SET " + column.getKey() + " = '已填写。' WHERE id = ?::uuid", id);
        }

        JsonNode approved = ok(transition(op, id, "APPROVED")).json();
        assertEquals("APPROVED", approved.get("state").asText());
        // Once approved, the records the guards looked at are frozen.
        unchanged(id, 409, "PLAN_STATE_FORBIDS", etag -> op.withHeader("If-Match", etag).send("PUT",
                PLANS + "/" + id + "/risk-assessment", "application/json",
                cq.retirees.infra.http.Json.bytes(HandoverFixture.risk())));
    }

    @Test
    void approvalWaitsUntilThePublicityEnds() {
        Company c = company(1);
        Api op = c.operator();
        LocalDate ends = today().plusDays(3);
        String id = publicityPlan(c, Map.of("publicityEndsOn", ends.toString()));
        JsonNode plan = snapshot(id).plan();
        assertEquals(today().toString(), plan.at("/publicity/startsOn").asText());
        assertEquals(ends.toString(), plan.at("/publicity/endsOn").asText());
        JsonNode objection = raiseObjection(op, id);

        // A 409 guard first decides the status even when 422 guards fail too.
        JsonNode problem = guarded(op, id, "APPROVED", Map.of(), 409, "PUBLICITY_NOT_ENDED", "OBJECTIONS_UNANSWERED",
                "CONFLICT_SCREENING_MISSING", "RISK_ASSESSMENT_MISSING", "CONTINGENCY_PLAN_MISSING",
                "THREE_PARTY_MECHANISM_MISSING", "CONTINUING_BENEFITS_NOT_DECLARED");
        assertEquals("The publicity period runs until " + ends + "; the plan can be approved from that day.",
                problem.get("detail").asText());

        answer(op, id, objection);
        ok(put(op, PLANS + "/" + id + "/risk-assessment", id, HandoverFixture.risk()));
        ok(put(op, PLANS + "/" + id + "/three-party-mechanism", id, HandoverFixture.threeParty()));
        ok(put(op, PLANS + "/" + id + "/continuing-benefits", id, HandoverFixture.benefits()));
        guarded(op, id, "APPROVED", Map.of(), 409, "PUBLICITY_NOT_ENDED");

        // The last day of publicity comes: approval is allowed from that day on.
        platform.update("UPDATE handover.plans SET publicity_ends_on = ?::date WHERE id = ?::uuid",
                today().toString(), id);
        assertEquals("APPROVED", ok(transition(op, id, "APPROVED")).json().get("state").asText());
    }

    // --- COMPLETED and WITHDRAWN in handover ------------------------------------------------------------------

    @Test
    void completionNeedsEveryRetireeReceivedAndEveryBatchSigned() {
        Company c = company(2);
        Api op = c.operator();
        String id = inHandover(c);

        JsonNode problem = guarded(op, id, "COMPLETED", Map.of(), 422, "RETIREES_NOT_RECEIVED");
        assertEquals("2 retiree(s) on the roster are neither received nor removed with a reason.",
                problem.get("detail").asText());

        String first = openBatch(op, id, c.retirees().get(0));
        guarded(op, id, "COMPLETED", Map.of(), 422, "RETIREES_NOT_RECEIVED", "BATCHES_NOT_SIGNED",
                "HANDOVER_ITEMS_OPEN");
        closeItems(op, first);
        sign(op, first, "ENTERPRISE");
        // One signature is not a signed batch.
        problem = guarded(op, id, "COMPLETED", Map.of(), 422, "RETIREES_NOT_RECEIVED", "BATCHES_NOT_SIGNED");
        assertEquals("1 batch(es) are still waiting for signatures.", problem.at("/errors/1/message").asText());
        assertEquals("SIGNED", sign(municipal, first, "RECEIVING").get("state").asText());
        problem = guarded(op, id, "COMPLETED", Map.of(), 422, "RETIREES_NOT_RECEIVED");
        assertEquals("1 retiree(s) on the roster are neither received nor removed with a reason.",
                problem.get("detail").asText());

        String second = openBatch(op, id, c.retirees().get(1));
        closeItems(op, second);
        sign(op, second, "ENTERPRISE");
        sign(municipal, second, "RECEIVING");
        JsonNode completed = ok(transition(op, id, "COMPLETED")).json();
        assertEquals("COMPLETED", completed.get("state").asText());
        assertTrue(completed.get("nextStates").isEmpty(), completed::toString);
        unchanged(id, 409, "PLAN_TRANSITION_NOT_ALLOWED", etag -> send(op, id, etag,
                Map.of("to", "WITHDRAWN", "reason", "已完成的方案不能撤回。")));
    }

    @Test
    void aPlanWithASignedBatchCannotBeWithdrawn() {
        Company c = company(2);
        Api op = c.operator();
        String id = inHandover(c);
        String signed = openBatch(op, id, c.retirees().get(0));
        closeItems(op, signed);
        sign(op, signed, "ENTERPRISE");
        sign(municipal, signed, "RECEIVING");
        String open = openBatch(op, id, c.retirees().get(1));

        // The snapshot compared by guarded() covers the open batch (not cancelled), the roster (nobody released
        // from it) and the outbox (no HandoverWithdrawn).
        JsonNode problem = guarded(op, id, "WITHDRAWN", Map.of("reason", "企业改制方案调整"), 409,
                "PLAN_HAS_SIGNED_BATCHES");
        assertEquals("1 batch(es) of this plan are signed; their retirees are received, so the plan can no longer"
                + " be withdrawn.", problem.get("detail").asText());
        assertEquals("OPEN", ok(op.get("/api/v1/handover-batches/" + open)).json().get("state").asText());
        assertEquals(List.of("PLAN_HAS_SIGNED_BATCHES"), texts(blockers(snapshot(id).plan(), "WITHDRAWN"), "code"));

        // The reason is checked before the guards.
        JsonNode noReason = unchanged(id, 400, "VALIDATION_FAILED",
                etag -> send(op, id, etag, Map.of("to", "WITHDRAWN")));
        assertEquals("reason", noReason.at("/errors/0/field").asText());
        assertEquals("REASON_REQUIRED", noReason.at("/errors/0/code").asText());
    }

    @Test
    void withdrawingAPlanInHandoverCancelsItsOpenBatches() {
        // The counterpart of the refusal above: here the same request does change batches, roster and outbox.
        Company c = company(1);
        Api op = c.operator();
        String id = inHandover(c);
        String batch = openBatch(op, id, c.retirees().get(0));
        long events = events(id);
        JsonNode withdrawn = ok(transition(op, id, "WITHDRAWN", Map.of("reason", "企业改制方案调整"))).json();
        assertEquals("WITHDRAWN", withdrawn.get("state").asText());
        assertEquals("CANCELLED", ok(op.get("/api/v1/handover-batches/" + batch)).json().get("state").asText());
        assertEquals(0, platform.count("SELECT count(*) FROM handover.roster_entries WHERE plan_id = ?::uuid"
                + " AND batch_id IS NOT NULL", id));
        assertEquals(events + 1, events(id), "HandoverWithdrawn is published");
    }

    @Test
    void aBatchLeftEmptyByADeathDoesNotKeepThePlanFromCompleting() {
        Company c = company(2);
        Api op = c.operator();
        String id = inHandover(c);
        String first = openBatch(op, id, c.retirees().get(0));
        closeItems(op, first);
        sign(op, first, "ENTERPRISE");
        sign(municipal, first, "RECEIVING");
        String second = openBatch(op, id, c.retirees().get(1));

        // The only retiree of the second batch dies before it is signed: DeathsOnRosters takes them off the
        // roster and out of the batch, and "a plan then completes without them".
        recordDeath(c.retirees().get(1));
        HandoverFixture.deliverEvents(platform);
        assertEquals(0, platform.count("SELECT count(*) FROM handover.roster_entries WHERE batch_id = ?::uuid",
                second), "the deceased left the open batch");
        assertEquals(1, platform.count("SELECT count(*) FROM handover.roster_entries WHERE plan_id = ?::uuid"
                + " AND removed_code = 'DECEASED'", id));

        // Everyone still on the roster is received; the emptied batch has no one left to sign for (signing it is
        // refused BATCH_EMPTY, and the signed first batch forbids withdrawal), so it must not block completion.
        Api.Response completed = transition(op, id, "COMPLETED");
        assertEquals(200, completed.status(), () -> "an emptied open batch blocks the plan for ever: " + completed);
        assertEquals("COMPLETED", completed.json().get("state").asText());
    }

    // --- WITHDRAWN, order, versions, access ---------------------------------------------------------------------

    @Test
    void withdrawalNeedsAReasonAndFreesTheEnterpriseForANewPlan() {
        Company c = company(0);
        Api op = c.operator();
        String id = HandoverFixture.plan(op, c.id()).get("id").asText();

        for (Map<String, Object> body : List.of(Map.<String, Object>of("to", "WITHDRAWN"),
                Map.<String, Object>of("to", "WITHDRAWN", "reason", "   "))) {
            unchanged(id, 400, "VALIDATION_FAILED", etag -> {
                Api.Response response = send(op, id, etag, body);
                assertFieldError(response, "reason", "REASON_REQUIRED");
                return response;
            });
        }
        unchanged(id, 400, "VALIDATION_FAILED", etag -> {
            Api.Response response = send(op, id, etag, Map.of("to", "WITHDRAWN", "reason", "撤".repeat(4001)));
            assertFieldError(response, "reason", "TEXT_TOO_LONG");
            return response;
        });

        JsonNode second = assertProblem(op.post(PLANS, Map.of("enterpriseId", c.id())), 409, "ACTIVE_PLAN_EXISTS");
        assertTrue(second.get("detail").asText().contains(id), second::toString);

        JsonNode withdrawn = ok(transition(op, id, "WITHDRAWN", Map.of("reason", "  企业改制方案调整  "))).json();
        assertEquals("WITHDRAWN", withdrawn.get("state").asText());
        assertEquals("企业改制方案调整", withdrawn.get("withdrawalReason").asText());
        assertTrue(withdrawn.get("nextStates").isEmpty(), withdrawn::toString);
        JsonNode last = withdrawn.get("history").get(withdrawn.get("history").size() - 1);
        assertEquals("DRAFT", last.get("from").asText());
        assertEquals("WITHDRAWN", last.get("to").asText());
        assertEquals("企业改制方案调整", last.get("reason").asText());
        for (String to : List.of("CONSULTATION", "WITHDRAWN", "DRAFT")) {
            unchanged(id, 409, "PLAN_TRANSITION_NOT_ALLOWED",
                    etag -> send(op, id, etag, Map.of("to", to, "reason", "再试一次")));
        }

        JsonNode fresh = HandoverFixture.plan(op, c.id());
        assertEquals("DRAFT", fresh.get("state").asText());
        assertNotEquals(id, fresh.get("id").asText());
        JsonNode third = assertProblem(op.post(PLANS, Map.of("enterpriseId", c.id())), 409, "ACTIVE_PLAN_EXISTS");
        assertTrue(third.get("detail").asText().contains(fresh.get("id").asText()), third::toString);
        assertEquals("WITHDRAWN", snapshot(id).plan().get("state").asText());
    }

    @Test
    void transitionsFollowTheStateOrderAndNameAKnownState() {
        Company c = company(0);
        Api op = c.operator();
        String id = HandoverFixture.plan(op, c.id()).get("id").asText();

        for (String to : List.of("DRAFT", "PUBLICITY", "APPROVED", "IN_HANDOVER", "COMPLETED")) {
            JsonNode problem = unchanged(id, 409, "PLAN_TRANSITION_NOT_ALLOWED",
                    etag -> send(op, id, etag, Map.of("to", to)));
            assertEquals("A plan in state DRAFT cannot move to " + to + ".", problem.get("detail").asText());
        }
        for (Map<String, Object> body : List.of(Map.<String, Object>of("to", "FINISHED"),
                Map.<String, Object>of("to", "consultation"), Map.<String, Object>of("reason", "没有目标状态"))) {
            unchanged(id, 400, "VALIDATION_FAILED", etag -> {
                Api.Response response = send(op, id, etag, body);
                assertFieldError(response, "to", "KIND_UNKNOWN");
                return response;
            });
        }
        ok(transition(op, id, "CONSULTATION"));
        unchanged(id, 409, "PLAN_TRANSITION_NOT_ALLOWED", etag -> send(op, id, etag, Map.of("to", "APPROVED")));
        unchanged(id, 409, "PLAN_TRANSITION_NOT_ALLOWED", etag -> send(op, id, etag, Map.of("to", "DRAFT")));
    }

    @Test
    void aChangeMustNameTheVersionItWasMadeAgainst() {
        Company c = company(0);
        Api op = c.operator();
        String id = HandoverFixture.plan(op, c.id()).get("id").asText();
        String current = snapshot(id).etag();
        long version = snapshot(id).plan().get("version").asLong();
        Map<String, Object> body = Map.of("to", "CONSULTATION");

        unchanged(id, 428, "IF_MATCH_REQUIRED", etag -> send(op, id, null, body));
        unchanged(id, 412, "VERSION_MISMATCH", etag -> send(op, id, "\"" + (version + 1) + "\"", body));
        unchanged(id, 412, "VERSION_MISMATCH", etag -> send(op, id, "\"" + (version - 1) + "\"", body));
        unchanged(id, 400, "IF_MATCH_INVALID", etag -> send(op, id, "version-one", body));

        Api.Response moved = ok(send(op, id, current, body));
        assertEquals(version + 1, moved.json().get("version").asLong());
        assertEquals("\"" + (version + 1) + "\"", moved.header("ETag"));
        // The same request replayed against the version it was made on is stale now.
        unchanged(id, 412, "VERSION_MISMATCH", etag -> send(op, id, current, Map.of("to", "WITHDRAWN",
                "reason", "重复提交")));

        // The records the guards read are versioned on the plan too.
        String risk = PLANS + "/" + id + "/risk-assessment";
        byte[] json = cq.retirees.infra.http.Json.bytes(HandoverFixture.risk());
        unchanged(id, 428, "IF_MATCH_REQUIRED", etag -> op.send("PUT", risk, "application/json", json));
        unchanged(id, 412, "VERSION_MISMATCH", etag -> op.withHeader("If-Match", current)
                .send("PUT", risk, "application/json", json));
    }

    @Test
    void planRecordsAreRefusedWholeWhenInvalid() {
        Company c = company(1);
        Api op = c.operator();
        String id = publicityPlan(c, Map.of());

        JsonNode risk = unchanged(id, 400, "VALIDATION_FAILED", etag -> putWith(op, id, "risk-assessment", etag,
                Map.of("conflictScreening", "排查矛盾 1 项。", "riskAssessment", "  ", "contingencyPlan", "设接待组。")));
        assertEquals(List.of("riskAssessment"), texts(risk.get("errors"), "field"));
        assertEquals(List.of("TEXT_REQUIRED"), texts(risk.get("errors"), "code"));

        JsonNode threeParty = unchanged(id, 400, "VALIDATION_FAILED", etag -> putWith(op, id,
                "three-party-mechanism", etag, Map.of("enterpriseMembers", List.of("李经理"),
                        "receivingMembers", List.of(), "establishedOn", "2030-02-30")));
        assertEquals(List.of("receivingMembers", "representativeMembers", "establishedOn"),
                texts(threeParty.get("errors"), "field"));
        assertEquals(List.of("MEMBERS_REQUIRED", "MEMBERS_REQUIRED", "DATE_INVALID"),
                texts(threeParty.get("errors"), "code"));

        JsonNode benefits = unchanged(id, 400, "VALIDATION_FAILED", etag -> putWith(op, id, "continuing-benefits",
                etag, Map.of("benefits", List.of(Map.of("name", "补贴", "category", "PENSION")))));
        assertEquals(List.of("benefits[0].category", "benefits[0].continues"), texts(benefits.get("errors"), "field"));
        assertEquals(List.of("KIND_UNKNOWN", "FLAG_REQUIRED"), texts(benefits.get("errors"), "code"));
        JsonNode noList = unchanged(id, 400, "VALIDATION_FAILED",
                etag -> putWith(op, id, "continuing-benefits", etag, Map.of()));
        assertEquals("LIST_REQUIRED", noList.at("/errors/0/code").asText());

        // An empty list is a declaration: "nothing continues".
        long version = snapshot(id).plan().get("version").asLong();
        JsonNode declared = ok(put(op, PLANS + "/" + id + "/continuing-benefits", id, Map.of("benefits", List.of())))
                .json();
        assertEquals(version + 1, declared.get("version").asLong());
        assertTrue(declared.get("continuingBenefits").isArray() && declared.get("continuingBenefits").isEmpty(),
                declared::toString);
        assertEquals(List.of("CONFLICT_SCREENING_MISSING", "RISK_ASSESSMENT_MISSING", "CONTINGENCY_PLAN_MISSING",
                "THREE_PARTY_MECHANISM_MISSING"), texts(blockers(declared, "APPROVED"), "code"));
    }

    @Test
    void nextStatesNameWhatStillBlocksPublicity() {
        Company c = company(1);
        Api op = c.operator();
        String id = HandoverFixture.plan(op, c.id()).get("id").asText();
        JsonNode draft = ok(op.get(PLANS + "/" + id)).json();
        assertEquals(List.of("CONSULTATION", "WITHDRAWN"), texts(draft.get("nextStates"), "state"));
        draft.get("nextStates").forEach(n -> assertTrue(n.get("blockedBy").isEmpty(), draft::toString));

        ok(transition(op, id, "CONSULTATION"));
        JsonNode english = ok(op.get(PLANS + "/" + id)).json();
        assertEquals(List.of("PUBLICITY", "WITHDRAWN"), texts(english.get("nextStates"), "state"));
        assertEquals("Publicity", english.at("/nextStates/0/stateLabel").asText());
        JsonNode blockers = blockers(english, "PUBLICITY");
        assertEquals(List.of("ROSTER_NOT_PROPOSED", "CONSULTATION_WITH_REPRESENTATIVES_MISSING"),
                texts(blockers, "code"));
        assertEquals(List.of("The roster is empty: propose it (roster:propose) before publicity; a plan that hands over nobody is not"
                        + " made public.",
                "Record a consultation in which retiree representatives took part before publicity."),
                texts(blockers, "message"));
        assertTrue(blockers(english, "WITHDRAWN").isEmpty(), english::toString);

        JsonNode chinese = ok(municipal.get(PLANS + "/" + id)).json();
        assertEquals("公示", chinese.at("/nextStates/0/stateLabel").asText());
        assertEquals(List.of("移交清单为空：公示前请先生成接收建议（roster:propose）；没有移交人员的方案不予公示。", "公示前须记录一次有退休人员代表参加的沟通。"),
                texts(blockers(chinese, "PUBLICITY"), "message"));

        // What the plan says blocks PUBLICITY is what the transition refuses with, message for message.
        JsonNode refused = assertProblem(transition(op, id, "PUBLICITY"), 422, "ROSTER_NOT_PROPOSED");
        assertEquals(texts(blockers, "message"), texts(refused.get("errors"), "message"));

        ok(HandoverFixture.propose(op, id));
        assertEquals(List.of("CONSULTATION_WITH_REPRESENTATIVES_MISSING"),
                texts(blockers(ok(op.get(PLANS + "/" + id)).json(), "PUBLICITY"), "code"));
        created(op.post(PLANS + "/" + id + "/consultations", HandoverFixture.consultation()));
        assertTrue(blockers(ok(op.get(PLANS + "/" + id)).json(), "PUBLICITY").isEmpty());
    }

    @Test
    void onlyTheEnterpriseSideMovesAPlan() {
        Company c = company(0);
        Company other = company(0);
        Api auditor = user("AUDITOR", Map.of());
        Api district = user("DISTRICT_OPERATOR", Map.of("areaCodes", List.of("500103")));
        String id = HandoverFixture.plan(c.operator(), c.id()).get("id").asText();
        Map<String, Object> body = Map.of("to", "CONSULTATION");

        ok(auditor.get(PLANS + "/" + id));
        JsonNode problem = unchanged(id, 403, "ROLE_REQUIRED", etag -> send(auditor, id, etag, body));
        assertTrue(problem.get("detail").asText().contains("ENTERPRISE_OPERATOR"), problem::toString);
        unchanged(id, 403, "ROLE_REQUIRED", etag -> send(auditor, id, etag,
                Map.of("to", "WITHDRAWN", "reason", "审计撤回")));
        unchanged(id, 403, "ROLE_REQUIRED", etag -> send(district, id, etag, body));

        assertProblem(other.operator().get(PLANS + "/" + id), 404, "NOT_FOUND");
        unchanged(id, 404, "NOT_FOUND", etag -> send(other.operator(), id, etag, body));
        unchanged(id, 404, "NOT_FOUND", etag -> send(other.operator(), id, etag,
                Map.of("to", "WITHDRAWN", "reason", "别家企业撤回")));

        assertEquals("CONSULTATION", ok(transition(municipal, id, "CONSULTATION")).json().get("state").asText());
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** An enterprise in Yuzhong with its own operator (who reads English) and {@code retirees} retirees there. */
    private record Company(String id, Api operator, List<String> retirees) {
    }

    private static Company company(int retirees) {
        String id = HandoverFixture.enterprise(municipal, "500103", "500103");
        Api operator = user("ENTERPRISE_OPERATOR", Map.of("enterpriseIds", List.of(id)));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < retirees; i++) {
            ids.add(HandoverFixture.retiree(municipal, id, "500103", "500103", null));
        }
        return new Company(id, operator, ids);
    }

    private static Api user(String role, Map<String, Object> scope) {
        return HandoverFixture.user(platform, admin, "guards-" + role.toLowerCase() + "-" + USERS.incrementAndGet(),
                role, scope).withHeader("Accept-Language", "en");
    }

    /** The server's clock is UTC ({@code Platform} uses {@code Clock.systemUTC()}): its "today" is UTC's. */
    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String consultationPlan(Company c) {
        String id = HandoverFixture.plan(c.operator(), c.id()).get("id").asText();
        ok(transition(c.operator(), id, "CONSULTATION"));
        return id;
    }

    /** In CONSULTATION, roster proposed, consulted with representatives: nothing blocks PUBLICITY. */
    private static String readyForPublicity(Company c) {
        String id = consultationPlan(c);
        ok(HandoverFixture.propose(c.operator(), id));
        created(c.operator().post(PLANS + "/" + id + "/consultations", HandoverFixture.consultation()));
        return id;
    }

    private static String publicityPlan(Company c, Map<String, Object> extra) {
        String id = readyForPublicity(c);
        ok(transition(c.operator(), id, "PUBLICITY", extra));
        return id;
    }

    private static String inHandover(Company c) {
        String id = HandoverFixture.approvedPlan(c.operator(), c.id());
        ok(transition(c.operator(), id, "IN_HANDOVER"));
        return id;
    }

    private static JsonNode raiseObjection(Api op, String planId) {
        return created(op.post(PLANS + "/" + planId + "/objections", Map.of("raisedOn", today().toString(),
                "raisedBy", "退休人员王某", "content", "希望由居住地街道接收。"))).json();
    }

    private static void answer(Api op, String planId, JsonNode objection) {
        ok(op.withHeader("If-Match", "\"" + objection.get("version").asLong() + "\"").patch(PLANS + "/" + planId
                + "/objections/" + objection.get("id").asText(), Map.of("answer", "已按居住地街道接收。")));
    }

    /** A batch of one retiree, for the area and body their roster entry is received in. */
    private static String openBatch(Api op, String planId, String retireeId) {
        JsonNode entry = null;
        for (JsonNode e : ok(op.get(PLANS + "/" + planId + "/roster")).json().get("items")) {
            if (e.get("retireeId").asText().equals(retireeId)) {
                entry = e;
            }
        }
        assertTrue(entry != null, "retiree not on the roster");
        Map<String, Object> draft = new HashMap<>();
        draft.put("receivingAreaCode", entry.get("receivingAreaCode").asText());
        if (!entry.path("receivingBodyId").isNull() && !entry.path("receivingBodyId").isMissingNode()) {
            draft.put("receivingBodyId", entry.get("receivingBodyId").asText());
        }
        draft.put("effectiveOn", today().plusDays(1).toString());
        draft.put("retireeIds", List.of(retireeId));
        return created(op.post(PLANS + "/" + planId + "/batches", draft)).json().get("id").asText();
    }

    /** Records a death through the registry; the retiree's record (personal data) is never printed. */
    private static void recordDeath(String retireeId) {
        String path = "/api/v1/retirees/" + retireeId;
        Api.Response current = municipal.get(path);
        assertEquals(200, current.status(), "GET retiree");
        Api.Response died = municipal.withHeader("If-Match", current.header("ETag")).post(path + "/death",
                Map.of("deathDate", today().toString()));
        assertEquals(200, died.status(), () -> "recording the death: " + died.status() + " " + died.code());
    }

    private static long events(String planId) {
        return platform.count("SELECT count(*) FROM platform.outbox WHERE aggregate_id = ?", planId);
    }

    private static Api.Response send(Api api, String planId, String ifMatch, Map<String, Object> body) {
        Api client = ifMatch == null ? api : api.withHeader("If-Match", ifMatch);
        return client.post(PLANS + "/" + planId + "/transitions", body);
    }

    private static Api.Response putWith(Api api, String planId, String record, String ifMatch, Object body) {
        return api.withHeader("If-Match", ifMatch).send("PUT", PLANS + "/" + planId + "/" + record,
                "application/json", cq.retirees.infra.http.Json.bytes(body));
    }

    /** Everything a transition could touch: the plan as the API shows it, its history, batches, roster, events. */
    private record Snapshot(JsonNode plan, String etag, List<String> transitions, List<String> batches,
                            List<String> roster, List<String> events) {
    }

    private static Snapshot snapshot(String planId) {
        Api.Response current = ok(municipal.get(PLANS + "/" + planId));
        try (Connection c = platform.sql()) {
            return new Snapshot(current.json(), current.header("ETag"),
                    rows(c, "SELECT from_state || ' ' || to_state FROM handover.plan_transitions"
                            + " WHERE plan_id = ?::uuid ORDER BY seq", planId),
                    rows(c, "SELECT id || ' ' || state || ' ' || version FROM handover.batches"
                            + " WHERE plan_id = ?::uuid ORDER BY id", planId),
                    rows(c, "SELECT retiree_id || ' ' || coalesce(batch_id::text, '-') || ' '"
                            + " || coalesce(removed_code, '-') || ' ' || coalesce(received_on::text, '-') || ' '"
                            + " || version FROM handover.roster_entries WHERE plan_id = ?::uuid ORDER BY retiree_id",
                            planId),
                    rows(c, "SELECT id || ' ' || event_type FROM platform.outbox WHERE aggregate_id = ? ORDER BY id",
                            planId));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(Connection c, String sql, String planId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, planId);
            try (ResultSet rs = s.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }
    }

    /**
     * Sends a request built on the plan's current ETag, asserts the problem it is refused with, and that the plan
     * and everything around it are exactly as before.
     */
    private static JsonNode unchanged(String planId, int status, String code, Function<String, Api.Response> call) {
        Snapshot before = snapshot(planId);
        Api.Response response = call.apply(before.etag());
        JsonNode problem = assertProblem(response, status, code);
        Snapshot after = snapshot(planId);
        assertEquals(before.plan().get("state"), after.plan().get("state"), "state after " + response);
        assertEquals(before.plan().get("version"), after.plan().get("version"), "version after " + response);
        assertEquals(before, after, () -> "a refused change changed something: " + response);
        return problem;
    }

    /**
     * Moves the plan to {@code to} and asserts the refusal by {@code guards}: the first is the problem's code and
     * decides the status, all are in {@code errors} on field "to" with a message, in order, and are what the plan
     * lists as {@code blockedBy} for that state.
     */
    private static JsonNode guarded(Api api, String planId, String to, Map<String, Object> extra, int status,
                                    String... guards) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("to", to);
        JsonNode problem = unchanged(planId, status, guards[0], etag -> send(api, planId, etag, body));
        JsonNode errors = problem.path("errors");
        assertEquals(List.of(guards), texts(errors, "code"), problem::toString);
        errors.forEach(e -> {
            assertEquals("to", e.path("field").asText(), problem::toString);
            assertFalse(e.path("message").asText("").isBlank(), problem::toString);
        });
        assertEquals(problem.get("detail").asText(), errors.get(0).get("message").asText(),
                "the detail is the first guard's message");
        assertEquals(List.of(guards), texts(blockers(snapshot(planId).plan(), to), "code"),
                "nextStates[].blockedBy names the same guards");
        return problem;
    }

    private static JsonNode blockers(JsonNode plan, String state) {
        for (JsonNode next : plan.path("nextStates")) {
            if (next.path("state").asText().equals(state)) {
                return next.path("blockedBy");
            }
        }
        throw new AssertionError(state + " is not among the next states of " + plan.path("state"));
    }
}
