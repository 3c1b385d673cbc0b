package cq.retirees.app.retirees;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import cq.retirees.infra.http.Json;
import cq.retirees.kernel.ResidentIdNumber;
import cq.retirees.registry.events.RetireeDied;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static cq.retirees.app.retirees.RegistryFixture.RETIREES;
import static cq.retirees.app.testing.ProblemAssertions.assertFieldError;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static cq.retirees.app.retirees.RegistryFixture.enterprise;
import static cq.retirees.app.retirees.RegistryFixture.etag;
import static cq.retirees.app.retirees.RegistryFixture.freshIdNumber;
import static cq.retirees.app.retirees.RegistryFixture.hasFieldError;
import static cq.retirees.app.retirees.RegistryFixture.idNumber;
import static cq.retirees.app.retirees.RegistryFixture.masked;
import static cq.retirees.app.retirees.RegistryFixture.randomId;
import static cq.retirees.app.retirees.RegistryFixture.register;
import static cq.retirees.app.retirees.RegistryFixture.retiree;
import static cq.retirees.app.retirees.RegistryFixture.retireeDraft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registering retirees, revealing their sensitive fields, correcting the record and recording a death. */
class RetireesTest {

    private static final Queue<RetireeDied> DEATHS = new ConcurrentLinkedQueue<>();

    private static TestPlatform platform;
    private static Api admin;
    private static Api municipal;
    private static Api auditor;
    private static Api yuzhong;
    private static Api operatorOfFirst;
    private static String first;
    private static String second;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(RetireesTest.class);
        platform.platform().events().subscribe(RetireeDied.class, DEATHS::add);
        admin = platform.admin();
        municipal = RegistryFixture.municipal(platform, admin, "ret.municipal");
        auditor = RegistryFixture.auditor(platform, admin, "ret.auditor");
        yuzhong = RegistryFixture.district(platform, admin, "ret.yuzhong", "500103");
        first = enterprise(municipal, "重庆甲钢铁集团有限公司", "500103", "500103");
        second = enterprise(municipal, "重庆乙建工集团有限公司", "500105", "500105");
        operatorOfFirst = RegistryFixture.enterpriseOperator(platform, admin, "ret.first", first);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    // --- registration ------------------------------------------------------------------------------------------------

    @Test
    void aRegisteredRetireeComesBackMaskedWithSexAndBirthDateFromTheIdNumber() {
        String id = idNumber(0, LocalDate.of(1950, 1, 1), 1);
        Map<String, Object> draft = retireeDraft(first, id, "王小明", "500103");
        draft.put("phone", "13812341234");
        draft.put("partyMember", "是");
        draft.put("partyOrganisation", "重庆甲钢铁集团离退休党支部");
        Api.Response created = municipal.post(RETIREES, draft);
        assertEquals(201, created.status(), created::toString);
        JsonNode body = created.json();

        assertEquals(masked(id), body.get("idNumber").asText());
        assertEquals("5001**********" + id.substring(14), body.get("idNumber").asText());
        assertEquals("138****1234", body.get("phone").asText());
        assertTrue(body.get("partyMember").isNull(), created::toString);
        assertTrue(body.get("partyOrganisation").isNull(), created::toString);
        assertEquals(0, body.get("revealed").size());
        assertEquals("MALE", body.get("sex").asText());
        assertEquals("1950-01-01", body.get("birthDate").asText());
        assertEquals("2015-06-30", body.get("retirementDate").asText());
        assertEquals("RETIRED", body.get("retireeType").asText());
        assertEquals("AT_ENTERPRISE", body.get("status").asText());
        assertEquals(first, body.get("enterpriseId").asText());
        assertEquals(1, body.get("version").asLong());
        assertEquals("\"1\"", created.header("ETag"));
        assertFalse(created.text().contains(id), "the ID number in clear in " + created);
        assertFalse(created.text().contains("13812341234"), "the phone in clear in " + created);

        String retireeId = body.get("id").asText();
        Api.Response read = municipal.get(RETIREES + "/" + retireeId);
        assertEquals(200, read.status(), read::toString);
        assertEquals(masked(id), read.json().get("idNumber").asText());
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals(1, platform.count("SELECT count(*) FROM audit.events WHERE action = 'RETIREE_REGISTERED'"
                + " AND entity_id = ?", retireeId));
    }

