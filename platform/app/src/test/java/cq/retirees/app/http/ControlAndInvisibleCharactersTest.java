package cq.retirees.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import cq.retirees.kernel.CreditCode;
import cq.retirees.kernel.ResidentIdNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static cq.retirees.app.testing.ProblemAssertions.assertFieldError;
import static cq.retirees.app.http.HttpChecks.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Control characters, zero-width characters and bidirectional controls are refused in every free text: the field
 * error names the character (U+XXXX and its name) and its position, in Chinese and in English, without echoing the
 * text, and nothing is stored. Multi-line texts keep line breaks and tabs; every text is stored in NFC.
 */
class ControlAndInvisibleCharactersTest {

    /** ESC, BEL, TAB, LF, DEL, then zero-width space and the bidirectional marks, embeddings, overrides, isolates. */
    private static final List<Integer> TRIED = List.of(0x1B, 0x07, 0x09, 0x0A, 0x7F, 0x200B, 0x200F, 0x202A, 0x202E,
            0x2066, 0x2069);
    private static final String PETITIONS = "/api/v1/petitions";
    private static final String PASSWORD = "a-long-enough-password";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(700);

    private static TestPlatform platform;
    private static Api admin;
    private static Api municipal;
    private static String enterprise;
    private static String plan;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(ControlAndInvisibleCharactersTest.class);
        admin = platform.admin();
        assertStatus(201, admin.post("/api/v1/admin/users", Map.of("username", "text-municipal",
                "displayName", "市级管理员", "password", PASSWORD, "roles", List.of("MUNICIPAL_ADMIN"))));
        municipal = platform.api().login("text-municipal", PASSWORD);
        Api.Response created = municipal.post("/api/v1/enterprises", enterpriseDraft("测试企业"));
        assertStatus(201, created);
        enterprise = created.json().get("id").asText();
        assertStatus(201, admin.post("/api/v1/admin/users", Map.of("username", "text-enterprise",
                "displayName", "企业经办人", "password", PASSWORD, "roles", List.of("ENTERPRISE_OPERATOR"),
                "enterpriseIds", List.of(enterprise))));
        Api operator = platform.api().login("text-enterprise", PASSWORD);
        Api.Response planned = operator.post("/api/v1/handover-plans", Map.of("enterpriseId", enterprise));
        assertStatus(201, planned);
        plan = planned.json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** Where a name-like (single-line) text goes in, what it is called there, and where it would be stored. */
    private record Target(String what, String path, String field, String table,
                          Function<String, Map<String, Object>> body) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static List<Target> singleLineTargets() {
        return List.of(
                new Target("enterprise name", "/api/v1/enterprises", "name", "registry.enterprises",
                        ControlAndInvisibleCharactersTest::enterpriseDraft),
                new Target("receiving-body name", "/api/v1/areas/500103/receiving-bodies", "nameZh",
                        "registry.receiving_bodies", name -> Map.of("nameZh", name, "kind", "STREET")),
                new Target("user display name", "/api/v1/admin/users", "displayName", "security.users",
                        name -> Map.of("username", "text-user-" + SEQUENCE.incrementAndGet(), "displayName", name,
                                "password", PASSWORD, "roles", List.of("AUDITOR"))),
                new Target("petition responsible unit", PETITIONS, "responsibleUnit", "handover.petitions",
                        unit -> petitionDraft("反映养老金发放问题。", unit)),
                new Target("retiree name", "/api/v1/retirees", "name", "registry.retirees",
                        ControlAndInvisibleCharactersTest::retireeDraft));
    }

