package cq.retirees.app.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.plugins.fixtures.HangingRule;
import cq.retirees.app.plugins.fixtures.OutsideTerritoryRule;
import cq.retirees.app.plugins.fixtures.ProposalDecliningRule;
import cq.retirees.app.plugins.fixtures.ProposalHangingRule;
import cq.retirees.app.plugins.fixtures.ProposalMendedRule;
import cq.retirees.app.plugins.fixtures.ProposalMimicRule;
import cq.retirees.app.plugins.fixtures.ThrowingRule;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import cq.retirees.kernel.CreditCode;
import cq.retirees.kernel.ResidentIdNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The four district and zone plugins, installed through the admin API, decide the rosters that cross their
 * territories; a disabled plugin hands its retirees back to the municipal default; a plugin that throws, hangs or
 * proposes outside its territory never fails a proposal, and its failures are counted and shown.
 */
class PluginProposalsTest {

    private static final String PLANS = "/api/v1/handover-plans";
    private static final String PASSWORD = "a-long-enough-password";
    private static final String DEFAULT = "municipal-default";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(700);

    private static TestPlatform platform;
    private static Api admin;
    private static Api municipal;
    /** Bodies named in the plugins' shipped settings (or matching the street of residence), registered once. */
    private static String liangjiangCentre;
    private static String wanshengStreet;
    private static String jiefangbei;
    private static String wanzhouDepartment;

