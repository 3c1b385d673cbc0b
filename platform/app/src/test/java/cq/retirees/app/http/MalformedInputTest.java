package cq.retirees.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static cq.retirees.app.testing.ProblemAssertions.assertFieldError;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static cq.retirees.app.http.HttpChecks.assertStatus;
import static cq.retirees.app.http.HttpChecks.auditorDraft;
import static cq.retirees.app.http.HttpChecks.userCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every class of malformed input is refused with a 4xx problem document that names the fault, never a 500, and a
 * refused request changes nothing. The platform runs with a 2 KiB JSON limit so the size cap is cheap to reach.
 */
class MalformedInputTest {

    private static final int JSON_LIMIT = 2048;
    private static final String USERS = "/api/v1/admin/users";
    private static final String AREAS = "/api/v1/areas";

    private static TestPlatform platform;
    private static Api admin;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(MalformedInputTest.class, Map.of("http.max-json-bytes", Integer.toString(JSON_LIMIT)));
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    // --- the body is not a JSON object -------------------------------------------------------------------------

    @Test
    void truncatedJsonIsMalformed() {
        JsonNode problem = assertProblem(postUserJson("{\"username\":"), 400, "MALFORMED_JSON");
        assertTrue(problem.path("errors").isMissingNode(), problem::toString);
    }

    @Test
    void malformedJsonOnTheAnonymousLoginIsMalformedToo() {
        assertProblem(platform.api().send("POST", "/api/v1/auth/login", "application/json",
                utf8("{\"username\": \"admin\" \"password\": \"x\"}")), 400, "MALFORMED_JSON");
    }