    @Test
    void aFemaleIdNumberGivesAFemaleRetiree() {
        String id = idNumber(1, LocalDate.of(1962, 7, 15), 24);
        JsonNode created = register(operatorOfFirst, retireeDraft(first, id, "王芳", "500103"));
        assertEquals("FEMALE", created.get("sex").asText());
        assertEquals("1962-07-15", created.get("birthDate").asText());
    }

    @Test
    void declaredSexAndBirthDateMustAgreeWithTheIdNumber() {
        String id = idNumber(2, LocalDate.of(1951, 3, 9), 13);
        Map<String, Object> wrongSex = retireeDraft(first, id, "李强", "500103");
        wrongSex.put("sex", "女");
        assertFieldError(municipal.post(RETIREES, wrongSex), "sex", "SEX_MISMATCH_ID_NUMBER");

        Map<String, Object> wrongBirth = retireeDraft(first, id, "李强", "500103");
        wrongBirth.put("birthDate", "1951-03-10");
        assertFieldError(municipal.post(RETIREES, wrongBirth), "birthDate", "BIRTH_DATE_MISMATCH_ID_NUMBER");

        Map<String, Object> agreeing = retireeDraft(first, id, "李强", "500103");
        agreeing.put("sex", "男");
        agreeing.put("birthDate", "1951-03-09");
        assertEquals("MALE", register(municipal, agreeing).get("sex").asText());
    }

    @Test
    void aFirstGenerationNumberIsUpgradedToEighteenCharacters() {
        String fifteen = "500193" + "520304" + "013";
        String first17 = "500193" + "19520304" + "013";
        String eighteen = first17 + ResidentIdNumber.checkCharacter(first17);
        JsonNode created = register(municipal, retireeDraft(first, fifteen, "张建国", "500103"));
        assertEquals(masked(eighteen), created.get("idNumber").asText());
        assertEquals("1952-03-04", created.get("birthDate").asText());
        assertEquals("MALE", created.get("sex").asText());

        Api.Response revealed = municipal.get(RETIREES + "/" + created.get("id").asText() + "?reveal=idNumber");
        assertEquals(eighteen, revealed.json().get("idNumber").asText());

        assertProblem(municipal.post(RETIREES, retireeDraft(first, eighteen, "张建国", "500103")), 409,
                "RETIREE_ALREADY_REGISTERED");
    }

    @Test
    void aLowercaseCheckCharacterIsAccepted() {
        String withX = idNumberEndingInX();
        JsonNode created = register(municipal, retireeDraft(first, withX.toLowerCase(), "刘德兵", "500103"));
        assertTrue(created.get("idNumber").asText().endsWith("X"), created::toString);
        assertEquals(withX, municipal.get(RETIREES + "/" + created.get("id").asText() + "?reveal=idNumber")
                .json().get("idNumber").asText());
    }

    @Test
    void fullWidthDigitsAndSurroundingSpacesAreNormalised() {
        String id = idNumber(4, LocalDate.of(1953, 11, 30), 55);
        String typed = "\u3000" + fullWidth(id) + " ";
        JsonNode created = register(municipal, retireeDraft(first, typed, "陈秀英", "500103"));
        assertEquals(masked(id), created.get("idNumber").asText());
        assertEquals(id, municipal.get(RETIREES + "/" + created.get("id").asText() + "?reveal=idNumber")
                .json().get("idNumber").asText());
        assertProblem(municipal.post(RETIREES, retireeDraft(first, id, "陈秀英", "500103")), 409,
                "RETIREE_ALREADY_REGISTERED");
    }

