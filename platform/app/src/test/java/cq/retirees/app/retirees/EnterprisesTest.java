package cq.retirees.app.retirees;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static cq.retirees.app.retirees.RegistryFixture.ENTERPRISES;
import static cq.retirees.app.testing.ProblemAssertions.assertFieldError;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static cq.retirees.app.retirees.RegistryFixture.creditCode;
import static cq.retirees.app.retirees.RegistryFixture.enterprise;
import static cq.retirees.app.retirees.RegistryFixture.enterpriseDraft;
import static cq.retirees.app.retirees.RegistryFixture.etag;
import static cq.retirees.app.retirees.RegistryFixture.hasFieldError;
import static cq.retirees.app.retirees.RegistryFixture.ids;
import static cq.retirees.app.retirees.RegistryFixture.randomId;
import static cq.retirees.app.retirees.RegistryFixture.withoutInstance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Municipal admins register enterprises; operators see those of their scope and correct their own. */
class EnterprisesTest {

    private static TestPlatform platform;
    private static Api admin;
    private static Api municipal;
    private static Api auditor;
    private static Api yuzhong;
    private static Api shapingba;
    private static Api ownerOfFirst;

    /** Insured and located in 渝中 (500103). */
    private static String first;
    /** Insured in 江北 (500105), located in 沙坪坝 (500106). */
    private static String second;
    /** Insured in 大渡口 (500104), located in 渝中 (500103). */
    private static String third;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(EnterprisesTest.class);
        admin = platform.admin();
        municipal = RegistryFixture.municipal(platform, admin, "ent.municipal");
        auditor = RegistryFixture.auditor(platform, admin, "ent.auditor");
        yuzhong = RegistryFixture.district(platform, admin, "ent.yuzhong", "500103");
        shapingba = RegistryFixture.district(platform, admin, "ent.shapingba", "500106");
        first = enterprise(municipal, "重庆甲化工集团有限公司", "500103", "500103");
        second = enterprise(municipal, "重庆乙机械有限公司", "500105", "500106");
        third = enterprise(municipal, "重庆丙纺织有限公司", "500104", "500103");
        ownerOfFirst = RegistryFixture.enterpriseOperator(platform, admin, "ent.owner", first);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    // --- create --------------------------------------------------------------------------------------------------------

    @Test
    void aMunicipalAdminRegistersAnEnterpriseAndReadsItBack() {
        Api.Response created = municipal.post(ENTERPRISES, enterpriseDraft("91350100M000100Y43", "重庆示例集团有限公司",
                "500103", "500105"));
        assertEquals(201, created.status(), created::toString);
        JsonNode body = created.json();
        assertEquals("91350100M000100Y43", body.get("creditCode").asText());
        assertEquals("重庆示例集团有限公司", body.get("name").asText());
        assertEquals("MUNICIPAL_KEY_SOE", body.get("category").asText());
        assertFalse(body.get("categoryLabel").asText("").isBlank(), created::toString);
        assertEquals("500103", body.get("insuredAreaCode").asText());
        assertEquals("500105", body.get("locationAreaCode").asText());
        assertTrue(body.get("parentId").isNull(), created::toString);
        assertEquals(1, body.get("version").asLong());
        assertEquals("\"1\"", created.header("ETag"));

        String id = body.get("id").asText();
        Api.Response read = municipal.withHeader("Accept-Language", "en").get(ENTERPRISES + "/" + id);
        assertEquals(200, read.status(), read::toString);
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals("Municipal key SOE", read.json().get("categoryLabel").asText());
        assertEquals(1, platform.count("SELECT count(*) FROM audit.events WHERE action = 'ENTERPRISE_REGISTERED'"
                + " AND entity_id = ?", id));
    }

    @Test
    void aCreditCodeIsNormalisedBeforeItIsStoredOrCompared() {
        Api.Response created = municipal.post(ENTERPRISES, enterpriseDraft(" 91110000600037341l ", "北京某企业驻渝公司",
                "500103", "500103"));
        assertEquals(201, created.status(), created::toString);
        assertEquals("91110000600037341L", created.json().get("creditCode").asText());

        Api.Response again = municipal.post(ENTERPRISES, enterpriseDraft("９１１１００００６０００３７３４１Ｌ", "另一个名字",
                "500103", "500103"));
        assertProblem(again, 409, "CREDIT_CODE_TAKEN");
    }

    @Test
    void onlyAMunicipalAdminRegistersEnterprises() {
        for (Api caller : List.of(admin, auditor, yuzhong, ownerOfFirst)) {
            Api.Response refused = caller.post(ENTERPRISES, enterpriseDraft(creditCode(), "无权登记的企业", "500103",
                    "500103"));
            assertProblem(refused, 403, "ROLE_REQUIRED");
        }
        assertEquals(0, platform.count("SELECT count(*) FROM registry.enterprises WHERE name = '无权登记的企业'"));
    }

