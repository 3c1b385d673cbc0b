package cq.retirees.app.handover;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cq.retirees.app.handover.HandoverFixture.BATCHES;
import static cq.retirees.app.handover.HandoverFixture.audited;
import static cq.retirees.app.handover.HandoverFixture.batch;
import static cq.retirees.app.handover.HandoverFixture.batchSignedEvents;
import static cq.retirees.app.handover.HandoverFixture.batchVersion;
import static cq.retirees.app.handover.HandoverFixture.closeItems;
import static cq.retirees.app.handover.HandoverFixture.created;
import static cq.retirees.app.handover.HandoverFixture.deliverEvents;
import static cq.retirees.app.handover.HandoverFixture.etag;
import static cq.retirees.app.handover.HandoverFixture.ok;
import static cq.retirees.app.handover.HandoverFixture.openBatch;
import static cq.retirees.app.handover.HandoverFixture.registered;
import static cq.retirees.app.handover.HandoverFixture.setItem;
import static cq.retirees.app.handover.HandoverFixture.sign;
import static cq.retirees.app.handover.HandoverFixture.signRequest;
import static cq.retirees.app.testing.ProblemAssertions.assertFieldError;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batches of a plan in handover: a retiree is in at most one open batch, signing waits for the handover items
 * (never for the activity venue), a signature applies once however often or however concurrently it is sent, the
 * registry receives the batch's retirees from its effective date, and each side signs only for itself.
 */
class BatchSigningTest {

    static TestPlatform platform;
    static Api admin;
    static Api municipal;
    static Api yuzhongOp;
    static Api jiangbeiOp;
    static String jiefangbei;
    static String guanyinqiao;
    static final String TOMORROW = LocalDate.now().plusDays(1).toString();

    /** One enterprise's plan: its operator, the plan, and its retirees living in Yuzhong and in Jiangbei. */
    record Handover(String enterprise, Api operator, String plan, List<String> yuzhong, List<String> jiangbei) {
    }

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(BatchSigningTest.class, HandoverFixture.SETTINGS);
        admin = platform.admin();
        municipal = HandoverFixture.user(platform, admin, "sign-municipal", "MUNICIPAL_ADMIN", Map.of());
        yuzhongOp = HandoverFixture.user(platform, admin, "sign-yuzhong", "DISTRICT_OPERATOR",
                Map.of("areaCodes", List.of("500103")));
        jiangbeiOp = HandoverFixture.user(platform, admin, "sign-jiangbei", "DISTRICT_OPERATOR",
                Map.of("areaCodes", List.of("500105")));
        jiefangbei = HandoverFixture.body(municipal, "500103", "解放碑街道", "STREET");
        guanyinqiao = HandoverFixture.body(municipal, "500105", "观音桥街道", "STREET");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /**
     * An enterprise insured in Yuzhong with {@code yuzhong} retirees living on 解放碑街道 (received by that street)
     * and {@code jiangbei} living on 观音桥街道 (three or more are concentrated, so Jiangbei receives them); its plan
     * APPROVED, or IN_HANDOVER when {@code start}.
     */
    private static Handover handover(String name, int yuzhong, int jiangbei, boolean start) {
        String enterprise = HandoverFixture.enterprise(municipal, "500103", "500103");
        Api operator = HandoverFixture.user(platform, admin, name, "ENTERPRISE_OPERATOR",
                Map.of("enterpriseIds", List.of(enterprise)));
        List<String> y = new ArrayList<>();
        for (int i = 0; i < yuzhong; i++) {
            y.add(HandoverFixture.retiree(municipal, enterprise, "500103", "500103", "解放碑街道"));
        }
        List<String> j = new ArrayList<>();
        for (int i = 0; i < jiangbei; i++) {
            j.add(HandoverFixture.retiree(municipal, enterprise, "500103", "500105", "观音桥街道"));
        }
        String plan = HandoverFixture.approvedPlan(operator, enterprise);
        if (start) {
            HandoverFixture.startHandover(platform, operator, plan);
        }
        return new Handover(enterprise, operator, plan, List.copyOf(y), List.copyOf(j));
    }