    @Test
    void aWrongCheckCharacterIsRefusedWithoutEchoingTheNumber() {
        String good = idNumber(5, LocalDate.of(1954, 5, 6), 77);
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        Api.Response refused = municipal.post(RETIREES, retireeDraft(first, bad, "赵六", "500103"));
        JsonNode problem = assertFieldError(refused, "idNumber", "ID_NUMBER_BAD_CHECKSUM");
        assertFalse(problem.path("detail").asText("").contains(bad.substring(0, 17)), refused::toString);
        assertFalse(refused.text().contains(bad.substring(0, 17)), "the ID number echoed: " + refused);
        assertFalse(refused.text().contains(bad.substring(6, 14)), "the birth date echoed: " + refused);
    }

    @Test
    void otherIdNumberFaultsAreNamed() {
        String good = idNumber(6, LocalDate.of(1956, 6, 6), 11);
        assertFieldError(municipal.post(RETIREES, retireeDraft(first, good.substring(0, 16), "甲", "500103")),
                "idNumber", "ID_NUMBER_LENGTH");
        assertFieldError(municipal.post(RETIREES, retireeDraft(first, good.substring(0, 10) + "AB"
                + good.substring(12), "甲", "500103")), "idNumber", "ID_NUMBER_CHARACTERS");
        String foreign = "99" + good.substring(2, 17);
        assertFieldError(municipal.post(RETIREES, retireeDraft(first,
                foreign + ResidentIdNumber.checkCharacter(foreign), "甲", "500103")), "idNumber", "ID_NUMBER_REGION");
        String feb30 = "500196" + "19560230" + "011";
        assertFieldError(municipal.post(RETIREES, retireeDraft(first,
                feb30 + ResidentIdNumber.checkCharacter(feb30), "甲", "500103")), "idNumber", "ID_NUMBER_BIRTH_DATE");
        assertFieldError(municipal.post(RETIREES, retireeDraft(first, "", "甲", "500103")), "idNumber",
                "ID_NUMBER_REQUIRED");
    }

    @Test
    void everyFaultyFieldIsNamed() {
        Map<String, Object> draft = retireeDraft(first, freshIdNumber(true), " ", "500199");
        draft.put("retirementDate", LocalDate.now().plusDays(3).toString());
        draft.put("phone", "12ab");
        draft.put("partyMember", "maybe");
        draft.put("retireeType", "CONTRACTOR");
        draft.put("leaderManagementLevel", "EMPEROR");
        draft.remove("residenceAddress");
        Api.Response refused = municipal.post(RETIREES, draft);
        assertProblem(refused, 400, "VALIDATION_FAILED");
        for (String[] expected : List.of(new String[] {"name", "FIELD_REQUIRED"},
                new String[] {"retirementDate", "DATE_IN_FUTURE"}, new String[] {"phone", "PHONE_INVALID"},
                new String[] {"partyMember", "BOOLEAN_INVALID"}, new String[] {"retireeType", "RETIREE_TYPE_UNKNOWN"},
                new String[] {"leaderManagementLevel", "LEADER_LEVEL_UNKNOWN"},
                new String[] {"residenceAddress", "FIELD_REQUIRED"},
                new String[] {"residenceAreaCode", "AREA_NOT_IN_FORCE"})) {
            assertTrue(hasFieldError(refused, expected[0], expected[1]),
                    () -> expected[0] + " " + expected[1] + " missing in " + refused);
        }
    }