    static Stream<Arguments> everyTriedCharacterInEveryNameField() {
        List<Arguments> cases = new ArrayList<>();
        for (Target target : singleLineTargets()) {
            for (int c : TRIED) {
                cases.add(Arguments.of(target, notation(c)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} in the {0}")
    @MethodSource("everyTriedCharacterInEveryNameField")
    void aNameWithTheCharacterIsRefusedNamingItAndItsPosition(Target target, String character) {
        String text = "测试" + Character.toString(Integer.parseInt(character.substring(2), 16)) + "名称";
        long before = platform.count("SELECT count(*) FROM " + target.table());
        Api.Response chinese = admin(target).post(target.path(), target.body().apply(text));
        assertRefusalNames(chinese, target.field(), character, "第 3 个字符");
        Api.Response english = admin(target).withHeader("Accept-Language", "en")
                .post(target.path(), target.body().apply(text));
        assertRefusalNames(english, target.field(), character, "Character 3");
        assertEquals(before, platform.count("SELECT count(*) FROM " + target.table()), "something was stored");
    }

    @Test
    void theEnglishMessageGivesTheCharactersName() {
        Api.Response refused = municipal.withHeader("Accept-Language", "en")
                .post("/api/v1/enterprises", enterpriseDraft("ab\u202Ecd"));
        String message = assertFieldError(refused, "name", "TEXT_CHARACTER_NOT_ALLOWED")
                .path("errors").get(0).path("message").asText();
        assertTrue(message.contains("U+202E RIGHT-TO-LEFT OVERRIDE"), message);
        assertTrue(message.contains("3"), message);
    }

    static Stream<String> refusedEvenOnSeveralLines() {
        return TRIED.stream().filter(c -> c != '\t' && c != '\n').map(ControlAndInvisibleCharactersTest::notation);
    }

    @ParameterizedTest(name = "{0} in a petition text")
    @MethodSource("refusedEvenOnSeveralLines")
    void aMultiLineTextRefusesEveryOtherCharacter(String character) {
        long before = platform.count("SELECT count(*) FROM handover.petitions");
        String text = "反映" + Character.toString(Integer.parseInt(character.substring(2), 16)) + "问题";
        assertRefusalNames(municipal.post(PETITIONS, petitionDraft(text, "企业信访办")), "content", character,
                "第 3 个字符");
        assertEquals(before, platform.count("SELECT count(*) FROM handover.petitions"));
    }

    @Test
    void aMultiLineTextKeepsLineBreaksAndTabsWithLineEndsAsLineFeeds() {
        Api.Response created = municipal.post(PETITIONS,
                petitionDraft("第一行\r\n\t第二行\r第三行\n第四行", "企业信访办"));
        assertStatus(201, created);
        assertEquals("第一行\n\t第二行\n第三行\n第四行", created.json().get("content").asText());
        assertEquals(List.of("第一行\n\t第二行\n第三行\n第四行"), platform.strings(
                "SELECT content FROM handover.petitions WHERE id = ?::uuid", created.json().get("id").asText()));
    }

    @Test
    void anAddressMayHaveSeveralLinesButANameMayNot() {
        Map<String, Object> draft = retireeDraft("王五");
        draft.put("residenceAddress", "渝中区解放碑街道\n民族路 1 号");
        Api.Response created = municipal.post("/api/v1/retirees", draft);
        assertStatus(201, created);
        assertEquals("渝中区解放碑街道\n民族路 1 号", created.json().get("residenceAddress").asText());
    }

    @Test
    void textIsStoredComposedNotDecomposed() {
        String decomposed = "Cafe\u0301 测试企业";
        Api.Response created = municipal.post("/api/v1/enterprises", enterpriseDraft(decomposed));
        assertStatus(201, created);
        assertEquals("Caf\u00E9 测试企业", created.json().get("name").asText());
        assertEquals(List.of("Caf\u00E9 测试企业"), platform.strings(
                "SELECT name FROM registry.enterprises WHERE id = ?::uuid", created.json().get("id").asText()));
    }

    @Test
    void compatibilityFormsAreKeptNotFolded() {
        // NFC, not NFKC: a full-width letter or the ideographic space inside a name is the person's own writing
        Api.Response created = municipal.post("/api/v1/retirees", retireeDraft("Ｗang\u3000伟"));
        assertStatus(201, created);
        assertEquals("Ｗang\u3000伟", created.json().get("name").asText());
    }

    @Test
    void aNameSearchIsHeldToTheSameRule() {
        Api.Response refused = municipal.get("/api/v1/retirees?q=" + java.net.URLEncoder.encode("王\u202E五",
                java.nio.charset.StandardCharsets.UTF_8));
        assertRefusalNames(refused, "q", "U+202E", "第 2 个字符");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static Api admin(Target target) {
        return target.path().startsWith("/api/v1/admin") ? admin : municipal;
    }

    private static void assertRefusalNames(Api.Response response, String field, String character, String position) {
        JsonNode problem = assertFieldError(response, field, "TEXT_CHARACTER_NOT_ALLOWED");
        String message = problem.path("errors").get(0).path("message").asText();
        assertTrue(message.contains(character), () -> "no " + character + " in " + message);
        assertTrue(message.contains(position), () -> "no position in " + message);
        assertFalse(message.contains("测试") || message.contains("名称") || message.contains("反映"),
                () -> "the text is echoed: " + message);
    }

    private static String notation(int c) {
        return String.format("U+%04X", c);
    }

    private static Map<String, Object> enterpriseDraft(String name) {
        String first17 = "9150000" + String.format("%010d", SEQUENCE.incrementAndGet());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("creditCode", first17 + CreditCode.checkCharacter(first17));
        body.put("name", name);
        body.put("category", "MUNICIPAL_KEY_SOE");
        body.put("insuredAreaCode", "500103");
        body.put("locationAreaCode", "500103");
        return body;
    }

    private static Map<String, Object> retireeDraft(String name) {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 3000);
        String first17 = "500198" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", n % 1000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enterpriseId", enterprise);
        body.put("idNumber", first17 + ResidentIdNumber.checkCharacter(first17));
        body.put("name", name);
        body.put("retirementDate", "2012-06-30");
        body.put("insuredAreaCode", "500103");
        body.put("residenceAddress", "民族路 1 号");
        body.put("residenceAreaCode", "500103");
        return body;
    }

    private static Map<String, Object> petitionDraft(String content, String responsibleUnit) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("planId", plan);
        draft.put("channel", "VISIT");
        draft.put("content", content);
        draft.put("receivedOn", LocalDate.now().toString());
        draft.put("responsibleUnit", responsibleUnit);
        return draft;
    }
}