    @Test
    void aCreditCodeWithAWrongCheckCharacterIsRefusedNamingTheField() {
        String good = creditCode();
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        Api.Response refused = municipal.post(ENTERPRISES, enterpriseDraft(good.substring(0, 17) + wrong, "校验位错误企业",
                "500103", "500103"));
        assertFieldError(refused, "creditCode", "CREDIT_CODE_BAD_CHECKSUM");

        assertFieldError(municipal.post(ENTERPRISES, enterpriseDraft("9150000012345", "长度错误", "500103", "500103")),
                "creditCode", "CREDIT_CODE_LENGTH");
        assertFieldError(municipal.post(ENTERPRISES, enterpriseDraft("91500000I23456789O", "字符错误", "500103",
                "500103")), "creditCode", "CREDIT_CODE_CHARACTERS");
    }

    @Test
    void aSecondEnterpriseWithTheSameCreditCodeIsAConflict() {
        String code = creditCode();
        assertEquals(201, municipal.post(ENTERPRISES, enterpriseDraft(code, "先登记的企业", "500103", "500103")).status());
        assertProblem(municipal.post(ENTERPRISES, enterpriseDraft(code, "后登记的企业", "500104", "500104")), 409,
                "CREDIT_CODE_TAKEN");
        assertEquals(1, platform.count("SELECT count(*) FROM registry.enterprises WHERE credit_code = ?", code));
    }

    @Test
    void everyFaultyFieldIsNamed() {
        Map<String, Object> draft = enterpriseDraft(creditCode(), " ", "500199", "5001");
        draft.put("category", "PRIVATE_COMPANY");
        Api.Response refused = municipal.post(ENTERPRISES, draft);
        assertProblem(refused, 400, "VALIDATION_FAILED");
        assertTrue(hasFieldError(refused, "name", "NAME_INVALID"), refused::toString);
        assertTrue(hasFieldError(refused, "category", "KIND_UNKNOWN"), refused::toString);
        assertTrue(hasFieldError(refused, "insuredAreaCode", "AREA_UNKNOWN"), refused::toString);
        assertTrue(refused.json().get("errors").toString().contains("locationAreaCode"), refused::toString);

        Api.Response missing = municipal.post(ENTERPRISES, Map.of("creditCode", creditCode()));
        assertProblem(missing, 400, "VALIDATION_FAILED");
        for (String field : List.of("name", "category", "insuredAreaCode", "locationAreaCode")) {
            assertTrue(missing.json().get("errors").toString().contains("\"" + field + "\""),
                    () -> field + " not named in " + missing);
        }
    }

    @Test
    void parentLinksMustNameAnEnterpriseAndNeverLoop() {
        String parent = enterprise(municipal, "重庆某控股集团", "500103", "500103");
        Map<String, Object> childDraft = enterpriseDraft(creditCode(), "重庆某控股集团子公司", "500103", "500103");
        childDraft.put("category", "MUNICIPAL_KEY_SOE_SUBSIDIARY");
        childDraft.put("parentId", parent);
        Api.Response child = municipal.post(ENTERPRISES, childDraft);
        assertEquals(201, child.status(), child::toString);
        assertEquals(parent, child.json().get("parentId").asText());
        String childId = child.json().get("id").asText();

        Map<String, Object> orphan = enterpriseDraft(creditCode(), "无主子公司", "500103", "500103");
        orphan.put("parentId", randomId());
        assertFieldError(municipal.post(ENTERPRISES, orphan), "parentId", "PARENT_UNKNOWN");

        Api.Response loop = municipal.withHeader("If-Match", etag(municipal, ENTERPRISES + "/" + parent))
                .patch(ENTERPRISES + "/" + parent, Map.of("parentId", childId));
        assertFieldError(loop, "parentId", "PARENT_CYCLE");

        Api.Response self = municipal.withHeader("If-Match", etag(municipal, ENTERPRISES + "/" + parent))
                .patch(ENTERPRISES + "/" + parent, Map.of("parentId", parent));
        assertFieldError(self, "parentId", "PARENT_CYCLE");

        Api.Response unlinked = municipal.withHeader("If-Match", etag(municipal, ENTERPRISES + "/" + childId))
                .patch(ENTERPRISES + "/" + childId, Map.of("parentId", ""));
        assertEquals(200, unlinked.status(), unlinked::toString);
        assertTrue(unlinked.json().get("parentId").isNull(), unlinked::toString);
    }