    @Test
    void aRetirementBeforeBirthIsOutOfOrder() {
        String id = idNumber(7, LocalDate.of(1960, 1, 1), 31);
        Map<String, Object> draft = retireeDraft(first, id, "孙七", "500103");
        draft.put("retirementDate", "1959-12-31");
        assertFieldError(municipal.post(RETIREES, draft), "retirementDate", "DATES_OUT_OF_ORDER");
        draft.put("retirementDate", "2020-02-30");
        assertFieldError(municipal.post(RETIREES, draft), "retirementDate", "DATE_INVALID");
        draft.put("retirementDate", "-0001-01-01"); // a year before 1, which PostgreSQL would store as 2 BC
        assertFieldError(municipal.post(RETIREES, draft), "retirementDate", "DATE_INVALID");
    }

    @Test
    void theEnterpriseMustBeNamedAndExist() {
        Map<String, Object> draft = retireeDraft(first, freshIdNumber(true), "周八", "500103");
        draft.remove("enterpriseId");
        assertFieldError(municipal.post(RETIREES, draft), "enterpriseId", "FIELD_REQUIRED");
        draft.put("enterpriseId", "not-a-uuid");
        assertFieldError(municipal.post(RETIREES, draft), "enterpriseId", "ID_INVALID");
        draft.put("enterpriseId", randomId());
        assertProblem(municipal.post(RETIREES, draft), 404, "NOT_FOUND");
    }

    @Test
    void districtOperatorsAndAuditorsDoNotRegisterRetirees() {
        Map<String, Object> draft = retireeDraft(first, freshIdNumber(true), "吴九", "500103");
        assertProblem(yuzhong.post(RETIREES, draft), 403, "ROLE_REQUIRED");
        assertProblem(auditor.post(RETIREES, draft), 403, "ROLE_REQUIRED");
        assertEquals(0, platform.count("SELECT count(*) FROM registry.retirees WHERE name = '吴九'"));
    }

    // --- uniqueness ----------------------------------------------------------------------------------------------------

    @Test
    void onePersonIsRegisteredOnceInTheWholeCity() {
        String id = idNumber(8, LocalDate.of(1949, 10, 1), 99);
        register(municipal, retireeDraft(first, id, "郑十", "500103"));

        Api.Response elsewhere = municipal.post(RETIREES, retireeDraft(second, id, "郑十", "500105"));
        assertProblem(elsewhere, 409, "ID_NUMBER_AT_OTHER_ENTERPRISE");
        assertFalse(elsewhere.text().contains(id), elsewhere::toString);

        Api.Response elsewhereLowercaseFullWidth = municipal.post(RETIREES, retireeDraft(second, " " + fullWidth(id),
                "郑十", "500105"));
        assertProblem(elsewhereLowercaseFullWidth, 409, "ID_NUMBER_AT_OTHER_ENTERPRISE");

        Api.Response again = operatorOfFirst.post(RETIREES, retireeDraft(first, id, "郑十", "500103"));
        assertProblem(again, 409, "RETIREE_ALREADY_REGISTERED");
        assertEquals(1, platform.count("SELECT count(*) FROM registry.retirees WHERE name = '郑十'"));
    }

    // --- reveal --------------------------------------------------------------------------------------------------------