    @BeforeAll
    static void start() {
        // A call time-out generous enough that a slow first call (class loading on a busy machine) does not pass
        // for a hang; a concentration threshold no roster here reaches keeps the municipal default at "insured
        // area", so only the plugins change what is proposed.
        platform = TestPlatform.start(PluginProposalsTest.class, Map.of("plugins.call-timeout", "PT2S",
                "handover.concentration.minimum-count", "1000"));
        admin = platform.admin();
        municipal = municipalAdmin();
        for (String id : List.of("liangjiang", "wansheng", "yuzhong", "wanzhou")) {
            install(PluginJars.built(id), id);
        }
        liangjiangCentre = body("LJXQ", "两江新区退休人员服务中心", "UNIT");
        wanshengStreet = body("WSJK", "万盛街道", "STREET");
        jiefangbei = body("500103", "解放碑街道", "STREET");
        wanzhouDepartment = body("500101", "万州区退休人员服务中心", "DEPARTMENT");
        // the municipal default would pick this street office in 万州; Wanzhou's rule picks its department instead
        body("500101", "高笋塘街道", "STREET");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void liangjiangReceivesTheZoneManagedStreetsInTheZone() {
        String enterprise = enterprise("LIANGJIANG_SOE", "500112", "500112");
        String listed = retiree(enterprise, "500112", "500112", "人和街道");
        String unlisted = retiree(enterprise, "500112", "500112", "龙溪街道");
        String plan = plan(enterprise);

        JsonNode summary = propose(plan);
        assertEquals(1, summary.path("byRule").path("liangjiang").asLong(), summary::toString);
        Map<String, JsonNode> roster = roster(plan);
        JsonNode entry = roster.get(listed);
        assertDecided(entry, "liangjiang", "LJXQ", liangjiangCentre, "LIANGJIANG_TERRITORY_STREET");
        assertEquals("LIANGJIANG_SERVICE_CENTRE", entry.get("proposal").get("bodyReasonCode").asText(),
                entry::toString);
        assertEquals(List.of("500112 LIANGJIANG_ZONE_RECEIVES"), alternatives(entry), entry::toString);
        assertDecided(roster.get(unlisted), DEFAULT, "500112", null, "INSURED_AREA");
    }

    @Test
    void liangjiangLeavesOtherEnterprisesOnItsStreetsToTheDefault() {
        // Its territory is 江北/渝北/北碚 residents AND Liangjiang SOEs: a municipal SOE's retiree on a listed street
        // is not the zone's.
        String enterprise = enterprise("MUNICIPAL_KEY_SOE", "500112", "500112");
        String retiree = retiree(enterprise, "500112", "500112", "人和街道");
        String plan = plan(enterprise);

        propose(plan);
        assertDecided(roster(plan).get(retiree), DEFAULT, "500112", null, "INSURED_AREA");
    }

    @Test
    void wanshengReceivesTheFormerDistrictInTheZoneWhateverTheInsuredArea() {
        String enterprise = enterprise("MUNICIPAL_KEY_SOE", "500103", "500103");
        String former = retiree(enterprise, "500103", "500110", "万盛街道");
        String restOfQijiang = retiree(enterprise, "500103", "500110", "古南街道");
        String plan = plan(enterprise);

        JsonNode summary = propose(plan);
        assertEquals(1, summary.path("byRule").path("wansheng").asLong(), summary::toString);
        Map<String, JsonNode> roster = roster(plan);
        JsonNode entry = roster.get(former);
        assertDecided(entry, "wansheng", "WSJK", wanshengStreet, "WANSHENG_FORMER_DISTRICT");
        assertEquals("WANSHENG_STREET_OF_RESIDENCE", entry.get("proposal").get("bodyReasonCode").asText(),
                entry::toString);
        assertEquals(List.of("500103 WANSHENG_ZONE_RECEIVES", "500110 WANSHENG_ZONE_RECEIVES"), alternatives(entry),
                entry::toString);
        assertDecided(roster.get(restOfQijiang), DEFAULT, "500103", null, "INSURED_AREA");
    }

    @Test
    void yuzhongReceivesItsOwnEnterprisesRetireesByTheirStreetOffice() {
        String enterprise = enterprise("DISTRICT_SOE", "500103", "500103");
        String onJiefangbei = retiree(enterprise, "500103", "500103", "解放碑街道");
        // an office that is not registered: Yuzhong declines rather than guessing
        String onChaotianmen = retiree(enterprise, "500103", "500103", "朝天门街道");
        String plan = plan(enterprise);

        propose(plan);
        Map<String, JsonNode> roster = roster(plan);
        JsonNode entry = roster.get(onJiefangbei);
        assertDecided(entry, "yuzhong", "500103", jiefangbei, "YUZHONG_STREET_OF_RESIDENCE");
        assertEquals("YUZHONG_STREET_OFFICE", entry.get("proposal").get("bodyReasonCode").asText(), entry::toString);
        assertDecided(roster.get(onChaotianmen), DEFAULT, "500103", null, "INSURED_AREA");

        // enterprise-areas = 500103: another district's SOE retiree living in 渝中 stays with the default
        String jiangbeiSoe = enterprise("DISTRICT_SOE", "500105", "500105");
        String living = retiree(jiangbeiSoe, "500105", "500103", "解放碑街道");
        String jiangbeiPlan = plan(jiangbeiSoe);
        propose(jiangbeiPlan);
        assertDecided(roster(jiangbeiPlan).get(living), DEFAULT, "500105", null, "INSURED_AREA");
    }

    @Test
    void wanzhouReceivesItsOwnEnterprisesRetireesByTheDesignatedDepartment() {
        String enterprise = enterprise("DISTRICT_SOE", "500101", "500101");
        String inWanzhou = retiree(enterprise, "500101", "500101", "高笋塘街道");
        String inFuling = retiree(enterprise, "500101", "500102", "敦仁街道");
        String plan = plan(enterprise);

        propose(plan);
        Map<String, JsonNode> roster = roster(plan);
        JsonNode entry = roster.get(inWanzhou);
        assertDecided(entry, "wanzhou", "500101", wanzhouDepartment, "WANZHOU_DESIGNATED_DEPARTMENT");
        assertDecided(roster.get(inFuling), DEFAULT, "500101", null, "INSURED_AREA");
    }

    @Test
    void aDisabledPluginHandsItsRetireesBackToTheMunicipalDefault() {
        String enterprise = enterprise("LIANGJIANG_SOE", "500109", "500109");
        String retiree = retiree(enterprise, "500109", "500109", "蔡家岗街道");
        String plan = plan(enterprise);
        propose(plan);
        assertDecided(roster(plan).get(retiree), "liangjiang", "LJXQ", liangjiangCentre,
                "LIANGJIANG_TERRITORY_STREET");

        try {
            JsonNode disabled = ok(PluginJars.act(admin, "liangjiang", "disable")).json();
            assertFalse(disabled.get("enabled").asBoolean(), disabled::toString);
            assertFalse(plugin("liangjiang").get("runningHere").asBoolean());

            JsonNode summary = propose(plan);
            assertEquals(1, summary.get("changed").asLong(), summary::toString);
            assertEquals(1, summary.path("byRule").path(DEFAULT).asLong(), summary::toString);
            JsonNode entry = roster(plan).get(retiree);
            assertDecided(entry, DEFAULT, "500109", null, "INSURED_AREA");
            JsonNode before = entry.get("changedFrom");
            assertEquals("LJXQ", before.path("areaCode").asText(), entry::toString);
            assertEquals(liangjiangCentre, before.path("receivingBodyId").asText(), entry::toString);
            assertEquals("LIANGJIANG_TERRITORY_STREET", before.path("reasonCode").asText(), entry::toString);
        } finally {
            // the other tests count on liangjiang running
            ok(PluginJars.act(admin, "liangjiang", "enable"));
        }
        propose(plan);
        JsonNode again = roster(plan).get(retiree);
        assertDecided(again, "liangjiang", "LJXQ", liangjiangCentre, "LIANGJIANG_TERRITORY_STREET");
        assertEquals("INSURED_AREA", again.get("changedFrom").path("reasonCode").asText(), again::toString);
    }

    @Test
    void aThrowingPluginIsCountedAndTheMunicipalDefaultDecides() {
        install(PluginJars.made("throwing", PluginJars.COMPATIBLE, ThrowingRule.class), "throwing");
        String enterprise = enterprise("MUNICIPAL_KEY_SOE", "500106", "500106");
        String retiree = retiree(enterprise, "500106", "500106", "小龙坎街道");
        String plan = plan(enterprise);

        propose(plan);
        assertDecided(roster(plan).get(retiree), DEFAULT, "500106", null, "INSURED_AREA");
        JsonNode plugin = plugin("throwing");
        assertTrue(plugin.get("runningHere").asBoolean(), plugin::toString);
        JsonNode failures = plugin.get("failures");
        assertTrue(failures.get("exceptions").asLong() >= 1, failures::toString);
        assertFalse(failures.get("quarantined").asBoolean(), "an exception alone does not quarantine: " + failures);

        JsonNode health = pluginsHealth();
        assertEquals("DEGRADED", health.path("data").path("state").asText(), health::toString);
        assertTrue(health.path("data").path("throwing").asText().startsWith("DEGRADED"), health::toString);
    }

    @Test
    void aHangingPluginTimesOutOnceIsQuarantinedAndNotWaitedForAgain() {
        install(PluginJars.made("hanging", PluginJars.COMPATIBLE, HangingRule.class), "hanging");
        String enterprise = enterprise("MUNICIPAL_KEY_SOE", "500107", "500107");
        // two in its territory: without quarantine each would wait out the time-out
        String first = retiree(enterprise, "500107", "500107", "杨家坪街道");
        String second = retiree(enterprise, "500107", "500107", "谢家湾街道");
        String plan = plan(enterprise);

        propose(plan);
        Map<String, JsonNode> roster = roster(plan);
        assertDecided(roster.get(first), DEFAULT, "500107", null, "INSURED_AREA");
        assertDecided(roster.get(second), DEFAULT, "500107", null, "INSURED_AREA");
        JsonNode failures = plugin("hanging").get("failures");
        assertEquals(1, failures.get("timeouts").asLong(), failures::toString);
        assertTrue(failures.get("quarantined").asBoolean(), failures::toString);

        propose(plan);
        JsonNode after = plugin("hanging").get("failures");
        assertEquals(1, after.get("timeouts").asLong(), "a quarantined plugin is not called again: " + after);

        JsonNode health = pluginsHealth();
        assertEquals("DEGRADED", health.path("data").path("state").asText(), health::toString);
        assertTrue(health.path("data").path("hanging").asText().contains("quarantined"), health::toString);
    }

    @Test
    void aProposalOutsideThePluginsTerritoryIsDiscarded() {
        install(PluginJars.made("outside", PluginJars.COMPATIBLE, OutsideTerritoryRule.class), "outside");
        String enterprise = enterprise("MUNICIPAL_KEY_SOE", "500108", "500108");
        String retiree = retiree(enterprise, "500108", "500108", "南坪街道");
        String plan = plan(enterprise);

        propose(plan);
        // the plugin proposed 500103, which its territory does not allow
        assertDecided(roster(plan).get(retiree), DEFAULT, "500108", null, "INSURED_AREA");
        JsonNode failures = plugin("outside").get("failures");
        assertTrue(failures.get("territoryViolations").asLong() >= 1, failures::toString);
    }

    @Test
    void aQuarantinedPluginIsTrustedAgainWhenRestartedAndCanBeReplacedByAFixedVersion() {
        install(PluginJars.made("mended", PluginJars.COMPATIBLE, ProposalHangingRule.class), "mended");
        String enterprise = enterprise("MUNICIPAL_KEY_SOE", "500113", "500113");
        String retiree = retiree(enterprise, "500113", "500113", "鱼洞街道");
        String plan = plan(enterprise);
        propose(plan);
        assertTrue(plugin("mended").get("failures").get("quarantined").asBoolean());

        // docs/plugins.md: quarantined "until an administrator stops and starts it"
        ok(PluginJars.act(admin, "mended", "stop"));
        ok(PluginJars.act(admin, "mended", "start"));
        JsonNode restarted = plugin("mended").get("failures");
        assertFalse(restarted.get("quarantined").asBoolean(), restarted::toString);
        assertEquals(0, restarted.get("timeouts").asLong(), restarted::toString);
        propose(plan);
        assertEquals(1, plugin("mended").get("failures").get("timeouts").asLong(), "asked again after the restart");

        // The district fixes its rule: disabled, the new jar uploaded, enabled; it then decides. The quarantine
        // belongs to the hanging code (PluginFailures: "or it is reinstalled"), not to the new jar's inspection.
        ok(PluginJars.act(admin, "mended", "disable"));
        Api.Response replaced = PluginJars.upload(admin,
                PluginJars.made("mended", PluginJars.COMPATIBLE, ProposalMendedRule.class));
        assertEquals(200, replaced.status(), replaced::toString); // a new version of an installed plugin
        ok(PluginJars.act(admin, "mended", "enable"));
        propose(plan);
        assertDecided(roster(plan).get(retiree), "mended", "500113", null, "MENDED_DISTRICT_RECEIVES");
        assertFalse(plugin("mended").get("failures").get("quarantined").asBoolean());
    }

    @Test
    void anEnabledPluginThatDoesNotLoadHereShowsAsDegraded() {
        Api.Response uploaded = PluginJars.upload(admin,
                PluginJars.made("unloadable", PluginJars.COMPATIBLE, ProposalDecliningRule.class));
        assertEquals(201, uploaded.status(), uploaded::toString);
        // stored bytes that no longer match their SHA-256: the host refuses to load them
        platform.update("UPDATE platform.plugins SET jar = ? WHERE id = 'unloadable'",
                "not the uploaded jar".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ok(PluginJars.act(admin, "unloadable", "enable"));

        // docs/plugins.md: failures show in GET /admin/plugins and in /observe/health; enabled but not running here
        // is the plugin's worst failure on this instance
        JsonNode plugin = plugin("unloadable");
        assertFalse(plugin.get("runningHere").asBoolean(), plugin::toString);
        assertTrue(plugin.get("failures").get("exceptions").asLong() >= 1, plugin::toString);
        JsonNode health = pluginsHealth();
        assertEquals("DEGRADED", health.path("data").path("state").asText(), health::toString);
        assertTrue(health.path("data").path("unloadable").asText().startsWith("DEGRADED"), health::toString);
    }

    @Test
    void aPluginSpeakingInTheMunicipalDefaultsCodesIsNotTakenAtItsWord() {
        install(PluginJars.made("mimic", PluginJars.COMPATIBLE, ProposalMimicRule.class), "mimic");
        String enterprise = enterprise("MUNICIPAL_KEY_SOE", "500115", "500115");
        String retiree = retiree(enterprise, "500115", "500115", "凤城街道");
        String plan = plan(enterprise);

        // Its proposal would pass for the default's (INSURED_AREA, NO_BODY_DETERMINED): the host discards it, the
        // default decides in its own name, and the plugin's breach of the contract is counted.
        JsonNode summary = propose(plan);
        assertEquals(1, summary.path("byRule").path(DEFAULT).asLong(), summary::toString);
        assertDecided(roster(plan).get(retiree), DEFAULT, "500115", null, "INSURED_AREA");
        JsonNode failures = plugin("mimic").get("failures");
        assertTrue(failures.get("contractViolations").asLong() >= 1, failures::toString);
        ok(PluginJars.act(admin, "mimic", "disable"));
    }

    // ---- helpers ----

    private static void assertDecided(JsonNode entry, String rule, String area, String body, String reason) {
        assertNotNull(entry, "no roster entry");
        JsonNode proposal = entry.get("proposal");
        assertEquals(rule, proposal.get("ruleId").asText(), entry::toString);
        assertEquals(area, proposal.get("areaCode").asText(), entry::toString);
        assertEquals(reason, proposal.get("reasonCode").asText(), entry::toString);
        assertEquals(area, entry.get("receivingAreaCode").asText(), entry::toString);
        if (body != null) {
            assertEquals(body, entry.get("receivingBodyId").asText(), entry::toString);
        }
    }

    private static List<String> alternatives(JsonNode entry) {
        List<String> all = new ArrayList<>();
        entry.get("proposal").get("alternatives").forEach(a -> all.add(a.get("areaCode").asText() + " "
                + a.get("reasonCode").asText()));
        return all;
    }

    /** Uploads and enables, as the platform admin. */
    private static void install(byte[] jar, String id) {
        Api.Response uploaded = PluginJars.upload(admin, jar);
        assertEquals(201, uploaded.status(), uploaded::toString);
        JsonNode enabled = ok(PluginJars.act(admin, id, "enable")).json();
        assertTrue(enabled.get("runningHere").asBoolean(), enabled::toString);
    }

    private static JsonNode plugin(String id) {
        return ok(admin.get("/api/v1/admin/plugins/" + id)).json();
    }

    /** The plugins check of this instance's health: always UP, its data saying how the plugins fare. */
    private static JsonNode pluginsHealth() {
        Api.Response health = platform.api().get("/observe/health");
        assertEquals(200, health.status(), health::toString);
        assertEquals("UP", health.json().get("status").asText(), health::toString);
        for (JsonNode check : health.json().get("checks")) {
            if (check.path("name").asText().equals("plugins")) {
                assertEquals("UP", check.path("status").asText(), check::toString);
                return check;
            }
        }
        throw new AssertionError("no plugins check in " + health);
    }

    private static Api municipalAdmin() {
        String username = "plugins-municipal";
        Api.Response created = admin.post("/api/v1/admin/users", Map.of("username", username, "displayName",
                "测试 市级管理员", "password", PASSWORD, "roles", List.of("MUNICIPAL_ADMIN")));
        assertEquals(201, created.status(), created::toString);
        return platform.api().login(username, PASSWORD);
    }

    private static String enterprise(String category, String insured, String location) {
        String first17 = "9150000" + String.format("%010d", SEQUENCE.incrementAndGet());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("creditCode", first17 + CreditCode.checkCharacter(first17));
        body.put("name", "插件测试企业" + SEQUENCE.get());
        body.put("category", category);
        body.put("insuredAreaCode", insured);
        body.put("locationAreaCode", location);
        Api.Response created = municipal.post("/api/v1/enterprises", body);
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    private static String body(String area, String name, String kind) {
        Api.Response created = municipal.post("/api/v1/areas/" + area + "/receiving-bodies",
                Map.of("nameZh", name, "kind", kind));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    private static String retiree(String enterprise, String insured, String residenceArea, String street) {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 3000);
        String first17 = "500198" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", n % 1000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enterpriseId", enterprise);
        body.put("idNumber", first17 + ResidentIdNumber.checkCharacter(first17));
        body.put("name", "退休" + n);
        body.put("retirementDate", "2012-06-30");
        body.put("retireeType", "RETIRED");
        body.put("insuredAreaCode", insured);
        body.put("residenceAddress", "某路 " + n + " 号");
        body.put("residenceAreaCode", residenceArea);
        body.put("residenceStreet", street);
        Api.Response created = municipal.post("/api/v1/retirees", body);
        // the status only: the request and answer carry an ID number
        assertEquals(201, created.status(), "POST retiree answered " + created.status());
        return created.json().get("id").asText();
    }

    private static String plan(String enterprise) {
        Api.Response created = municipal.post(PLANS, Map.of("enterpriseId", enterprise));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    private static JsonNode propose(String plan) {
        return ok(municipal.post(PLANS + "/" + plan + "/roster:propose", Map.of())).json();
    }

    private static Map<String, JsonNode> roster(String plan) {
        JsonNode page = ok(municipal.get(PLANS + "/" + plan + "/roster?limit=500")).json();
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        page.get("items").forEach(e -> entries.put(e.get("retireeId").asText(), e));
        return entries;
    }

    private static Api.Response ok(Api.Response response) {
        assertEquals(200, response.status(), response::toString);
        return response;
    }
}