    // --- patch ---------------------------------------------------------------------------------------------------------

    @Test
    void aChangeNeedsTheCurrentVersion() {
        String id = enterprise(municipal, "重庆版本测试有限公司", "500103", "500103");
        String path = ENTERPRISES + "/" + id;
        assertProblem(municipal.patch(path, Map.of("name", "无版本")), 428, "IF_MATCH_REQUIRED");

        Api.Response changed = municipal.withHeader("If-Match", "\"1\"").patch(path, Map.of("name", "重庆版本测试集团"));
        assertEquals(200, changed.status(), changed::toString);
        assertEquals("重庆版本测试集团", changed.json().get("name").asText());
        assertEquals(2, changed.json().get("version").asLong());
        assertEquals("\"2\"", changed.header("ETag"));
        assertEquals("500103", changed.json().get("insuredAreaCode").asText(), "absent fields keep their value");

        assertProblem(municipal.withHeader("If-Match", "\"1\"").patch(path, Map.of("name", "过期版本")), 412,
                "VERSION_MISMATCH");
        assertEquals("重庆版本测试集团", municipal.get(path).json().get("name").asText());
    }

    @Test
    void theCreditCodeCannotBeChanged() {
        String path = ENTERPRISES + "/" + second;
        Api.Response refused = municipal.withHeader("If-Match", etag(municipal, path))
                .patch(path, Map.of("creditCode", creditCode()));
        assertFieldError(refused, "creditCode", "FIELD_NOT_CHANGEABLE");
    }

    @Test
    void aMunicipalAdminChangesTheCategory() {
        String id = enterprise(municipal, "重庆类别调整有限公司", "500103", "500103");
        String path = ENTERPRISES + "/" + id;
        Api.Response changed = municipal.withHeader("If-Match", etag(municipal, path))
                .patch(path, Map.of("category", "DISTRICT_SOE"));
        assertEquals(200, changed.status(), changed::toString);
        assertEquals("DISTRICT_SOE", changed.json().get("category").asText());
    }

    @Test
    void anEnterpriseOperatorCorrectsTheirOwnEnterpriseButNotItsCategory() {
        String path = ENTERPRISES + "/" + first;
        Api.Response renamed = ownerOfFirst.withHeader("If-Match", etag(ownerOfFirst, path))
                .patch(path, Map.of("name", "重庆甲化工集团有限责任公司", "category", "MUNICIPAL_KEY_SOE"));
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("重庆甲化工集团有限责任公司", renamed.json().get("name").asText());

        long denials = platform.count("SELECT count(*) FROM audit.events WHERE action = 'ACCESS_DENIED'"
                + " AND actor_name = 'ent.owner' AND entity_id = ?", first);
        Api.Response recategorised = ownerOfFirst.withHeader("If-Match", etag(ownerOfFirst, path))
                .patch(path, Map.of("category", "DISTRICT_SOE"));
        assertProblem(recategorised, 403, "CATEGORY_CHANGE_NEEDS_MUNICIPAL_ADMIN");
        assertEquals("MUNICIPAL_KEY_SOE", municipal.get(path).json().get("category").asText());
        assertEquals(denials + 1, platform.count("SELECT count(*) FROM audit.events WHERE action = 'ACCESS_DENIED'"
                + " AND actor_name = 'ent.owner' AND entity_id = ?", first));
    }

    @Test
    void anEnterpriseOperatorCannotSeeOrChangeAnotherEnterprise() {
        String path = ENTERPRISES + "/" + second;
        String version = etag(municipal, path);
        Api.Response read = ownerOfFirst.get(path);
        assertProblem(read, 404, "NOT_FOUND");
        assertEquals(withoutInstance(ownerOfFirst.get(ENTERPRISES + "/" + randomId())), withoutInstance(read));

        Api.Response change = ownerOfFirst.withHeader("If-Match", version).patch(path, Map.of("name", "被篡改"));
        assertProblem(change, 404, "NOT_FOUND");
        Api.Response changeMissing = ownerOfFirst.withHeader("If-Match", version)
                .patch(ENTERPRISES + "/" + randomId(), Map.of("name", "被篡改"));
        assertEquals(withoutInstance(changeMissing), withoutInstance(change));
        assertNotEquals("被篡改", municipal.get(path).json().get("name").asText());
        assertTrue(platform.count("SELECT count(*) FROM audit.events WHERE action = 'ACCESS_DENIED'"
                + " AND actor_name = 'ent.owner' AND entity_id = ? AND detail LIKE '%OUT_OF_SCOPE%'", second) >= 2);
    }