    @Test
    void revealingShowsTheFieldsInClearAndIsAudited() throws Exception {
        String id = freshIdNumber(false);
        Map<String, Object> draft = retireeDraft(first, id, "黄丽", "500103");
        draft.put("phone", "+86 139-0000-1111");
        draft.put("partyMember", "true");
        draft.put("partyOrganisation", "七星岗街道第一党支部");
        String retireeId = register(operatorOfFirst, draft).get("id").asText();
        String path = RETIREES + "/" + retireeId;

        for (Api caller : List.of(municipal, yuzhong, operatorOfFirst)) {
            long before = revealCount(retireeId);
            Api.Response revealed = caller.get(path + "?reveal=idNumber,phone,party");
            assertEquals(200, revealed.status(), revealed::toString);
            JsonNode body = revealed.json();
            assertEquals(id, body.get("idNumber").asText());
            assertEquals("13900001111", body.get("phone").asText());
            assertTrue(body.get("partyMember").asBoolean(), revealed::toString);
            assertEquals("七星岗街道第一党支部", body.get("partyOrganisation").asText());
            assertEquals(List.of("idNumber", "party", "phone"), texts(body.get("revealed")));
            assertEquals(before + 1, revealCount(retireeId));
        }
        List<String> details = platform.strings("SELECT detail FROM audit.events WHERE action = 'FIELD_REVEALED'"
                + " AND entity_id = ? ORDER BY seq", retireeId);
        JsonNode last = Json.mapper().readTree(details.getLast());
        assertEquals("idNumber,party,phone", last.get("fields").asText());
        assertFalse(details.getLast().contains(id), "the audit detail holds the ID number in clear");

        Api.Response onlyPhone = municipal.get(path + "?reveal=phone");
        assertEquals(masked(id), onlyPhone.json().get("idNumber").asText());
        assertEquals("13900001111", onlyPhone.json().get("phone").asText());
        assertTrue(onlyPhone.json().get("partyMember").isNull(), onlyPhone::toString);
        assertEquals("phone", Json.mapper().readTree(platform.strings("SELECT detail FROM audit.events"
                + " WHERE action = 'FIELD_REVEALED' AND entity_id = ? ORDER BY seq DESC LIMIT 1", retireeId)
                .getFirst()).get("fields").asText());

        long before = revealCount(retireeId);
        Api.Response plain = municipal.get(path);
        assertEquals("139****1111", plain.json().get("phone").asText());
        assertEquals(before, revealCount(retireeId), "reading without reveal is not a reveal");
    }

    @Test
    void revealingInAListIsAuditedWithEveryRetireeShown() throws Exception {
        String a = retiree(municipal, first, "列表揭示甲", "500103");
        String b = retiree(municipal, first, "列表揭示乙", "500103");
        Api.Response list = municipal.get(RETIREES + "?q=" + RegistryFixture.q("列表揭示") + "&reveal=idNumber");
        assertEquals(200, list.status(), list::toString);
        assertEquals(2, list.json().get("items").size(), list::toString);
        list.json().get("items").forEach(item -> assertTrue(item.get("idNumber").asText().matches("\\d{17}[\\dX]"),
                item::toString));
        String detail = platform.strings("SELECT detail FROM audit.events WHERE action = 'FIELD_REVEALED'"
                + " ORDER BY seq DESC LIMIT 1").getFirst();
        JsonNode parsed = Json.mapper().readTree(detail);
        assertEquals("idNumber", parsed.get("fields").asText());
        assertTrue(parsed.get("retireeIds").asText().contains(a) && parsed.get("retireeIds").asText().contains(b),
                detail);
    }

    @Test
    void anAuditorMayReadButNotReveal() throws Exception {
        String retireeId = retiree(municipal, first, "审计对象", "500103");
        String path = RETIREES + "/" + retireeId;
        Api.Response plain = auditor.get(path);
        assertEquals(200, plain.status(), plain::toString);
        assertTrue(plain.json().get("idNumber").asText().contains("**********"), plain::toString);

        long before = platform.count("SELECT count(*) FROM audit.events WHERE action = 'ACCESS_DENIED'"
                + " AND actor_name = 'ret.auditor' AND detail LIKE '%REVEAL_NOT_ALLOWED%'");
        Api.Response refused = auditor.get(path + "?reveal=idNumber");
        assertProblem(refused, 403, "REVEAL_NOT_ALLOWED");
        assertFalse(refused.text().matches("(?s).*\\d{17}[\\dX].*"), refused::toString);
        assertProblem(auditor.get(RETIREES + "?reveal=phone"), 403, "REVEAL_NOT_ALLOWED");
        assertEquals(before + 2, platform.count("SELECT count(*) FROM audit.events WHERE action = 'ACCESS_DENIED'"
                + " AND actor_name = 'ret.auditor' AND detail LIKE '%REVEAL_NOT_ALLOWED%'"));
        assertEquals(0, platform.count("SELECT count(*) FROM audit.events WHERE action = 'FIELD_REVEALED'"
                + " AND actor_name = 'ret.auditor'"));
    }

