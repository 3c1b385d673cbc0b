package cq.retirees.app.handover;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import cq.retirees.kernel.CreditCode;
import cq.retirees.kernel.ResidentIdNumber;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Users, enterprises, retirees, bodies and plans for the handover tests, all made through the API. */
final class HandoverFixture {

    static final String PLANS = "/api/v1/handover-plans";
    static final String PASSWORD = "a-long-enough-password";
    /** Small thresholds so that a handful of retirees can make an area "concentrated". */
    static final Map<String, String> SETTINGS = Map.of("handover.publicity.minimum-days", "0",
            "handover.concentration.minimum-count", "3", "handover.concentration.minimum-share", "0.2");

    private static final AtomicInteger SEQUENCE = new AtomicInteger(500);

    private HandoverFixture() {
    }

    static Api user(TestPlatform platform, Api admin, String username, String role, Map<String, Object> scope) {
        Map<String, Object> body = new HashMap<>(scope);
        body.put("username", username);
        body.put("displayName", "测试 " + username);
        body.put("password", PASSWORD);
        body.put("roles", List.of(role));
        Api.Response created = admin.post("/api/v1/admin/users", body);
        assertEquals(201, created.status(), created::toString);
        return platform.api().login(username, PASSWORD);
    }

    static String enterprise(Api municipal, String insured, String location) {
        return enterprise(municipal, insured, location, "MUNICIPAL_KEY_SOE");
    }