    private static long batchesOf(String plan) {
        return platform.count("SELECT count(*) FROM handover.batches WHERE plan_id = ?::uuid", plan);
    }

    private static long batchedOn(String plan) {
        return platform.count("SELECT count(*) FROM handover.roster_entries WHERE plan_id = ?::uuid"
                + " AND batch_id IS NOT NULL", plan);
    }

    @Test
    void aRetireeIsInAtMostOneOpenBatch() {
        Handover h = handover("one-batch-enterprise", 3, 3, false);

        // Batches only while the plan is in handover.
        assertProblem(openBatch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW, List.of(h.yuzhong().get(0))),
                409, "PLAN_NOT_IN_HANDOVER");
        assertEquals(0, batchesOf(h.plan()));
        HandoverFixture.startHandover(platform, h.operator(), h.plan());

        JsonNode first = created(openBatch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW,
                List.of(h.yuzhong().get(0)))).json();
        assertEquals(1, first.get("retirees").asLong(), first::toString);
        assertEquals(1, batchesOf(h.plan()));

        // Naming a retiree already in an open batch refuses the whole batch: nothing is created or assigned.
        assertProblem(openBatch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW,
                List.of(h.yuzhong().get(1), h.yuzhong().get(0))), 409, "RETIREE_IN_OPEN_BATCH");
        assertEquals(1, batchesOf(h.plan()));
        assertEquals(1, batchedOn(h.plan()), "the other retiree named must not be left in a batch");

        // A retiree received elsewhere (Jiangbei, 观音桥街道) cannot go into a Yuzhong batch, with or without a body.
        assertProblem(openBatch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW,
                List.of(h.yuzhong().get(1), h.jiangbei().get(0))), 422, "RETIREE_RECEIVED_ELSEWHERE");
        assertProblem(openBatch(h.operator(), h.plan(), "500103", null, TOMORROW, List.of(h.jiangbei().get(0))),
                422, "RETIREE_RECEIVED_ELSEWHERE");
        // A retiree who is not on this plan's roster at all, named with one who is.
        assertProblem(openBatch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW,
                List.of(h.yuzhong().get(1), java.util.UUID.randomUUID().toString())), 422, "RETIREE_NOT_ON_ROSTER");
        // …nor into a Jiangbei batch of no body, when the street receives it.
        assertProblem(openBatch(h.operator(), h.plan(), "500105", null, TOMORROW, List.of(h.jiangbei().get(0))),
                422, "RETIREE_RECEIVED_ELSEWHERE");
        assertEquals(1, batchesOf(h.plan()));
        assertEquals(1, batchedOn(h.plan()));

        // Without names, a batch takes everyone left for that body: the two other Yuzhong retirees.
        JsonNode rest = created(openBatch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW, null)).json();
        assertEquals(2, rest.get("retirees").asLong(), rest::toString);
        assertEquals(2, batchesOf(h.plan()));

        // Nobody left: no batch.
        assertProblem(openBatch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW, null), 422, "BATCH_EMPTY");
        assertProblem(openBatch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW, List.of()), 422,
                "BATCH_EMPTY");
        assertProblem(openBatch(h.operator(), h.plan(), "500106", null, TOMORROW, null), 422, "BATCH_EMPTY");
        assertEquals(2, batchesOf(h.plan()));

        // The Jiangbei retirees still make their own batch.
        JsonNode jiangbei = created(openBatch(h.operator(), h.plan(), "500105", guanyinqiao, TOMORROW, null)).json();
        assertEquals(3, jiangbei.get("retirees").asLong(), jiangbei::toString);
        assertEquals(3, batchesOf(h.plan()));
        assertEquals(6, batchedOn(h.plan()));

        // Once the first batch is signed, its retiree is received and cannot be batched again.
        String firstId = first.get("id").asText();
        closeItems(h.operator(), firstId);
        sign(h.operator(), firstId, "ENTERPRISE");
        assertEquals("SIGNED", sign(yuzhongOp, firstId, "RECEIVING").get("state").asText());
        Api.Response again = openBatch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW,
                List.of(h.yuzhong().get(0)));
        assertTrue(again.status() == 409 || again.status() == 422, again::toString);
        assertEquals(3, batchesOf(h.plan()));
    }

    @Test
    void concurrentBatchesNamingOneRetireeMakeOneBatch() throws Exception {
        Handover h = handover("race-open-enterprise", 2, 0, true);
        List<String> one = List.of(h.yuzhong().get(0));
        List<Api.Response> responses = race(
                () -> openBatch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW, one),
                () -> openBatch(municipal, h.plan(), "500103", jiefangbei, TOMORROW, one));
        List<Integer> statuses = responses.stream().map(Api.Response::status).sorted().toList();
        assertEquals(List.of(201, 409), statuses, responses::toString);
        Api.Response refused = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertEquals("RETIREE_IN_OPEN_BATCH", refused.code(), refused::toString);
        assertEquals(1, batchesOf(h.plan()));
        assertEquals(1, batchedOn(h.plan()));
    }

    @Test
    void signingWaitsForTheHandoverItemsButNeverForTheActivityVenue() {
        Handover h = handover("items-enterprise", 2, 0, true);
        String b = batch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW, null);
        String path = BATCHES + b;
        long version = batchVersion(platform, b);

        JsonNode allOpen = assertProblem(signRequest(h.operator(), b, "ENTERPRISE"), 422, "BATCH_ITEMS_OPEN");
        String detail = allOpen.get("detail").asText();
        for (String item : HandoverFixture.BLOCKING_ITEMS) {
            assertTrue(detail.contains(item), () -> item + " not named in " + detail);
        }
        assertFalse(detail.contains("ACTIVITY_VENUE"), detail);
        assertEquals(version, batchVersion(platform, b), "a refused signature changes nothing");

        // A NOT_APPLICABLE item needs a note saying why.
        assertFieldError(setItem(h.operator(), b, "LEADER_DOSSIERS_AND_PASSPORTS", "NOT_APPLICABLE", null), "note",
                "TEXT_REQUIRED");
        ok(setItem(h.operator(), b, "MANAGEMENT_RELATIONSHIP", "DONE", null));
        ok(setItem(yuzhongOp, b, "PERSONNEL_DOSSIERS", "DONE", null));
        ok(setItem(h.operator(), b, "LEADER_DOSSIERS_AND_PASSPORTS", "NOT_APPLICABLE", "无企业领导人员"));

        JsonNode someOpen = assertProblem(signRequest(yuzhongOp, b, "RECEIVING"), 422, "BATCH_ITEMS_OPEN");
        String rest = someOpen.get("detail").asText();
        assertTrue(rest.contains("PARTY_RELATIONSHIPS") && rest.contains("COMMUNITY_FUNCTIONS"), rest);
        for (String closed : List.of("MANAGEMENT_RELATIONSHIP", "PERSONNEL_DOSSIERS", "LEADER_DOSSIERS_AND_PASSPORTS",
                "ACTIVITY_VENUE")) {
            assertFalse(rest.contains(closed), () -> closed + " is closed or never blocks, yet named in " + rest);
        }

        ok(setItem(yuzhongOp, b, "PARTY_RELATIONSHIPS", "DONE", null));
        ok(setItem(h.operator(), b, "COMMUNITY_FUNCTIONS", "DONE", null));
        JsonNode half = sign(h.operator(), b, "ENTERPRISE");
        assertEquals("OPEN", half.get("state").asText());
        assertNotNull(half.get("enterpriseSignature").get("signedAt"), half::toString);
        // The first signature covers the checklist as it stood: its items no longer change.
        assertProblem(setItem(yuzhongOp, b, "PARTY_RELATIONSHIPS", "OPEN", null), 409, "BATCH_PARTLY_SIGNED");
        assertEquals("DONE", item(ok(h.operator().get(path)).json(), "PARTY_RELATIONSHIPS").get("status").asText());
        JsonNode signed = sign(yuzhongOp, b, "RECEIVING");
        assertEquals("SIGNED", signed.get("state").asText(), signed::toString);
        JsonNode venue = item(signed, "ACTIVITY_VENUE");
        assertEquals("OPEN", venue.get("status").asText(), "the venue was never closed");
        assertFalse(venue.get("blocksSigning").asBoolean());
        assertTrue(item(signed, "PERSONNEL_DOSSIERS").get("blocksSigning").asBoolean());
        assertEquals(1, batchSignedEvents(platform, b));

        // A signed batch's items are settled.
        assertProblem(setItem(h.operator(), b, "ACTIVITY_VENUE", "DONE", null), 409, "BATCH_NOT_OPEN");
        assertEquals("OPEN", item(ok(h.operator().get(path)).json(), "ACTIVITY_VENUE").get("status").asText());
    }

    @Test
    void signingTwiceAppliesOnce() {
        Handover h = handover("idempotent-enterprise", 2, 0, true);
        String b = batch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW, null);
        String path = BATCHES + b;
        closeItems(h.operator(), b);
        sign(h.operator(), b, "ENTERPRISE");
        long before = batchVersion(platform, b);

        // (a) The same request with the same Idempotency-Key replays the first response.
        Api keyed = yuzhongOp.withHeader("If-Match", etag(yuzhongOp, path))
                .withHeader("Idempotency-Key", "sign-" + UUID.randomUUID());
        Map<String, Object> body = Map.of("side", "RECEIVING", "signatory", "王主任");
        Api.Response first = ok(keyed.post(path + "/sign", body));
        assertEquals("SIGNED", first.json().get("state").asText(), first::toString);
        Api.Response replay = ok(keyed.post(path + "/sign", body));
        assertEquals("true", replay.header("Idempotency-Replayed"), replay::toString);
        assertEquals(first.json(), replay.json());
        assertEquals(first.header("ETag"), replay.header("ETag"));
        assertEquals(before + 1, batchVersion(platform, b), "one signature, one version");
        assertEquals(1, batchSignedEvents(platform, b));
        assertEquals(1, platform.count("SELECT count(*) FROM platform.outbox WHERE event_type = 'BatchSigned'"
                + " AND aggregate_id = ?", b));
        assertEquals(1, audited(platform, "BATCH_SIGNED", b));

        deliverEvents(platform);
        assertEquals(2, receivedIn(h.yuzhong()));
        List<String> versions = registryVersions(h.yuzhong());

        // (b) Signing a side again against the current ETag answers 200 and changes nothing.
        String current = etag(yuzhongOp, path);
        assertEquals(first.header("ETag"), current);
        Api.Response receivingAgain = ok(yuzhongOp.withHeader("If-Match", current).post(path + "/sign", body));
        assertEquals(current, receivingAgain.header("ETag"));
        assertEquals(first.json().get("receivingSignature"), receivingAgain.json().get("receivingSignature"),
                "the first signature stands");
        Api.Response enterpriseAgain = ok(h.operator().withHeader("If-Match", current).post(path + "/sign",
                Map.of("side", "ENTERPRISE", "signatory", "另一签字人")));
        assertEquals(current, enterpriseAgain.header("ETag"));
        assertEquals("签字人", enterpriseAgain.json().get("enterpriseSignature").get("signatory").asText());
        assertEquals(before + 1, batchVersion(platform, b));

        deliverEvents(platform);
        assertEquals(1, batchSignedEvents(platform, b));
        assertEquals(1, audited(platform, "BATCH_SIGNED", b));
        assertEquals(1, audited(platform, "RETIREES_RECEIVED", b), "the registry received the batch once");
        assertEquals(versions, registryVersions(h.yuzhong()), "the registry's retirees moved once");
        assertEquals(2, receivedIn(h.yuzhong()));
    }

    @Test
    void concurrentSignaturesOnOneVersionApplyOnce() throws Exception {
        int rounds = 9;
        Handover h = handover("race-sign-enterprise", rounds, 0, true);
        for (int round = 0; round < rounds; round++) {
            String b = batch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW, List.of(h.yuzhong().get(round)));
            String path = BATCHES + b;
            closeItems(h.operator(), b);
            int kind = round % 3;
            if (kind != 1) {
                sign(h.operator(), b, "ENTERPRISE");
            }
            long version = batchVersion(platform, b);
            String ifMatch = "\"" + version + "\"";
            // 0: the district and the municipality sign the receiving side at once;
            // 1: the enterprise and the district sign their own sides at once;
            // 2: the district operator sends its signature twice at once.
            Api firstSigner = kind == 1 ? h.operator() : yuzhongOp;
            String firstSide = kind == 1 ? "ENTERPRISE" : "RECEIVING";
            Api secondSigner = kind == 0 ? municipal : yuzhongOp;
            List<Api.Response> responses = race(
                    () -> firstSigner.withHeader("If-Match", ifMatch).post(path + "/sign",
                            Map.of("side", firstSide, "signatory", "甲")),
                    () -> secondSigner.withHeader("If-Match", ifMatch).post(path + "/sign",
                            Map.of("side", "RECEIVING", "signatory", "乙")));
            int r = round;
            List<Integer> statuses = responses.stream().map(Api.Response::status).sorted().toList();
            assertEquals(200, statuses.get(0), () -> "round " + r + ": " + responses);
            assertTrue(statuses.get(1) == 409 || statuses.get(1) == 412, () -> "round " + r + ": " + responses);
            assertEquals(version + 1, batchVersion(platform, b), () -> "round " + r + ": one success, one version");
            String state = platform.strings("SELECT state FROM handover.batches WHERE id = ?::uuid", b).getFirst();
            if (kind == 1) {
                assertEquals("OPEN", state, "round " + r + ": only one of the two signatures applied");
                assertEquals(0, batchSignedEvents(platform, b));
                String missing = ok(h.operator().get(path)).json().path("enterpriseSignature").isNull()
                        ? "ENTERPRISE" : "RECEIVING";
                sign(missing.equals("ENTERPRISE") ? h.operator() : yuzhongOp, b, missing);
                assertEquals(version + 2, batchVersion(platform, b));
            } else {
                assertEquals("SIGNED", state, "round " + r);
            }
            assertEquals(1, batchSignedEvents(platform, b), () -> "round " + r + ": one BatchSigned per batch");
            assertEquals(1, audited(platform, "BATCH_SIGNED", b), () -> "round " + r);
            assertEquals(1, platform.count("SELECT count(*) FROM handover.roster_entries WHERE batch_id = ?::uuid"
                    + " AND received_on IS NOT NULL", b));
        }
        deliverEvents(platform);
        assertEquals(rounds, receivedIn(h.yuzhong()));
        assertEquals(rounds, platform.count("SELECT count(*) FROM audit.events WHERE action = 'RETIREES_RECEIVED'"
                + " AND entity_id IN (SELECT id::text FROM handover.batches WHERE plan_id = ?::uuid)", h.plan()));
    }

    @Test
    void signedRetireesAreReceivedFromTheBatchDateAndARedeliveryChangesNothing() {
        Handover h = handover("received-enterprise", 1, 3, true);
        String effective = LocalDate.now().plusDays(5).toString();
        String b = batch(h.operator(), h.plan(), "500105", guanyinqiao, effective, null);
        closeItems(jiangbeiOp, b);
        sign(h.operator(), b, "ENTERPRISE");
        deliverEvents(platform);
        for (String id : h.jiangbei()) {
            assertEquals("IN_HANDOVER", registered(municipal, id).get("status").asText(), "not received before signing");
        }
        sign(jiangbeiOp, b, "RECEIVING");
        deliverEvents(platform);

        for (String id : h.jiangbei()) {
            JsonNode retiree = registered(municipal, id);
            assertEquals("UNDER_SOCIALIZED_MANAGEMENT", retiree.get("status").asText());
            assertEquals(effective, retiree.get("receivedOn").asText());
            assertEquals("500105", retiree.get("receivingAreaCode").asText());
            assertEquals(guanyinqiao, retiree.get("receivingBodyId").asText());
        }
        JsonNode outside = registered(municipal, h.yuzhong().getFirst());
        assertEquals("IN_HANDOVER", outside.get("status").asText(), "a retiree of no signed batch stays in handover");
        assertTrue(outside.path("receivedOn").isNull() || outside.path("receivedOn").isMissingNode());
        assertEquals(3, platform.count("SELECT count(*) FROM handover.roster_entries WHERE batch_id = ?::uuid"
                + " AND received_on = ?::date", b, effective));

        // Redelivering the event changes nothing in the registry.
        List<String> versions = registryVersions(h.jiangbei());
        assertEquals(1, platform.update("UPDATE platform.outbox SET dispatched_at = NULL WHERE event_type ="
                + " 'BatchSigned' AND aggregate_id = ?", b));
        deliverEvents(platform);
        assertTrue(platform.count("SELECT attempts FROM platform.outbox WHERE event_type = 'BatchSigned'"
                + " AND aggregate_id = ?", b) >= 2, "the event was delivered again");
        assertEquals(versions, registryVersions(h.jiangbei()));
        assertEquals(1, audited(platform, "RETIREES_RECEIVED", b));
        for (String id : h.jiangbei()) {
            JsonNode retiree = registered(municipal, id);
            assertEquals("UNDER_SOCIALIZED_MANAGEMENT", retiree.get("status").asText());
            assertEquals(effective, retiree.get("receivedOn").asText());
        }
    }

    @Test
    void aRetireeTakenOffTheRosterInHandoverIsBackAtTheEnterprise() {
        Handover h = handover("taken-off-enterprise", 2, 0, true);
        deliverEvents(platform);
        String leaving = h.yuzhong().getFirst();
        assertEquals("IN_HANDOVER", registered(municipal, leaving).get("status").asText());

        long version = platform.count("SELECT version FROM handover.roster_entries WHERE plan_id = ?::uuid"
                + " AND retiree_id = ?::uuid", h.plan(), leaving);
        ok(h.operator().withHeader("If-Match", "\"" + version + "\"").patch(HandoverFixture.PLANS + "/" + h.plan()
                + "/roster/" + leaving, Map.of("action", "REMOVE", "reason", "本人申请留在企业管理")));
        deliverEvents(platform);

        assertEquals("AT_ENTERPRISE", registered(municipal, leaving).get("status").asText());
        assertEquals("IN_HANDOVER", registered(municipal, h.yuzhong().get(1)).get("status").asText(),
                "the others stay in handover");
    }

    @Test
    void aStartOfHandoverDeliveredLateDoesNotPullBackARetireeTakenOffMeanwhile() {
        Handover h = handover("late-start-enterprise", 2, 0, false);
        ok(HandoverFixture.transition(h.operator(), h.plan(), "IN_HANDOVER"));
        // The start is held back (another instance's batch, a retry): the removal below is delivered first.
        platform.update("UPDATE platform.outbox SET next_attempt_at = now() + interval '1 hour'"
                + " WHERE event_type = 'HandoverStarted' AND aggregate_id = ?", h.plan());
        String leaving = h.yuzhong().getFirst();
        long version = platform.count("SELECT version FROM handover.roster_entries WHERE plan_id = ?::uuid"
                + " AND retiree_id = ?::uuid", h.plan(), leaving);
        ok(h.operator().withHeader("If-Match", "\"" + version + "\"").patch(HandoverFixture.PLANS + "/" + h.plan()
                + "/roster/" + leaving, Map.of("action", "REMOVE", "reason", "本人申请留在企业管理")));
        while (platform.platform().events().dispatchBatch() > 0) {
            // the removal's event only
        }
        platform.update("UPDATE platform.outbox SET next_attempt_at = now() WHERE event_type = 'HandoverStarted'"
                + " AND aggregate_id = ?", h.plan());
        deliverEvents(platform);

        assertEquals("AT_ENTERPRISE", registered(municipal, leaving).get("status").asText());
        assertEquals("IN_HANDOVER", registered(municipal, h.yuzhong().get(1)).get("status").asText());
    }

    @Test
    void eachSideSignsOnlyForItself() {
        Handover h = handover("sides-enterprise", 1, 0, true);
        String b = batch(h.operator(), h.plan(), "500103", jiefangbei, TOMORROW, null);
        String path = BATCHES + b;
        closeItems(h.operator(), b);
        long version = batchVersion(platform, b);
        long denials = audited(platform, "ACCESS_DENIED", b);

        assertProblem(signRequest(h.operator(), b, "RECEIVING"), 403, "NOT_THE_RECEIVING_SIDE");
        assertProblem(signRequest(yuzhongOp, b, "ENTERPRISE"), 403, "NOT_THE_ENTERPRISE_SIDE");
        assertProblem(h.operator().post(path + "/sign", Map.of("side", "ENTERPRISE", "signatory", "签字人")), 428,
                "IF_MATCH_REQUIRED");
        assertProblem(h.operator().withHeader("If-Match", "\"" + (version - 1) + "\"").post(path + "/sign",
                Map.of("side", "ENTERPRISE", "signatory", "签字人")), 412, "VERSION_MISMATCH");
        assertFieldError(h.operator().withHeader("If-Match", "\"" + version + "\"").post(path + "/sign",
                Map.of("side", "BOTH", "signatory", "签字人")), "side", "KIND_UNKNOWN");
        // A district operator of another area does not see the batch at all.
        assertProblem(jiangbeiOp.withHeader("If-Match", "\"" + version + "\"").post(path + "/sign",
                Map.of("side", "RECEIVING", "signatory", "签字人")), 404, "NOT_FOUND");

        assertEquals(version, batchVersion(platform, b));
        JsonNode unchanged = ok(h.operator().get(path)).json();
        assertTrue(unchanged.path("enterpriseSignature").isNull(), unchanged::toString);
        assertTrue(unchanged.path("receivingSignature").isNull(), unchanged::toString);
        assertTrue(audited(platform, "ACCESS_DENIED", b) >= denials + 2, "refused sides are audited");

        sign(h.operator(), b, "ENTERPRISE");
        assertEquals("SIGNED", sign(yuzhongOp, b, "RECEIVING").get("state").asText());
    }

    private static JsonNode item(JsonNode batch, String name) {
        for (JsonNode item : batch.get("items")) {
            if (item.get("item").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError(name + " missing in " + batch);
    }

    private static long receivedIn(List<String> retirees) {
        return platform.count("SELECT count(*) FROM registry.retirees WHERE id = ANY(?::uuid[])"
                + " AND status = 'UNDER_SOCIALIZED_MANAGEMENT' AND received_on IS NOT NULL", pgArray(retirees));
    }

    private static List<String> registryVersions(List<String> retirees) {
        return platform.strings("SELECT version || ' ' || status || ' ' || coalesce(received_on::text, '')"
                + " FROM registry.retirees WHERE id = ANY(?::uuid[]) ORDER BY id", pgArray(retirees));
    }

    private static String pgArray(List<String> ids) {
        return "{" + String.join(",", ids) + "}";
    }

    /** Runs two requests released together by one latch; returns both responses. */
    @SafeVarargs
    private static List<Api.Response> race(Callable<Api.Response>... requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.length);
        try {
            CountDownLatch ready = new CountDownLatch(requests.length);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (Callable<Api.Response> request : requests) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