    @Test
    void anUnknownFieldToRevealIsABadRequest() {
        String retireeId = retiree(municipal, first, "未知揭示", "500103");
        assertFieldError(municipal.get(RETIREES + "/" + retireeId + "?reveal=idNumber,salary"), "reveal",
                "REVEAL_FIELD_UNKNOWN");
        assertFieldError(municipal.get(RETIREES + "?reveal=health"), "reveal", "REVEAL_FIELD_UNKNOWN");
    }

    // --- corrections -------------------------------------------------------------------------------------------------

    @Test
    void aCorrectionNeedsTheCurrentVersion() {
        String retireeId = retiree(municipal, first, "林更正", "500103");
        String path = RETIREES + "/" + retireeId;
        assertProblem(municipal.patch(path, Map.of("name", "林更改")), 428, "IF_MATCH_REQUIRED");
        assertProblem(municipal.withHeader("If-Match", "yesterday").patch(path, Map.of("name", "林更改")), 400,
                "IF_MATCH_INVALID");

        String version = etag(municipal, path);
        Api.Response changed = municipal.withHeader("If-Match", version).patch(path, Map.of("name", "林更改",
                "phone", "023-6388 1234", "residenceStreet", "七星岗街道", "immobile", "是"));
        assertEquals(200, changed.status(), changed::toString);
        JsonNode body = changed.json();
        assertEquals("林更改", body.get("name").asText());
        assertEquals("023****1234", body.get("phone").asText());
        assertEquals("七星岗街道", body.get("residenceStreet").asText());
        assertTrue(body.get("immobile").asBoolean());
        assertEquals("2015-06-30", body.get("retirementDate").asText(), "absent fields keep their value");
        assertEquals("500103", body.get("residenceAreaCode").asText());
        assertEquals(2, body.get("version").asLong());
        assertEquals("\"2\"", changed.header("ETag"));
        assertTrue(body.get("idNumber").asText().contains("**********"), changed::toString);

        Api.Response stale = municipal.withHeader("If-Match", version).patch(path, Map.of("name", "林过期"));
        assertProblem(stale, 412, "VERSION_MISMATCH");
        assertEquals("林更改", municipal.get(path).json().get("name").asText());
        assertEquals(1, platform.count("SELECT count(*) FROM audit.events WHERE action = 'RETIREE_UPDATED'"
                + " AND entity_id = ?", retireeId));
    }

    @Test
    void identityAndDeathCannotBeCorrected() {
        String retireeId = retiree(municipal, first, "何身份", "500103");
        String path = RETIREES + "/" + retireeId;
        Api versioned = municipal.withHeader("If-Match", etag(municipal, path));
        Map<String, Object> attempts = Map.of("idNumber", freshIdNumber(true), "sex", "女", "birthDate",
                "1950-01-01", "enterpriseId", second, "deathDate", "2020-01-01");
        attempts.forEach((field, value) ->
                assertFieldError(versioned.patch(path, Map.of(field, value)), field, "FIELD_NOT_CHANGEABLE"));

        Api.Response all = versioned.patch(path, attempts);
        assertProblem(all, 400, "VALIDATION_FAILED");
        attempts.keySet().forEach(field -> assertTrue(hasFieldError(all, field, "FIELD_NOT_CHANGEABLE"),
                () -> field + " not named in " + all));
        assertEquals(1, municipal.get(path).json().get("version").asLong());
    }