    static String enterprise(Api municipal, String insured, String location, String category) {
        String first17 = "9150000" + String.format("%010d", SEQUENCE.incrementAndGet());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("creditCode", first17 + CreditCode.checkCharacter(first17));
        body.put("name", "测试企业" + SEQUENCE.get());
        body.put("category", category);
        body.put("insuredAreaCode", insured);
        body.put("locationAreaCode", location);
        Api.Response created = municipal.post("/api/v1/enterprises", body);
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    static String body(Api api, String area, String name, String kind) {
        Api.Response created = api.post("/api/v1/areas/" + area + "/receiving-bodies",
                Map.of("nameZh", name, "kind", kind));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    static String retiree(Api api, String enterpriseId, String insured, String residenceArea, String street) {
        return retiree(api, enterpriseId, insured, residenceArea, street, "RETIRED");
    }

    static String retiree(Api api, String enterpriseId, String insured, String residenceArea, String street,
                          String type) {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 3000);
        String first17 = "500198" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", n % 1000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enterpriseId", enterpriseId);
        body.put("idNumber", first17 + ResidentIdNumber.checkCharacter(first17));
        body.put("name", "退休" + n);
        body.put("retirementDate", "2012-06-30");
        body.put("retireeType", type);
        body.put("insuredAreaCode", insured);
        body.put("residenceAddress", "某路 " + n + " 号");
        body.put("residenceAreaCode", residenceArea);
        if (street != null) {
            body.put("residenceStreet", street);
        }
        Api.Response created = api.post("/api/v1/retirees", body);
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    static JsonNode plan(Api api, String enterpriseId) {
        Api.Response created = api.post(PLANS, Map.of("enterpriseId", enterpriseId));
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    static String etag(Api api, String path) {
        Api.Response current = api.get(path);
        assertEquals(200, current.status(), current::toString);
        String etag = current.header("ETag");
        assertNotNull(etag, () -> "no ETag on " + current);
        return etag;
    }

    static Api.Response transition(Api api, String planId, String to) {
        return transition(api, planId, to, Map.of());
    }

    static Api.Response transition(Api api, String planId, String to, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("to", to);
        return api.withHeader("If-Match", etag(api, PLANS + "/" + planId)).post(PLANS + "/" + planId + "/transitions",
                body);
    }

    static Api.Response put(Api api, String path, String planId, Object body) {
        return api.withHeader("If-Match", etag(api, PLANS + "/" + planId)).send("PUT", path, "application/json",
                cq.retirees.infra.http.Json.bytes(body));
    }

    static Api.Response propose(Api api, String planId) {
        return api.post(PLANS + "/" + planId + "/roster:propose", Map.of());
    }

    /** Every entry of the plan's roster as {@code api} sees it, by retiree id. */
    static Map<String, JsonNode> roster(Api api, String planId) {
        Api.Response page = api.get(PLANS + "/" + planId + "/roster?limit=500");
        assertEquals(200, page.status(), page::toString);
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        page.json().get("items").forEach(e -> entries.put(e.get("retireeId").asText(), e));
        return entries;
    }

    /** A roster entry's {@code If-Match} value: its version as an entity tag. */
    static String entryTag(JsonNode entry) {
        return "\"" + entry.get("version").asLong() + "\"";
    }

    static Map<String, Object> consultation() {
        return Map.of("heldOn", LocalDate.now().minusDays(1).toString(), "minutes", "介绍移交方案，听取意见。",
                "participants", List.of(Map.of("name", "张代表", "side", "RETIREE_REPRESENTATIVE"),
                        Map.of("name", "李经理", "side", "ENTERPRISE")));
    }

    static Map<String, Object> risk() {
        return Map.of("conflictScreening", "排查矛盾 3 项，均已化解。", "riskAssessment", "风险等级低。",
                "contingencyPlan", "设立现场接待组，专人负责答复。");
    }

    static Map<String, Object> threeParty() {
        return Map.of("enterpriseMembers", List.of("李经理"), "receivingMembers", List.of("王主任"),
                "representativeMembers", List.of("张代表"), "establishedOn", LocalDate.now().toString());
    }

    static Map<String, Object> benefits() {
        return Map.of("benefits", List.of(Map.of("name", "统筹外养老金补贴", "category", "OUTSIDE_POOLING_ALLOWANCE",
                "continues", true)));
    }

    /** A plan of {@code enterpriseId} walked from DRAFT to APPROVED, roster proposed; returns its id. */
    static String approvedPlan(Api api, String enterpriseId) {
        String id = plan(api, enterpriseId).get("id").asText();
        ok(propose(api, id));
        ok(transition(api, id, "CONSULTATION"));
        created(api.post(PLANS + "/" + id + "/consultations", consultation()));
        ok(transition(api, id, "PUBLICITY"));
        ok(put(api, PLANS + "/" + id + "/risk-assessment", id, risk()));
        ok(put(api, PLANS + "/" + id + "/three-party-mechanism", id, threeParty()));
        ok(put(api, PLANS + "/" + id + "/continuing-benefits", id, benefits()));
        ok(transition(api, id, "APPROVED"));
        return id;
    }

    static Api.Response ok(Api.Response response) {
        assertEquals(200, response.status(), response::toString);
        return response;
    }

    static Api.Response created(Api.Response response) {
        assertEquals(201, response.status(), response::toString);
        return response;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    // ---- Helpers for the batch, scope and petition tests (added; the methods above are unchanged). ----

    static final String BATCHES = "/api/v1/handover-batches/";
    static final List<String> BLOCKING_ITEMS = List.of("MANAGEMENT_RELATIONSHIP", "PERSONNEL_DOSSIERS",
            "LEADER_DOSSIERS_AND_PASSPORTS", "PARTY_RELATIONSHIPS", "COMMUNITY_FUNCTIONS");

    /** Moves an APPROVED plan to IN_HANDOVER and delivers its HandoverStarted event. */
    static void startHandover(TestPlatform platform, Api api, String planId) {
        ok(transition(api, planId, "IN_HANDOVER"));
        deliverEvents(platform);
    }

    /** POST /handover-plans/{id}/batches; {@code body} and {@code retireeIds} may be null (left out). */
    static Api.Response openBatch(Api api, String planId, String area, String body, String effectiveOn,
                                  List<String> retireeIds) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("receivingAreaCode", area);
        draft.put("effectiveOn", effectiveOn);
        if (body != null) {
            draft.put("receivingBodyId", body);
        }
        if (retireeIds != null) {
            draft.put("retireeIds", retireeIds);
        }
        return api.post(PLANS + "/" + planId + "/batches", draft);
    }

    /** Opens a batch and returns its id. */
    static String batch(Api api, String planId, String area, String body, String effectiveOn,
                        List<String> retireeIds) {
        return created(openBatch(api, planId, area, body, effectiveOn, retireeIds)).json().get("id").asText();
    }

    static Api.Response setItem(Api api, String batchId, String item, String status, String note) {
        Map<String, Object> change = new HashMap<>();
        change.put("status", status);
        if (note != null) {
            change.put("note", note);
        }
        return api.withHeader("If-Match", etag(api, BATCHES + batchId)).patch(BATCHES + batchId + "/items/" + item,
                change);
    }

    /** Closes the five items that block signing; ACTIVITY_VENUE stays OPEN. */
    static void closeItems(Api api, String batchId) {
        for (String item : BLOCKING_ITEMS) {
            if (item.equals("LEADER_DOSSIERS_AND_PASSPORTS")) {
                ok(setItem(api, batchId, item, "NOT_APPLICABLE", "无企业领导人员"));
            } else {
                ok(setItem(api, batchId, item, "DONE", null));
            }
        }
    }

    /** POST …/sign for {@code side} against the batch's current ETag (as {@code api} reads it). */
    static Api.Response signRequest(Api api, String batchId, String side) {
        return api.withHeader("If-Match", etag(api, BATCHES + batchId)).post(BATCHES + batchId + "/sign",
                Map.of("side", side, "signatory", "签字人"));
    }

    static JsonNode sign(Api api, String batchId, String side) {
        return ok(signRequest(api, batchId, side)).json();
    }

    /** Runs the outbox until every event is delivered (the platform's own poller may deliver some meanwhile). */
    static void deliverEvents(TestPlatform platform) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (true) {
            while (platform.platform().events().dispatchBatch() > 0) {
                // until nothing is due
            }
            if (platform.count("SELECT count(*) FROM platform.outbox WHERE dispatched_at IS NULL") == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("outbox events not delivered: " + platform.strings("SELECT event_type || ' "
                        + "attempts=' || attempts || ' error=' || coalesce(last_error, '') FROM platform.outbox"
                        + " WHERE dispatched_at IS NULL"));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A retiree as the registry shows it; the body is never put in a message (it holds the ID number). */
    static JsonNode registered(Api api, String retireeId) {
        Api.Response response = api.get("/api/v1/retirees/" + retireeId);
        assertEquals(200, response.status(), "GET retiree answered " + response.status());
        return response.json();
    }

    /** The batch's version as stored. */
    static long batchVersion(TestPlatform platform, String batchId) {
        return platform.count("SELECT version FROM handover.batches WHERE id = ?::uuid", batchId);
    }

    /** How many BatchSigned events the outbox holds for the batch. */
    static long batchSignedEvents(TestPlatform platform, String batchId) {
        return platform.count("SELECT count(*) FROM platform.outbox WHERE event_type = 'BatchSigned'"
                + " AND aggregate_id = ?", batchId);
    }

    static long audited(TestPlatform platform, String action, String entityId) {
        return platform.count("SELECT count(*) FROM audit.events WHERE action = ? AND entity_id = ?", action,
                entityId);
    }

    /** The data rows of a checklist CSV, cells split (the test data holds no commas or quotes). */
    static List<List<String>> csvRows(Api.Response csv) {
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        text.lines().skip(1).filter(line -> !line.isEmpty()).forEach(line -> rows.add(List.of(line.split(",", -1))));
        return rows;
    }
}