    /** Overlong forms ("/" as C0 AF, "." as E0 80 AE), an encoded surrogate, a stray byte, a cut-off character. */
    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "E080AE", "EDA0BD", "FFFE", "E4B8"})
    void aBodyThatIsNotUtf8IsRefusedWhole(String hex) {
        byte[] prefix = "{\"username\":\"not.utf8\",\"displayName\":\"王".getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        byte[] suffix = "\",\"password\":\"long-enough-password\",\"roles\":[\"AUDITOR\"]}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(bad, 0, body, prefix.length, bad.length);
        System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
        long users = userCount(platform);
        JsonNode problem = assertProblem(admin.send("POST", USERS, "application/json", body), 400, "BODY_NOT_UTF8");
        assertTrue(problem.get("detail").asText().contains(String.valueOf(prefix.length)), problem::toString);
        assertEquals(users, userCount(platform));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"username\":\"a\"} {}", "{\"username\":\"a\"}]", "{\"username\":\"a\"} 1"})
    void aSecondValueAfterTheObjectIsMalformed(String body) {
        assertProblem(postUserJson(body), 400, "MALFORMED_JSON");
    }

    @Test
    void duplicateKeysAreMalformed() {
        assertProblem(postUserJson("{\"username\":\"a\",\"username\":\"b\"}"), 400, "MALFORMED_JSON");
    }

    @Test
    void anEmptyBodyIsRequired() {
        assertProblem(admin.send("POST", USERS, "application/json", new byte[0]), 400, "BODY_REQUIRED");
        assertProblem(admin.send("POST", USERS, "application/json", null), 400, "BODY_REQUIRED");
    }

    @Test
    void aJsonArrayIsNotAnObject() {
        assertProblem(postUserJson("[]"), 400, "BODY_NOT_AN_OBJECT");
        assertProblem(postUserJson("[{\"username\":\"someone\"}]"), 400, "BODY_NOT_AN_OBJECT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "\"text\"", "true"})
    void aJsonScalarIsNotAnObject(String body) {
        assertProblem(postUserJson(body), 400, "BODY_NOT_AN_OBJECT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /api/v1/admin/users", "POST /api/v1/areas", "POST /api/v1/auth/login",
            "PATCH /api/v1/admin/users/{adminId}", "POST /api/v1/areas/500103/retirement"})
    void aJsonNullIsNotAnObject(String route) {
        String[] parts = route.replace("{adminId}", adminId()).split(" ");
        Api caller = admin.withHeader("If-Match", "\"1\"");
        assertProblem(caller.send(parts[0], parts[1], "application/json", utf8("null")), 400, "BODY_NOT_AN_OBJECT");
        assertProblem(caller.send(parts[0], parts[1], "application/json", utf8(" null ")), 400, "BODY_NOT_AN_OBJECT");
    }

    // --- media type and size --------------------------------------------------------------------------------------

    @Test
    void plainTextIsAnUnsupportedMediaType() {
        String body = "{\"username\":\"plain.text\"}";
        JsonNode problem = assertProblem(admin.send("POST", USERS, "text/plain", utf8(body)), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertTrue(problem.path("detail").asText().contains("application/json"), problem::toString);
    }

    @Test
    void aMissingContentTypeIsAnUnsupportedMediaType() {
        assertProblem(admin.send("POST", USERS, null, utf8("{\"username\":\"no.type\"}")), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void jsonWithACharsetParameterIsAccepted() {
        Api.Response created = admin.send("POST", USERS, "application/json; charset=UTF-8",
                cq.retirees.infra.http.Json.bytes(auditorDraft("charset.ok")));
        assertStatus(201, created);
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        byte[] body = oversizedUserDraft();
        JsonNode problem = assertProblem(admin.send("POST", USERS, "application/json", body), 413, "PAYLOAD_TOO_LARGE");
        // The detail names the limit (formatted for the reader's locale, e.g. "2,048").
        assertTrue(problem.path("detail").asText().replaceAll("[,\\s]", "").contains(Integer.toString(JSON_LIMIT)),
                problem::toString);
    }

    @Test
    void anAnonymousLoginOverTheLimitIsTooLarge() {
        String padding = "x".repeat(JSON_LIMIT);
        byte[] body = utf8("{\"username\":\"admin\",\"password\":\"" + padding + "\"}");
        assertProblem(platform.api().send("POST", "/api/v1/auth/login", "application/json", body), 413,
                "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aChunkedBodyWithoutDeclaredLengthOverTheLimitIsTooLarge() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.platform().port() + USERS))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin.token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversizedUserDraft())))
                .build();
        HttpResponse<byte[]> raw = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertProblem(new Api.Response(raw.statusCode(), raw.headers().map(), raw.body()), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        // The size check must not refuse what fits: this body is valid JSON under the limit and fails validation.
        String name = "x".repeat(200);
        Api.Response response = admin.post(USERS, Map.of("username", name, "displayName", "d",
                "password", "p".repeat(20), "roles", List.of("AUDITOR")));
        assertFieldError(response, "username", "USERNAME_INVALID");
    }

    // --- fields ---------------------------------------------------------------------------------------------------

    @Test
    void anUnknownFieldIsNamed() {
        Api.Response response = postUserJson("{\"username\":\"unknown.field\",\"displayName\":\"x\","
                + "\"password\":\"long-enough-password\",\"roles\":[\"AUDITOR\"],\"nickname\":\"bob\"}");
        JsonNode problem = assertFieldError(response, "nickname", "UNKNOWN_FIELD");
        assertTrue(problem.path("errors").get(0).path("message").asText().contains("nickname"), problem::toString);
    }

    @Test
    void aNumberWhereAListOfStringsIsExpectedIsTheWrongType() {
        Api.Response response = postUserJson("{\"username\":\"wrong.type\",\"displayName\":\"x\","
                + "\"password\":\"long-enough-password\",\"roles\":5}");
        assertFieldError(response, "roles", "INVALID_FIELD_TYPE");
    }

    @Test
    void aStringWhereAListIsExpectedIsTheWrongType() {
        Api.Response response = postUserJson("{\"username\":\"wrong.type2\",\"displayName\":\"x\","
                + "\"password\":\"long-enough-password\",\"roles\":[\"DISTRICT_OPERATOR\"],\"areaCodes\":\"500103\"}");
        assertFieldError(response, "areaCodes", "INVALID_FIELD_TYPE");
    }

    @Test
    void anObjectWhereAStringIsExpectedIsTheWrongType() {
        Api.Response response = postUserJson("{\"username\":{\"first\":\"a\"},\"displayName\":\"x\","
                + "\"password\":\"long-enough-password\",\"roles\":[\"AUDITOR\"]}");
        assertFieldError(response, "username", "INVALID_FIELD_TYPE");
    }

    @Test
    void anImpossibleDateInAnAreaDraftIsInvalid() {
        Api.Response response = admin.post(AREAS, Map.of("code", "500199", "nameZh", "测试区",
                "namePinyin", "Ceshi Qu", "kind", "DISTRICT", "validFrom", "2020-02-30"));
        assertFieldError(response, "validFrom", "DATE_INVALID");
        assertEquals(0, platform.count("SELECT count(*) FROM registry.areas WHERE code = '500199'"));
    }

    @Test
    void aDateInTheWrongFormatInAnAreaDraftIsInvalid() {
        Api.Response response = admin.post(AREAS, Map.of("code", "500199", "nameZh", "测试区",
                "namePinyin", "Ceshi Qu", "kind", "DISTRICT", "validFrom", "01/02/2020"));
        assertFieldError(response, "validFrom", "DATE_INVALID");
    }

    @Test
    void anImpossibleDateInAQueryIsInvalid() {
        assertFieldError(admin.get(AREAS + "?at=2020-02-30"), "at", "DATE_INVALID");
    }

    // --- lists ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "abc", "-1", "", "1.5"})
    void anInvalidLimitIsRefused(String limit) {
        assertFieldError(admin.get(AREAS + "?limit=" + limit), "limit", "INVALID_LIMIT");
        assertFieldError(admin.get(USERS + "?limit=" + limit), "limit", "INVALID_LIMIT");
    }

    @Test
    void theLimitBoundsAreAccepted() {
        assertStatus(200, admin.get(AREAS + "?limit=1"));
        assertStatus(200, admin.get(AREAS + "?limit=500"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "!!!", "e30", "WyI1MDAxMDMiXQ", "WyI1MDAxMDMiLCJ4Il0", "WzEsMiwzXQ",
            "WyI1MDAxMDMiLG51bGxd", "bnVsbA", "bnVsbA=="})
    void aGarbageAreaCursorIsRefused(String cursor) {
        // e30 = {}, WyI1MDAxMDMiXQ = ["500103"], WyI1MDAxMDMiLCJ4Il0 = ["500103","x"], WzEsMiwzXQ = [1,2,3],
        // WyI1MDAxMDMiLG51bGxd = ["500103",null], bnVsbA = null (a 500 once)
        assertProblem(admin.get(AREAS + "?limit=5&cursor=" + cursor), 400, "INVALID_CURSOR");
    }

    /** Java reads years beyond four digits; PostgreSQL cannot store them (each was a 500 once). */
    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "+10000-01-01", "-4714-01-01"})
    void aDateBeyondFourDigitYearsIsInvalidInAQueryAndInABody(String date) {
        String encoded = java.net.URLEncoder.encode(date, StandardCharsets.UTF_8);
        assertFieldError(admin.get(AREAS + "?at=" + encoded), "at", "DATE_INVALID");
        assertFieldError(admin.post(AREAS, Map.of("code", "500199", "nameZh", "测试区", "namePinyin", "Ceshi Qu",
                "kind", "DISTRICT", "validFrom", date)), "validFrom", "DATE_INVALID");
    }

    @Test
    void aDateGivenAsAnArrayIsHeldToTheSameYears() {
        assertFieldError(admin.send("POST", AREAS, "application/json", utf8("{\"code\":\"500199\",\"nameZh\":\"测试区\","
                + "\"namePinyin\":\"Ceshi Qu\",\"kind\":\"DISTRICT\",\"validFrom\":[999999999,12,31]}")),
                "validFrom", "DATE_INVALID");
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/areas?cursor=%00, cursor, 1", "/api/v1/audit-events?actor=ad%00min, actor, 3",
            "/api/v1/areas/5001%0003, path, 19", "/api/v1/audit-events?actor=a%1Bb, actor, 2",
            "/api/v1/retirees?q=%E2%80%AE, q, 1", "/api/v1/areas?a%00=1, query, 2"})
    void aRefusedCharacterInTheUrlIsRefusedBeforeAnyHandler(String url, String field, int position) {
        JsonNode problem = assertFieldError(admin.get(url), field, "TEXT_CHARACTER_NOT_ALLOWED");
        String message = problem.path("errors").get(0).path("message").asText();
        assertTrue(message.contains("第 " + position + " 个字符"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "e30", "WyJhIiwiYiJd"})
    void aGarbageUserCursorIsRefused(String cursor) {
        // WyJhIiwiYiJd = ["a","b"]: a cursor of another list's shape
        assertProblem(admin.get(USERS + "?cursor=" + cursor), 400, "INVALID_CURSOR");
    }

    @ParameterizedTest
    @ValueSource(strings = {AREAS, USERS, "/api/v1/areas/500103/receiving-bodies"})
    void aCursorCarryingANulCharacterIsRefusedNotAServerError(String list) {
        String cursor = list.equals(USERS) ? cursor("\u0000") : list.equals(AREAS) ? cursor("\u0000", "1")
                : cursor("\u0000", "00000000-0000-0000-0000-000000000000");
        assertProblem(admin.get(list + "?cursor=" + cursor), 400, "INVALID_CURSOR");
    }

    @Test
    void aNulCharacterInAUserDisplayNameIsRefusedNotAServerError() {
        Api.Response response = admin.post(USERS, Map.of("username", "nul.display", "displayName", "王\u0000五",
                "password", "long-enough-password", "roles", List.of("AUDITOR")));
        assertFieldErrorOn(response, "displayName");
        assertEquals(0, platform.count("SELECT count(*) FROM security.users WHERE username = 'nul.display'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udfff", "a\\udc00b", "\\ud83d"})
    void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark(String escaped) {
        long users = userCount(platform);
        assertFieldError(postUserJson("{\"username\":\"lone.surrogate\",\"displayName\":\"王"
                + escaped + "\",\"password\":\"long-enough-password\",\"roles\":[\"AUDITOR\"]}"), "displayName",
                "TEXT_CHARACTER_NOT_ALLOWED");
        assertEquals(users, userCount(platform));
    }

    @Test
    void aPairedSurrogateIsACharacterLikeAnyOther() {
        assertStatus(201, postUserJson("{\"username\":\"paired.surrogate\",\"displayName\":\"王\\ud83d\\ude00\","
                + "\"password\":\"long-enough-password\",\"roles\":[\"AUDITOR\"]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1e309", "true", "-0.5"})
    void aNumberOrBooleanWhereTextIsExpectedIsTheWrongType(String value) {
        long users = userCount(platform);
        assertFieldError(postUserJson("{\"username\":\"coerced.text\",\"displayName\":" + value
                + ",\"password\":\"long-enough-password\",\"roles\":[\"AUDITOR\"]}"), "displayName",
                "INVALID_FIELD_TYPE");
        assertEquals(users, userCount(platform));
    }

    @Test
    void aNulCharacterInAnAreaNameIsRefusedNotAServerError() {
        Api.Response response = admin.post(AREAS, Map.of("code", "500199", "nameZh", "测\u0000试区",
                "namePinyin", "Ceshi Qu", "kind", "DISTRICT", "validFrom", "2026-01-01"));
        assertFieldErrorOn(response, "nameZh");
    }

    @Test
    void aNulCharacterInALoginNameIsRefusedNotAServerError() {
        Api.Response response = platform.api().post("/api/v1/auth/login",
                Map.of("username", "ad\u0000min", "password", "whatever-password"));
        // Either answer is right: the name is invalid (400), or no such user can log in (401).
        assertTrue(response.status() == 400 || response.status() == 401, response::toString);
        assertProblem(response, response.status(), response.status() == 400 ? "VALIDATION_FAILED" : "LOGIN_FAILED");
    }

    // --- routes and authentication ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/no-such-thing", "POST /api/v1/areas/500103/no-such-thing",
            "GET /api/v1/admin", "DELETE /api/v1/no-such-thing/1"})
    void anUnknownApiRouteIsAProblemDocument(String request) {
        String[] parts = request.split(" ");
        JsonNode problem = assertProblem(admin.send(parts[0], parts[1], null, null), 404, "ROUTE_NOT_FOUND");
        assertEquals(parts[1], problem.path("instance").asText());
    }

    @Test
    void noBearerTokenIsUnauthenticated() {
        assertUnauthenticated(platform.api().get("/api/v1/auth/me"));
        assertUnauthenticated(platform.api().get(AREAS));
        assertUnauthenticated(platform.api().post(USERS, auditorDraft("anonymous.try")));
    }

    @Test
    void aGarbageBearerTokenIsUnauthenticated() {
        assertUnauthenticated(platform.api().withToken("not-a-real-token").get("/api/v1/auth/me"));
        assertUnauthenticated(platform.api().withToken("x".repeat(300)).get("/api/v1/auth/me"));
        assertUnauthenticated(platform.api().withHeader("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/auth/me"));
        assertUnauthenticated(platform.api().withHeader("Authorization", "Bearer").get("/api/v1/auth/me"));
    }

    @Test
    void aLoggedOutTokenIsUnauthenticated() {
        Api session = platform.admin();
        assertStatus(200, session.get("/api/v1/auth/me"));
        assertStatus(204, session.post("/api/v1/auth/logout", null));
        assertUnauthenticated(session.get("/api/v1/auth/me"));
    }

    // --- language -------------------------------------------------------------------------------------------------

    @Test
    void theSameErrorReadsInEnglishOrChinese() {
        byte[] body = utf8("{\"username\":");
        Api.Response english = admin.withHeader("Accept-Language", "en").send("POST", USERS, "application/json", body);
        Api.Response chinese = admin.withHeader("Accept-Language", "zh-CN").send("POST", USERS, "application/json", body);
        Api.Response unspecified = admin.send("POST", USERS, "application/json", body);

        JsonNode en = assertProblem(english, 400, "MALFORMED_JSON");
        JsonNode zh = assertProblem(chinese, 400, "MALFORMED_JSON");
        JsonNode byDefault = assertProblem(unspecified, 400, "MALFORMED_JSON");

        assertEquals("Malformed JSON", en.path("title").asText());
        assertEquals("JSON 格式错误", zh.path("title").asText());
        assertNotEquals(en.path("detail").asText(), zh.path("detail").asText());
        assertEquals(zh, byDefault, "Chinese is the default language");
        assertEquals("en", english.header("Content-Language"));
        assertEquals("zh-CN", chinese.header("Content-Language"));
    }

    @Test
    void fieldErrorMessagesAreTranslatedToo() {
        String body = "{\"username\":\"lang.test\",\"nickname\":\"x\"}";
        JsonNode en = assertFieldError(admin.withHeader("Accept-Language", "en")
                .send("POST", USERS, "application/json", utf8(body)), "nickname", "UNKNOWN_FIELD");
        JsonNode zh = assertFieldError(admin.withHeader("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .send("POST", USERS, "application/json", utf8(body)), "nickname", "UNKNOWN_FIELD");
        assertEquals("Invalid request", en.path("title").asText());
        assertNotEquals(en.path("errors").get(0).path("message").asText(),
                zh.path("errors").get(0).path("message").asText());
    }

    @Test
    void anUnauthenticatedRefusalIsTranslated() {
        JsonNode en = assertProblem(platform.api().withHeader("Accept-Language", "en").get(AREAS), 401, "UNAUTHENTICATED");
        JsonNode zh = assertProblem(platform.api().get(AREAS), 401, "UNAUTHENTICATED");
        assertEquals("Not logged in", en.path("title").asText());
        assertEquals("未登录", zh.path("title").asText());
    }

    // --- nothing changes ------------------------------------------------------------------------------------------

    @Test
    void rejectedCreationsChangeNothing() {
        long usersBefore = userCount(platform);
        long keysBefore = platform.count("SELECT count(*) FROM platform.idempotency_keys");

        Api keyed = admin.withHeader("Idempotency-Key", "rejected-creations");
        assertProblem(postUserJson("{\"username\":"), 400, "MALFORMED_JSON");
        assertProblem(keyed.send("POST", USERS, "application/json", utf8("[]")), 400, "BODY_NOT_AN_OBJECT");
        assertProblem(keyed.send("POST", USERS, "text/plain", cq.retirees.infra.http.Json.bytes(auditorDraft("rejected.one"))),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(keyed.send("POST", USERS, "application/json", oversizedUserDraft()), 413, "PAYLOAD_TOO_LARGE");
        assertFieldError(keyed.post(USERS, Map.of("username", "rejected.two", "displayName", "x",
                "password", "short", "roles", List.of("AUDITOR"))), "password", "PASSWORD_TOO_SHORT");
        assertFieldError(keyed.post(USERS, Map.of("username", "rejected.three", "displayName", "x",
                "password", "long-enough-password", "roles", List.of("DISTRICT_OPERATOR"))), "areaCodes",
                "SCOPE_AREAS_REQUIRED");
        assertUnauthenticated(platform.api().post(USERS, auditorDraft("rejected.four")));

        assertEquals(usersBefore, userCount(platform), "no user was created by a refused request");
        assertEquals(keysBefore, platform.count("SELECT count(*) FROM platform.idempotency_keys"),
                "a refused request does not use up its Idempotency-Key");
        assertEquals(0, platform.count("SELECT count(*) FROM security.users WHERE username LIKE 'rejected.%'"));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static Api.Response postUserJson(String json) {
        return admin.send("POST", USERS, "application/json", utf8(json));
    }

    /** A 400 VALIDATION_FAILED that blames {@code field}, whatever field code the server chose. */
    private static void assertFieldErrorOn(Api.Response response, String field) {
        JsonNode problem = assertProblem(response, 400, "VALIDATION_FAILED");
        assertEquals(field, problem.path("errors").path(0).path("field").asText(null), response::toString);
    }

    private static String adminId() {
        return admin.get("/api/v1/auth/me").json().get("id").asText();
    }

    private static void assertUnauthenticated(Api.Response response) {
        assertProblem(response, 401, "UNAUTHENTICATED");
        String challenge = response.header("WWW-Authenticate");
        assertNotNull(challenge, () -> "no WWW-Authenticate on " + response);
        assertTrue(challenge.startsWith("Bearer"), challenge);
    }

    /** A well-formed user draft larger than the JSON limit. */
    private static byte[] oversizedUserDraft() {
        return cq.retirees.infra.http.Json.bytes(Map.of("username", "too.large", "displayName", "x".repeat(JSON_LIMIT),
                "password", "long-enough-password", "roles", List.of("AUDITOR")));
    }

    /** A cursor in the server's own encoding (base64url of a JSON array of strings) with chosen keys. */
    private static String cursor(String... keys) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cq.retirees.infra.http.Json.bytes(List.of(keys)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