    @Test
    void aCorrectionIsCheckedByTheSameRules() {
        String retireeId = retiree(municipal, first, "许规则", "500103");
        String path = RETIREES + "/" + retireeId;
        Api versioned = municipal.withHeader("If-Match", etag(municipal, path));
        assertFieldError(versioned.patch(path, Map.of("name", "  ")), "name", "FIELD_REQUIRED");
        assertFieldError(versioned.patch(path, Map.of("residenceAreaCode", "500199")), "residenceAreaCode",
                "AREA_NOT_IN_FORCE");
        assertFieldError(versioned.patch(path, Map.of("retirementDate", LocalDate.now().plusDays(5).toString())),
                "retirementDate", "DATE_IN_FUTURE");
        assertFieldError(versioned.patch(path, Map.of("salary", "1")), "salary", "UNKNOWN_FIELD");
        assertEquals(1, municipal.get(path).json().get("version").asLong());
    }

    @Test
    void anAuditorCorrectsNothing() {
        String retireeId = retiree(municipal, first, "审计更正", "500103");
        String path = RETIREES + "/" + retireeId;
        assertProblem(auditor.withHeader("If-Match", "\"1\"").patch(path, Map.of("name", "改")), 403, "ROLE_REQUIRED");
        assertProblem(auditor.withHeader("If-Match", "\"1\"").post(path + "/death", Map.of("deathDate", "2020-01-01")),
                403, "ROLE_REQUIRED");
    }

    // --- death ---------------------------------------------------------------------------------------------------------

    @Test
    void aDeathIsRecordedOnceAndAnnouncedThroughTheOutbox() throws Exception {
        String retireeId = retiree(operatorOfFirst, first, "邓离世", "500103");
        String path = RETIREES + "/" + retireeId;
        assertProblem(municipal.post(path + "/death", Map.of("deathDate", "2020-03-01")), 428, "IF_MATCH_REQUIRED");
        assertProblem(municipal.withHeader("If-Match", "\"7\"").post(path + "/death", Map.of("deathDate",
                "2020-03-01")), 412, "VERSION_MISMATCH");

        Api.Response died = operatorOfFirst.withHeader("If-Match", etag(operatorOfFirst, path))
                .post(path + "/death", Map.of("deathDate", "2020-03-01"));
        assertEquals(200, died.status(), died::toString);
        assertEquals("DECEASED", died.json().get("status").asText());
        assertEquals("2020-03-01", died.json().get("deathDate").asText());
        assertEquals("\"2\"", died.header("ETag"));

        RetireeDied event = awaitDeath(retireeId);
        assertEquals(UUID.fromString(first), event.enterpriseId());
        assertEquals(LocalDate.of(2020, 3, 1), event.deathDate());

        Api.Response again = municipal.withHeader("If-Match", etag(municipal, path))
                .post(path + "/death", Map.of("deathDate", "2021-01-01"));
        assertProblem(again, 409, "RETIREE_ALREADY_DECEASED");
        assertEquals("2020-03-01", municipal.get(path).json().get("deathDate").asText());
        assertEquals(1, platform.count("SELECT count(*) FROM platform.outbox WHERE aggregate_id = ?", retireeId));
        assertEquals(1, platform.count("SELECT count(*) FROM audit.events WHERE action = 'RETIREE_DEATH_RECORDED'"
                + " AND entity_id = ?", retireeId));

        List<String> deceased = RegistryFixture.ids(municipal.get(RETIREES + "?status=DECEASED&limit=500"));
        assertTrue(deceased.contains(retireeId), deceased::toString);
    }

