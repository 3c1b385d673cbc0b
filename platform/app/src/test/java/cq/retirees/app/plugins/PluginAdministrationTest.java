package cq.retirees.app.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.plugins.fixtures.AdminAuditedRule;
import cq.retirees.app.plugins.fixtures.AdminQuietRule;
import cq.retirees.app.plugins.fixtures.AdminStuckConstructorRule;
import cq.retirees.app.plugins.fixtures.FileOpeningRule;
import cq.retirees.app.plugins.fixtures.OverlappingWanshengRule;
import cq.retirees.app.plugins.fixtures.ReflectiveRule;
import cq.retirees.app.plugins.fixtures.ThrowingRule;
import cq.retirees.app.plugins.fixtures.UnknownCodesRule;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import cq.retirees.kernel.CreditCode;
import cq.retirees.kernel.ResidentIdNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;

import static cq.retirees.app.plugins.PluginJars.COMPATIBLE;
import static cq.retirees.app.plugins.PluginJars.act;
import static cq.retirees.app.plugins.PluginJars.built;
import static cq.retirees.app.plugins.PluginJars.made;
import static cq.retirees.app.plugins.PluginJars.upload;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin admin API end to end (docs/plugins.md): the four district plugins install and run together; the
 * verifier's refusals reach the administrator with their reasons; overlapping territories and out-of-order
 * lifecycle steps are refused; only platform administrators may touch plugins; every change is audited; and a
 * plugin that throws is reported while the request it was asked about still succeeds.
 *
 * <p>One platform for the class. The first test installs the four real plugins and leaves them enabled (the later
 * tests rely on wansheng being installed, and check their plugins overlap none of the four); every other test
 * works on plugins of its own, made from the fixtures, each with a territory no other enabled plugin governs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginAdministrationTest {

    private static final String PLUGINS = "/api/v1/admin/plugins";
    private static final List<String> DISTRICT_PLUGINS = List.of("liangjiang", "wansheng", "yuzhong", "wanzhou");
    /** The first admin's username, as the audit trail names the actor. */
    private static final String ADMIN = "admin";
    private static final String PASSWORD = "a-long-enough-password";
    private static final String YUZHONG = "500103";
    private static final String SHAPINGBA = "500106";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(700);

    private static TestPlatform platform;
    private static Api admin;
    private static Api municipal;
    private static Api auditor;

    @BeforeAll
    static void start() {
        // A short call time-out: nothing here should wait on a plugin for the default second.
        platform = TestPlatform.start(PluginAdministrationTest.class, Map.of("plugins.call-timeout", "PT2S",
                "plugins.inspection-timeout", "PT1S"));
        admin = platform.admin();
        municipal = user("plugins-municipal", "MUNICIPAL_ADMIN");
        auditor = user("plugins-auditor", "AUDITOR");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    // ---- 1. the four district plugins ----

    @Test
    @Order(1)
    void theFourDistrictPluginsInstallDisabledOnceAndRunTogether() {
        Map<String, List<String>> residence = Map.of("liangjiang", List.of("500105", "500109", "500112"),
                "wansheng", List.of("500110"), "yuzhong", List.of(YUZHONG), "wanzhou", List.of("500101"));
        Map<String, List<String>> receiving = Map.of("liangjiang", List.of("LJXQ"), "wansheng", List.of("WSJK"),
                "yuzhong", List.of(YUZHONG), "wanzhou", List.of("500101"));
        for (String id : DISTRICT_PLUGINS) {
            Api.Response first = upload(admin, built(id));
            assertEquals(201, first.status(), first::toString);
            assertEquals(PLUGINS + "/" + id, first.header("Location"), first::toString);
            JsonNode plugin = first.json();
            assertEquals(id, plugin.get("id").asText(), first::toString);
            assertStates(plugin, false, false, false);
            JsonNode rule = extension(plugin, "ReceivingRule");
            assertEquals(residence.get(id), texts(rule.get("residenceAreas")), plugin::toString);
            assertEquals(receiving.get(id), texts(rule.get("receivingAreas")), plugin::toString);
            // each district plugin also adapts its receiving area's services
            assertEquals(receiving.get(id), texts(extension(plugin, "ServiceOfferingProvider").get("receivingAreas")),
                    plugin::toString);

            // the same bytes again: found, not installed a second time
            Api.Response again = upload(admin, built(id));
            assertEquals(200, again.status(), again::toString);
            assertEquals(plugin.get("sha256").asText(), again.json().get("sha256").asText());
            assertEquals(plugin.get("installedAt").asText(), again.json().get("installedAt").asText());
            assertEquals(1, audited("PLUGIN_INSTALLED", id), id + " installed once");
        }

        Map<String, JsonNode> listed = listed();
        for (String id : DISTRICT_PLUGINS) {
            JsonNode plugin = listed.get(id);
            assertTrue(plugin != null, () -> id + " not listed: " + listed.keySet());
            Attributes manifest = manifest(built(id));
            assertEquals(manifest.getValue("Plugin-Version"), plugin.get("version").asText(), plugin::toString);
            assertEquals(manifest.getValue("Plugin-Provider"), plugin.get("provider").asText(), plugin::toString);
            assertEquals(manifest.getValue("Plugin-Requires"), plugin.get("requires").asText(), plugin::toString);
            assertFalse(plugin.get("extensions").isEmpty(), plugin::toString);
            assertStates(plugin, false, false, false);
            assertNoFailures(plugin);
        }

        // Their territories do not overlap, so all four may run at once.
        for (String id : DISTRICT_PLUGINS) {
            Api.Response enabled = act(admin, id, "enable");
            assertEquals(200, enabled.status(), enabled::toString);
            assertStates(enabled.json(), true, true, true);
        }
        Map<String, JsonNode> running = listed();
        for (String id : DISTRICT_PLUGINS) {
            assertStates(running.get(id), true, true, true);
        }
    }

    // ---- 2. the verifier's refusals ----

    @Test
    @Order(2)
    void aJarThatOpensFilesIsRefusedNamingTheClassAndTheReference() {
        JsonNode problem = refused(made("file-opener", COMPATIBLE, FileOpeningRule.class));
        JsonNode error = error(problem, "FORBIDDEN_REFERENCE", FileOpeningRule.class.getName());
        assertTrue(error.get("message").asText().contains("java.io."), problem::toString);
        assertNotStored("file-opener");
    }

    @Test
    @Order(2)
    void aJarThatReflectsIsRefusedNamingTheReflection() {
        JsonNode problem = refused(made("reflector", COMPATIBLE, ReflectiveRule.class));
        List<String> messages = new ArrayList<>();
        for (JsonNode error : problem.get("errors")) {
            if (error.get("code").asText().equals("FORBIDDEN_REFERENCE")
                    && error.get("field").asText().equals(ReflectiveRule.class.getName())) {
                messages.add(error.get("message").asText());
            }
        }
        assertTrue(messages.stream().anyMatch(m -> m.contains("java.lang.Class.forName")
                || m.contains("getDeclaredMethods")), problem::toString);
        assertNotStored("reflector");
    }

    @Test
    @Order(2)
    void aPluginWhoseExtensionNeverFinishesBeingCreatedIsRefusedAndHoldsNothingUp() {
        // Creating an extension runs its constructor: plugin code, guarded by the inspection's time limit.
        JsonNode problem = refused(made("stuck", COMPATIBLE, AdminStuckConstructorRule.class));
        error(problem, "PLUGIN_DOES_NOT_LOAD", "stuck");
        assertNotStored("stuck");
        assertEquals(200, admin.get(PLUGINS).status(), "the host still answers");
    }

    @Test
    @Order(2)
    void aJarBuiltForAnotherSpiIsRefusedNamingBothVersions() {
        JsonNode problem = refused(made("future", ">=2.0.0", ThrowingRule.class));
        JsonNode error = error(problem, "SPI_VERSION_INCOMPATIBLE", ">=2.0.0");
        assertTrue(error.get("message").asText().contains(">=2.0.0"), problem::toString);
        assertTrue(error.get("message").asText().contains("1.0.0"), problem::toString);
        assertNotStored("future");
    }

    @Test
    @Order(2)
    void whatIsNotAJarIsRefusedAndAnUploadNeedsAJarBody() {
        JsonNode problem = refused("这不是一个 jar 包".getBytes(StandardCharsets.UTF_8));
        assertTrue(codes(problem).contains("JAR_UNREADABLE"), problem::toString);

        byte[] jar = made("wrong-type", COMPATIBLE, AdminQuietRule.class);
        assertProblem(admin.send("POST", PLUGINS, "application/json", jar), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(admin.send("POST", PLUGINS, "text/plain", jar), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(upload(admin, new byte[0]), 400, "PLUGIN_JAR_REQUIRED");
        assertNotStored("wrong-type");
    }

    // ---- 3. territories ----

    @Test
    @Order(3)
    void aPluginWhoseTerritoryOverlapsAnEnabledOneCannotBeEnabledUntilThatOneIsDisabled() {
        ensureEnabled("wansheng");
        Api.Response uploaded = upload(admin, made("qijiang-rival", COMPATIBLE, OverlappingWanshengRule.class));
        assertEquals(201, uploaded.status(), uploaded::toString); // an overlap is no reason to refuse the jar

        JsonNode overlap = assertProblem(act(admin, "qijiang-rival", "enable"), 409, "PLUGIN_TERRITORY_OVERLAP");
        String detail = overlap.get("detail").asText();
        assertTrue(detail.contains("qijiang-rival") && detail.contains("wansheng"), overlap::toString);
        assertStates(plugin("qijiang-rival"), false, false, false);
        assertStates(plugin("wansheng"), true, true, true);

        assertEquals(200, act(admin, "wansheng", "disable").status());
        Api.Response enabled = act(admin, "qijiang-rival", "enable");
        assertEquals(200, enabled.status(), enabled::toString);
        assertStates(enabled.json(), true, true, true);
        // and the other way round: now wansheng is the one refused
        JsonNode back = assertProblem(act(admin, "wansheng", "enable"), 409, "PLUGIN_TERRITORY_OVERLAP");
        assertTrue(back.get("detail").asText().contains("qijiang-rival"), back::toString);

        // restore: wansheng governs 綦江 again, the rival goes
        assertEquals(200, act(admin, "qijiang-rival", "disable").status());
        assertEquals(204, admin.delete(PLUGINS + "/qijiang-rival").status());
        assertEquals(200, act(admin, "wansheng", "enable").status());
        assertStates(plugin("wansheng"), true, true, true);
    }

    @Test
    @Order(3)
    void aPluginWhoseTerritoryNamesCodesTheRegistryDoesNotHaveCannotBeEnabled() {
        Api.Response uploaded = upload(admin, made("unknown-codes", COMPATIBLE, UnknownCodesRule.class));
        assertEquals(201, uploaded.status(), uploaded::toString);

        JsonNode refused = assertProblem(act(admin, "unknown-codes", "enable"), 422, "PLUGIN_TERRITORY_UNKNOWN");
        String detail = refused.get("detail").asText();
        assertTrue(detail.contains("500199") && detail.contains("VILLAGE_SOE"), refused::toString);
        assertFalse(detail.contains("500117") || detail.contains("DISTRICT_SOE"), "only the unknown codes: " + detail);
        assertStates(plugin("unknown-codes"), false, false, false);
        assertEquals(204, admin.delete(PLUGINS + "/unknown-codes").status());
    }

    // ---- 4. lifecycle ----

    @Test
    @Order(4)
    void theLifecycleStepsAreRefusedOutOfOrder() {
        byte[] first = made("lifecycle", COMPATIBLE, AdminQuietRule.class);
        byte[] second = made("lifecycle", ">=1.0.0", AdminQuietRule.class); // same id, other bytes
        JsonNode installed = created(upload(admin, first));
        assertProblem(act(admin, "lifecycle", "start"), 409, "PLUGIN_NOT_ENABLED");
        assertStates(plugin("lifecycle"), false, false, false);

        // a new version replaces a disabled plugin, which stays disabled; a replacement is no creation: 200
        JsonNode replaced = ok(upload(admin, second));
        assertEquals(">=1.0.0", replaced.get("requires").asText(), replaced::toString);
        assertNotEquals(installed.get("sha256").asText(), replaced.get("sha256").asText());
        assertStates(replaced, false, false, false);
        assertEquals(2, audited("PLUGIN_INSTALLED", "lifecycle"));

        assertStates(ok(act(admin, "lifecycle", "enable")), true, true, true);
        // an enabled plugin is not replaced under the running instances' feet
        assertProblem(upload(admin, first), 409, "PLUGIN_ENABLED");
        assertEquals(">=1.0.0", plugin("lifecycle").get("requires").asText());
        assertEquals(2, audited("PLUGIN_INSTALLED", "lifecycle"));

        // stop pauses (it stays enabled), start resumes
        assertStates(ok(act(admin, "lifecycle", "stop")), true, false, false);
        assertStates(plugin("lifecycle"), true, false, false);
        assertStates(ok(act(admin, "lifecycle", "start")), true, true, true);
        // asking for the state it is in changes nothing and is not audited
        long starts = audited("PLUGIN_STARTED", "lifecycle");
        assertStates(ok(act(admin, "lifecycle", "start")), true, true, true);
        assertStates(ok(act(admin, "lifecycle", "enable")), true, true, true);
        assertEquals(starts, audited("PLUGIN_STARTED", "lifecycle"));
        assertEquals(1, audited("PLUGIN_ENABLED_BY_ADMIN", "lifecycle"));

        assertProblem(admin.delete(PLUGINS + "/lifecycle"), 409, "PLUGIN_ENABLED");
        assertStates(plugin("lifecycle"), true, true, true);

        assertStates(ok(act(admin, "lifecycle", "disable")), false, false, false);
        Api.Response deleted = admin.delete(PLUGINS + "/lifecycle");
        assertEquals(204, deleted.status(), deleted::toString);
        assertProblem(admin.get(PLUGINS + "/lifecycle"), 404, "NOT_FOUND");
        assertFalse(listed().containsKey("lifecycle"));
        assertNotStored("lifecycle");
    }

    @Test
    @Order(4)
    void anUnknownPluginIsNotFound() {
        String unknown = PLUGINS + "/no-such-plugin";
        assertProblem(admin.get(unknown), 404, "NOT_FOUND");
        for (String action : List.of("enable", "disable", "start", "stop")) {
            assertProblem(act(admin, "no-such-plugin", action), 404, "NOT_FOUND");
        }
        assertProblem(admin.delete(unknown), 404, "NOT_FOUND");
        assertNotStored("no-such-plugin");
    }

    // ---- 5. platform administrators only ----

    @Test
    @Order(5)
    void onlyPlatformAdministratorsMayTouchPlugins() {
        created(upload(admin, made("guarded", COMPATIBLE, AdminQuietRule.class)));
        byte[] sneaky = made("sneaky", COMPATIBLE, AdminAuditedRule.class);
        for (Api outsider : List.of(municipal, auditor)) {
            for (Api.Response refused : everyRoute(outsider, "guarded", sneaky)) {
                assertProblem(refused, 403, "ROLE_REQUIRED");
            }
        }
        Api anonymous = platform.api();
        for (Api.Response refused : everyRoute(anonymous, "guarded", sneaky)) {
            assertEquals(401, refused.status(), refused::toString);
        }
        // none of those requests changed anything
        assertNotStored("sneaky");
        assertStates(plugin("guarded"), false, false, false);
        assertEquals(0, audited("PLUGIN_ENABLED_BY_ADMIN", "guarded") + audited("PLUGIN_DELETED", "guarded"));
        assertEquals(204, admin.delete(PLUGINS + "/guarded").status());
    }

    // ---- 6. the audit trail ----

    @Test
    @Order(6)
    void everyChangeIsAuditedWithTheAdministratorAsActorAndEveryRefusalAsAccessDenied() {
        created(upload(admin, made("audited", COMPATIBLE, AdminAuditedRule.class)));
        ok(act(admin, "audited", "enable"));
        ok(act(admin, "audited", "stop"));
        ok(act(admin, "audited", "start"));
        ok(act(admin, "audited", "disable"));
        long denials = deniedPluginRoutes("plugins-auditor");
        assertProblem(act(auditor, "audited", "enable"), 403, "ROLE_REQUIRED");
        assertEquals(denials + 1, deniedPluginRoutes("plugins-auditor"), "the refused attempt is audited");
        assertEquals(204, admin.delete(PLUGINS + "/audited").status());

        for (String action : List.of("PLUGIN_INSTALLED", "PLUGIN_ENABLED_BY_ADMIN", "PLUGIN_STOPPED",
                "PLUGIN_STARTED", "PLUGIN_DISABLED", "PLUGIN_DELETED")) {
            assertEquals(1, platform.count("SELECT count(*) FROM audit.events WHERE action = ? AND entity_id = ?"
                    + " AND entity_type = 'plugin' AND actor_name = ? AND outcome = 'SUCCESS'", action, "audited",
                    ADMIN), action);
        }
        // the refused attempt left no plugin event of its own
        assertEquals(1, audited("PLUGIN_ENABLED_BY_ADMIN", "audited"));
    }

    // ---- 7. a failing plugin ----

    @Test
    @Order(7)
    void aThrowingPluginIsReportedWhileTheRequestSucceedsAndTheInstanceStaysUp() {
        created(upload(admin, made("throwing", COMPATIBLE, ThrowingRule.class)));
        assertStates(ok(act(admin, "throwing", "enable")), true, true, true);

        // a retiree living in 沙坪坝 (the rule's territory) of an enterprise insured in 渝中
        String enterprise = enterprise(YUZHONG);
        retiree(enterprise, YUZHONG, SHAPINGBA);
        String plan = ok(municipal.post("/api/v1/handover-plans", Map.of("enterpriseId", enterprise)), 201)
                .get("id").asText();
        JsonNode summary = ok(municipal.post("/api/v1/handover-plans/" + plan + "/roster:propose", Map.of()));
        assertEquals(1, summary.get("byRule").path("municipal-default").asLong(), summary::toString);
        JsonNode roster = ok(municipal.get("/api/v1/handover-plans/" + plan + "/roster?limit=10"));
        assertEquals(1, roster.get("items").size(), "one entry");
        assertEquals("municipal-default", roster.get("items").get(0).get("proposal").get("ruleId").asText());

        JsonNode failures = plugin("throwing").get("failures");
        assertTrue(failures.get("exceptions").asLong() >= 1, failures::toString);
        assertStates(plugin("throwing"), true, true, true); // an exception does not quarantine

        Api.Response health = platform.api().get("/observe/health");
        assertEquals(200, health.status(), health::toString);
        assertEquals("UP", health.json().get("status").asText(), health::toString);
        JsonNode check = check(health.json(), "plugins");
        assertEquals("UP", check.get("status").asText(), check::toString);
        assertEquals("DEGRADED", check.get("data").get("state").asText(), check::toString);
        assertTrue(check.get("data").get("throwing").asText().startsWith("DEGRADED"), check::toString);

        String metrics = platform.api().get("/observe/metrics").text();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("plugins_extension_failures_total{")
                && line.contains("plugin=\"throwing\"") && line.contains("kind=\"exception\"")),
                "failure counted in the metrics");
    }

    // ---- helpers ----

    private static Api user(String username, String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "测试 " + username);
        body.put("password", PASSWORD);
        body.put("roles", List.of(role));
        Api.Response created = admin.post("/api/v1/admin/users", body);
        assertEquals(201, created.status(), created::toString);
        return platform.api().login(username, PASSWORD);
    }

    /** Every plugin route once, as {@code caller}: list, read, upload, the four state changes, delete. */
    private static List<Api.Response> everyRoute(Api caller, String id, byte[] jar) {
        return List.of(caller.get(PLUGINS), caller.get(PLUGINS + "/" + id), upload(caller, jar),
                act(caller, id, "enable"), act(caller, id, "disable"), act(caller, id, "start"),
                act(caller, id, "stop"), caller.delete(PLUGINS + "/" + id));
    }

    /** Installs a district plugin if an earlier test has not, and enables it if it is not. */
    private static void ensureEnabled(String id) {
        int uploaded = upload(admin, built(id)).status();
        assertTrue(uploaded == 200 || uploaded == 201, () -> id + " upload answered " + uploaded);
        if (!plugin(id).get("enabled").asBoolean()) {
            ok(act(admin, id, "enable"));
        }
    }

    private static JsonNode plugin(String id) {
        return ok(admin.get(PLUGINS + "/" + id));
    }

    private static Map<String, JsonNode> listed() {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        ok(admin.get(PLUGINS)).get("items").forEach(p -> byId.put(p.get("id").asText(), p));
        return byId;
    }

    private static void assertStates(JsonNode plugin, boolean enabled, boolean started, boolean runningHere) {
        assertEquals(enabled, plugin.get("enabled").asBoolean(), () -> "enabled: " + plugin);
        assertEquals(started, plugin.get("started").asBoolean(), () -> "started: " + plugin);
        assertEquals(runningHere, plugin.get("runningHere").asBoolean(), () -> "runningHere: " + plugin);
    }

    private static void assertNoFailures(JsonNode plugin) {
        JsonNode failures = plugin.get("failures");
        for (String count : List.of("exceptions", "timeouts", "territoryViolations")) {
            assertEquals(0, failures.get(count).asLong(), () -> count + ": " + plugin);
        }
        assertFalse(failures.get("quarantined").asBoolean(), plugin::toString);
    }

    private static JsonNode extension(JsonNode plugin, String point) {
        for (JsonNode extension : plugin.get("extensions")) {
            if (extension.get("point").asText().equals(point)) {
                return extension;
            }
        }
        throw new AssertionError("no " + point + " in " + plugin);
    }

    /** A 422 PLUGIN_REFUSED, every error naming its subject and code. */
    private static JsonNode refused(byte[] jar) {
        JsonNode problem = assertProblem(upload(admin, jar), 422, "PLUGIN_REFUSED");
        assertTrue(problem.get("errors").isArray() && !problem.get("errors").isEmpty(), problem::toString);
        for (JsonNode error : problem.get("errors")) {
            assertFalse(error.path("field").asText("").isBlank(), problem::toString);
            assertFalse(error.path("code").asText("").isBlank(), problem::toString);
            assertFalse(error.path("message").asText("").isBlank(), problem::toString);
        }
        return problem;
    }

    private static JsonNode error(JsonNode problem, String code, String field) {
        for (JsonNode error : problem.get("errors")) {
            if (error.get("code").asText().equals(code) && error.get("field").asText().equals(field)) {
                return error;
            }
        }
        throw new AssertionError("no " + code + " about " + field + " in " + problem);
    }

    private static List<String> codes(JsonNode problem) {
        return problem.get("errors").findValuesAsText("code");
    }

    private static void assertNotStored(String id) {
        assertEquals(0, platform.count("SELECT count(*) FROM platform.plugins WHERE id = ?", id), id + " stored");
    }

    private static long audited(String action, String entityId) {
        return platform.count("SELECT count(*) FROM audit.events WHERE action = ? AND entity_id = ?", action,
                entityId);
    }

    private static long deniedPluginRoutes(String username) {
        return platform.count("SELECT count(*) FROM audit.events WHERE action = 'ACCESS_DENIED'"
                + " AND outcome = 'DENIED' AND actor_name = ? AND entity_id LIKE '%/admin/plugins%'", username);
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no " + name + " check in " + health);
    }

    private static Attributes manifest(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            return in.getManifest().getMainAttributes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static JsonNode ok(Api.Response response) {
        return ok(response, 200);
    }

    private static JsonNode created(Api.Response response) {
        return ok(response, 201);
    }

    private static JsonNode ok(Api.Response response, int status) {
        assertEquals(status, response.status(), response::toString);
        return response.json();
    }

    private static String enterprise(String area) {
        String first17 = "9150000" + String.format("%010d", SEQUENCE.incrementAndGet());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("creditCode", first17 + CreditCode.checkCharacter(first17));
        body.put("name", "插件测试企业" + SEQUENCE.get());
        body.put("category", "MUNICIPAL_KEY_SOE");
        body.put("insuredAreaCode", area);
        body.put("locationAreaCode", area);
        return ok(municipal.post("/api/v1/enterprises", body), 201).get("id").asText();
    }

    /** A retiree, made with a generated ID number that no message of this test ever shows. */
    private static void retiree(String enterpriseId, String insured, String residence) {
        int n = SEQUENCE.incrementAndGet();
        String first17 = "500198" + "19550101" + String.format("%03d", n % 1000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enterpriseId", enterpriseId);
        body.put("idNumber", first17 + ResidentIdNumber.checkCharacter(first17));
        body.put("name", "退休" + n);
        body.put("retirementDate", "2012-06-30");
        body.put("retireeType", "RETIRED");
        body.put("insuredAreaCode", insured);
        body.put("residenceAddress", "某路 " + n + " 号");
        body.put("residenceAreaCode", residence);
        Api.Response created = municipal.post("/api/v1/retirees", body);
        assertEquals(201, created.status(), () -> "retiree not created: " + created.status() + " "
                + created.json().path("code").asText());
    }
}