    @Test
    void aParentOutsideTheOperatorsScopeIsAnsweredLikeOneThatDoesNotExist() {
        String own = enterprise(municipal, "重庆丁子公司", "500103", "500103");
        String hidden = enterprise(municipal, "重庆戊控股集团", "500105", "500105");
        Api operator = RegistryFixture.enterpriseOperator(platform, admin, "ent.parent", own);
        String path = ENTERPRISES + "/" + own;
        assertProblem(operator.get(ENTERPRISES + "/" + hidden), 404, "NOT_FOUND");

        Api.Response toMissing = operator.withHeader("If-Match", etag(operator, path))
                .patch(path, Map.of("parentId", randomId()));
        assertFieldError(toMissing, "parentId", "PARENT_UNKNOWN");
        Api.Response toHidden = operator.withHeader("If-Match", etag(operator, path))
                .patch(path, Map.of("parentId", hidden));
        assertTrue(toHidden.status() < 500, toHidden::toString);
        assertEquals(withoutInstance(toMissing), withoutInstance(toHidden),
                "an enterprise the operator cannot see must not be confirmed through parentId: " + toHidden);
        assertTrue(municipal.get(path).json().get("parentId").isNull());
    }

    @Test
    void districtOperatorsAndAuditorsDoNotChangeEnterprises() {
        String path = ENTERPRISES + "/" + first;
        String version = etag(municipal, path);
        assertProblem(yuzhong.withHeader("If-Match", version).patch(path, Map.of("name", "区县改名")), 403,
                "ROLE_REQUIRED");
        assertProblem(auditor.withHeader("If-Match", version).patch(path, Map.of("name", "审计改名")), 403,
                "ROLE_REQUIRED");
        assertEquals(version, etag(municipal, path));
    }

    @Test
    void aPathThatIsNotAnIdIsNotFound() {
        assertProblem(municipal.get(ENTERPRISES + "/not-an-id"), 404, "NOT_FOUND");
        assertProblem(municipal.get(ENTERPRISES + "/" + randomId()), 404, "NOT_FOUND");
    }

    // --- lists and scope ---------------------------------------------------------------------------------------------

    @Test
    void anEnterpriseOperatorListsOnlyTheirEnterprise() {
        assertEquals(List.of(first), ids(ownerOfFirst.get(ENTERPRISES)));
        assertEquals(200, ownerOfFirst.get(ENTERPRISES + "/" + first).status());
    }

    @Test
    void aDistrictOperatorSeesEnterprisesInsuredOrLocatedInTheirArea() {
        List<String> inYuzhong = ids(yuzhong.get(ENTERPRISES + "?limit=500"));
        assertTrue(inYuzhong.containsAll(List.of(first, third)), inYuzhong::toString);
        assertFalse(inYuzhong.contains(second), inYuzhong::toString);
        assertEquals(200, yuzhong.get(ENTERPRISES + "/" + third).status());
        assertProblem(yuzhong.get(ENTERPRISES + "/" + second), 404, "NOT_FOUND");

        List<String> inShapingba = ids(shapingba.get(ENTERPRISES + "?limit=500"));
        assertTrue(inShapingba.contains(second), inShapingba::toString);
        assertFalse(inShapingba.contains(first) || inShapingba.contains(third), inShapingba::toString);
        assertEquals(200, shapingba.get(ENTERPRISES + "/" + second).status());
        assertProblem(shapingba.get(ENTERPRISES + "/" + first), 404, "NOT_FOUND");
    }

    @Test
    void everyRowOfADistrictListIsInTheDistrict() {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = yuzhong.get(ENTERPRISES + "?limit=1" + (cursor == null ? ""
                    : "&cursor=" + RegistryFixture.q(cursor)));
            assertEquals(200, page.status(), page::toString);
            for (JsonNode item : page.json().get("items")) {
                assertTrue(item.get("insuredAreaCode").asText().equals("500103")
                        || item.get("locationAreaCode").asText().equals("500103"), item::toString);
                walked.add(item.get("id").asText());
            }
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
            assertTrue(walked.size() < 1000);
        } while (cursor != null);
        assertEquals(new HashSet<>(walked).size(), walked.size(), walked::toString);
        assertEquals(platform.count("SELECT count(*) FROM registry.enterprises WHERE insured_area = '500103'"
                + " OR location_area = '500103'"), walked.size());
    }

    @Test
    void municipalAdminsAndAuditorsListEveryEnterprise() {
        long all = platform.count("SELECT count(*) FROM registry.enterprises");
        for (Api caller : List.of(municipal, auditor)) {
            List<String> listed = ids(caller.get(ENTERPRISES + "?limit=500"));
            assertEquals(all, listed.size(), listed::toString);
            assertTrue(listed.containsAll(List.of(first, second, third)), listed::toString);
        }
    }
}