    @Test
    void aDeathDateMustBeRealPastAndAfterRetirement() {
        String retireeId = retiree(municipal, first, "龚日期", "500103");
        String path = RETIREES + "/" + retireeId;
        Api versioned = municipal.withHeader("If-Match", etag(municipal, path));
        assertFieldError(versioned.post(path + "/death", Map.of("deathDate",
                LocalDate.now().plusDays(2).toString())), "deathDate", "DATE_IN_FUTURE");
        assertFieldError(versioned.post(path + "/death", Map.of("deathDate", "2015-06-29")), "deathDate",
                "DATES_OUT_OF_ORDER");
        assertFieldError(versioned.post(path + "/death", Map.of()), "deathDate", "FIELD_REQUIRED");
        Api.Response notADate = versioned.post(path + "/death", Map.of("deathDate", "2020-02-30"));
        assertFieldError(notADate, "deathDate", "DATE_INVALID");

        Api.Response alive = municipal.get(path);
        assertEquals("AT_ENTERPRISE", alive.json().get("status").asText());
        assertEquals(1, alive.json().get("version").asLong());
        assertEquals(0, platform.count("SELECT count(*) FROM platform.outbox WHERE aggregate_id = ?", retireeId));
    }

    @Test
    void aCorrectionCannotPutTheRetirementAfterTheDeath() {
        String retireeId = retiree(municipal, first, "钱顺序", "500103");
        String path = RETIREES + "/" + retireeId;
        Api.Response died = municipal.withHeader("If-Match", etag(municipal, path))
                .post(path + "/death", Map.of("deathDate", "2016-01-01"));
        assertEquals(200, died.status(), died::toString);

        Api.Response moved = municipal.withHeader("If-Match", etag(municipal, path))
                .patch(path, Map.of("retirementDate", "2017-01-01"));
        assertProblem(moved, 400, "VALIDATION_FAILED");
        assertTrue(hasFieldError(moved, "retirementDate", "DATES_OUT_OF_ORDER")
                || hasFieldError(moved, "deathDate", "DATES_OUT_OF_ORDER"), moved::toString);
        JsonNode record = municipal.get(path).json();
        assertEquals("2015-06-30", record.get("retirementDate").asText());
        assertEquals("2016-01-01", record.get("deathDate").asText());
    }

    @Test
    void aRetireeRegisteredWithADeathDateIsDeceasedAndAnnounced() throws Exception {
        Map<String, Object> draft = retireeDraft(second, freshIdNumber(false), "覃已故", "500105");
        draft.put("deathDate", "2019-09-09");
        JsonNode created = register(municipal, draft);
        assertEquals("DECEASED", created.get("status").asText());
        RetireeDied event = awaitDeath(created.get("id").asText());
        assertEquals(UUID.fromString(second), event.enterpriseId());
        assertEquals(LocalDate.of(2019, 9, 9), event.deathDate());
    }

    @Test
    void labelsFollowTheLanguage() {
        String retireeId = retiree(municipal, first, "语言标签", "500103");
        Api.Response english = municipal.withHeader("Accept-Language", "en").get(RETIREES + "/" + retireeId);
        assertEquals("At the enterprise", english.json().get("statusLabel").asText());
        assertEquals("Male", english.json().get("sexLabel").asText());
        Api.Response chinese = municipal.get(RETIREES + "/" + retireeId);
        assertNotNull(chinese.json().get("statusLabel").asText(null));
        assertFalse(chinese.json().get("statusLabel").asText().equals("At the enterprise"), chinese::toString);
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    private static long revealCount(String retireeId) {
        return platform.count("SELECT count(*) FROM audit.events WHERE action = 'FIELD_REVEALED' AND entity_id = ?",
                retireeId);
    }

    private static RetireeDied awaitDeath(String retireeId) throws InterruptedException {
        UUID id = UUID.fromString(retireeId);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (RetireeDied event : DEATHS) {
                if (event.retireeId().equals(id)) {
                    return event;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no RetireeDied for " + retireeId + " within 10 s; received " + DEATHS);
    }

    private static String idNumberEndingInX() {
        for (int sequence = 1; sequence < 1000; sequence++) {
            String first17 = "500194" + "19570817" + String.format("%03d", sequence);
            if (ResidentIdNumber.checkCharacter(first17) == 'X') {
                return first17 + 'X';
            }
        }
        throw new IllegalStateException("no check character X");
    }

    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            wide.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == 'X' ? 'Ｘ' : c);
        }
        return wide.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
