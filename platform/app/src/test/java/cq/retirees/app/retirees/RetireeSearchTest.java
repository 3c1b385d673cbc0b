package cq.retirees.app.retirees;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import cq.retirees.kernel.ResidentIdNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cq.retirees.app.retirees.RegistryFixture.RETIREES;
import static cq.retirees.app.testing.ProblemAssertions.assertFieldError;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static cq.retirees.app.retirees.RegistryFixture.enterprise;
import static cq.retirees.app.retirees.RegistryFixture.etag;
import static cq.retirees.app.retirees.RegistryFixture.freshIdNumber;
import static cq.retirees.app.retirees.RegistryFixture.idNumber;
import static cq.retirees.app.retirees.RegistryFixture.ids;
import static cq.retirees.app.retirees.RegistryFixture.q;
import static cq.retirees.app.retirees.RegistryFixture.register;
import static cq.retirees.app.retirees.RegistryFixture.retireeDraft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding retirees: name substrings of any length, exact ID numbers, filters together, and keyset pages. */
class RetireeSearchTest {

    private static TestPlatform platform;
    private static Api admin;
    private static Api municipal;
    private static String east;
    private static String west;
    /** Retiree ids by name. */
    private static final Map<String, String> BY_NAME = new HashMap<>();
    /** The ID number of 王小明, and the 15-digit one 张老根 was registered with. */
    private static String wangXiaomingId;
    private static String fifteenDigits;
    private static String pagedEnterprise;
    private static final List<String> PAGED = new ArrayList<>();
    private static String receivingBody;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(RetireeSearchTest.class);
        admin = platform.admin();
        municipal = RegistryFixture.municipal(platform, admin, "search.municipal");
        Api yuzhong = RegistryFixture.district(platform, admin, "search.yuzhong", "500103");
        east = enterprise(municipal, "重庆东方机电集团有限公司", "500103", "500103");
        west = enterprise(municipal, "重庆西部冶金集团有限公司", "500107", "500107");
        pagedEnterprise = enterprise(municipal, "重庆分页测试企业", "500108", "500108");

        wangXiaomingId = idNumber(0, LocalDate.of(1950, 2, 3), 11);
        add(east, wangXiaomingId, "王小明", "500103");
        add(east, freshIdNumber(false), "王芳", "500104");
        add(west, freshIdNumber(true), "欧阳明华", "500103");
        add(west, freshIdNumber(true), "李明", "500105");
        add(east, freshIdNumber(true), "王明", "500103");
        add(west, freshIdNumber(false), "华明华", "500106");
        add(west, freshIdNumber(false), "王丽", "500103");
        fifteenDigits = "500195" + "480709" + "021";
        add(east, fifteenDigits, "张老根", "500106");

        for (int i = 1; i <= 7; i++) {
            PAGED.add(register(municipal, retireeDraft(pagedEnterprise, freshIdNumber(i % 2 == 0), "翻页人员" + i,
                    "500108")).get("id").asText());
        }
        receivingBody = yuzhong.post("/api/v1/areas/500103/receiving-bodies",
                Map.of("nameZh", "七星岗街道", "kind", "STREET")).json().get("id").asText();
    }

    private static void add(String enterprise, String idNumber, String name, String area) {
        BY_NAME.put(name, register(municipal, retireeDraft(enterprise, idNumber, name, area)).get("id").asText());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    // --- names ---------------------------------------------------------------------------------------------------------

    @Test
    void oneCharacterFindsEveryNameContainingIt() {
        assertEquals(named("王小明", "王芳", "王明", "王丽"), found("王"));
        assertEquals(named("王小明", "欧阳明华", "李明", "王明", "华明华"), found("明"));
        assertEquals(named("欧阳明华", "华明华"), found("华"));
        assertEquals(Set.of(), found("赵"));
    }

    @Test
    void twoCharactersFindOnlyNamesWithThemSideBySide() {
        assertEquals(named("王小明"), found("小明"));
        assertEquals(named("王明"), found("王明"), "王小明 has 王 and 明 but not 王明");
        assertEquals(named("王芳"), found("王芳"));
        assertEquals(named("欧阳明华", "华明华"), found("明华"));
        assertEquals(named("欧阳明华"), found("欧阳"));
        assertEquals(Set.of(), found("明王"));
    }

    @Test
    void threeCharactersAndMoreFindWholeSubstringsOnly() {
        assertEquals(named("王小明"), found("王小明"));
        assertEquals(named("欧阳明华"), found("欧阳明"));
        assertEquals(named("欧阳明华"), found("阳明华"));
        assertEquals(named("欧阳明华"), found("欧阳明华"));
        assertEquals(named("华明华"), found("华明华"));
        assertEquals(Set.of(), found("明华明"), "华明华 holds both bigrams of 明华明 but not the substring");
        assertEquals(Set.of(), found("王小明明"));
    }

    @Test
    void theQueryIsTrimmedAndLongQueriesAreRefused() {
        assertEquals(named("王芳"), found(" 王芳 "));
        assertEquals(named("王芳"), found("\u3000王芳"));
        assertFieldError(municipal.get(RETIREES + "?q=" + q("王".repeat(51))), "q", "TEXT_INVALID");
        assertEquals(200, municipal.get(RETIREES + "?q=" + q("王".repeat(50))).status());
        assertEquals(200, municipal.get(RETIREES + "?q=").status());
    }

    // --- ID numbers ----------------------------------------------------------------------------------------------------

    @Test
    void aValidIdNumberLooksThePersonUpExactly() {
        assertEquals(named("王小明"), found(wangXiaomingId));
        assertEquals(named("王小明"), found(" " + wangXiaomingId + " "));
        String unknown = idNumber(9, LocalDate.of(1950, 2, 3), 11);
        assertEquals(Set.of(), found(unknown));
        String wrongCheck = wangXiaomingId.substring(0, 17) + (wangXiaomingId.charAt(17) == '0' ? '1' : '0');
        Api.Response asName = municipal.get(RETIREES + "?q=" + q(wrongCheck));
        assertEquals(200, asName.status(), asName::toString);
        assertEquals(0, asName.json().get("items").size());
    }

    @Test
    void aFirstGenerationNumberFindsTheUpgradedRecordAndViceVersa() {
        String first17 = fifteenDigits.substring(0, 6) + "19" + fifteenDigits.substring(6);
        String upgraded = first17 + ResidentIdNumber.checkCharacter(first17);
        assertEquals(named("张老根"), found(fifteenDigits));
        assertEquals(named("张老根"), found(upgraded));

        String wangFifteen = wangXiaomingId.substring(0, 6) + wangXiaomingId.substring(8, 17);
        assertEquals(named("王小明"), found(wangFifteen), "王小明 registered with 18 digits, found by 15");
    }

    // --- filters -------------------------------------------------------------------------------------------------------

    @Test
    void filtersCombine() {
        assertEquals(named("王小明", "王芳", "王明", "张老根"), found(null, "enterpriseId=" + east));
        assertEquals(named("王小明", "王明"), found("王", "enterpriseId=" + east, "areaCode=500103"));
        assertEquals(named("王丽"), found("王", "enterpriseId=" + west));
        assertEquals(named("王小明", "欧阳明华", "王明"), found("明", "areaCode=500103"));
        assertEquals(named("王小明"), found(wangXiaomingId, "enterpriseId=" + east, "areaCode=500103"));
        assertEquals(Set.of(), found(wangXiaomingId, "enterpriseId=" + west));
        assertEquals(Set.of(), found(wangXiaomingId, "areaCode=500104"));
        assertEquals(named("王小明", "王芳", "王明", "王丽"), found("王", "status=AT_ENTERPRISE"));
    }

    @Test
    void statusAndReceivingFiltersFollowTheRecord() {
        String liming = BY_NAME.get("李明");
        String path = RETIREES + "/" + liming;
        assertEquals(200, municipal.withHeader("If-Match", etag(municipal, path))
                .post(path + "/death", Map.of("deathDate", "2022-02-02")).status());
        assertEquals(named("李明"), found("明", "status=DECEASED"));
        assertFalse(found("明", "status=AT_ENTERPRISE").contains(liming));

        String laogen = BY_NAME.get("张老根");
        assertEquals(1, platform.update("UPDATE registry.retirees SET receiving_area = '500103',"
                + " receiving_body_id = ?::uuid WHERE id = ?::uuid", receivingBody, laogen));
        assertEquals(named("张老根"), found(null, "receivingBodyId=" + receivingBody));
        assertEquals(named("张老根"), found("张", "receivingBodyId=" + receivingBody, "areaCode=500103"));
        assertTrue(found(null, "areaCode=500103").contains(laogen), "the receiving area counts as the area");
        assertTrue(found(null, "areaCode=500106").contains(laogen), "so does the residence");
        assertEquals(Set.of(), found("欧阳", "receivingBodyId=" + receivingBody));
    }

    @Test
    void badFiltersAreNamed() {
        assertFieldError(municipal.get(RETIREES + "?status=ALIVE"), "status", "KIND_UNKNOWN");
        assertFieldError(municipal.get(RETIREES + "?areaCode=abc"), "areaCode", "AREA_CODE_FORMAT");
        assertFieldError(municipal.get(RETIREES + "?enterpriseId=east"), "enterpriseId", "ID_INVALID");
        assertFieldError(municipal.get(RETIREES + "?receivingBodyId=x"), "receivingBodyId", "ID_INVALID");
        assertFieldError(municipal.get(RETIREES + "?limit=0"), "limit", "INVALID_LIMIT");
        assertFieldError(municipal.get(RETIREES + "?limit=501"), "limit", "INVALID_LIMIT");
        assertProblem(municipal.get(RETIREES + "?cursor=not-a-cursor"), 400, "INVALID_CURSOR");
    }

    // --- pages ---------------------------------------------------------------------------------------------------------

    @Test
    void walkingTwoAtATimeVisitsEveryMatchOnceInCreationOrder() {
        List<Integer> sizes = new ArrayList<>();
        List<String> walked = walk(RETIREES + "?limit=2&q=" + q("翻页人员"), sizes);
        assertEquals(List.of(2, 2, 2, 1), sizes);
        assertEquals(PAGED, walked);

        List<Integer> filteredSizes = new ArrayList<>();
        assertEquals(PAGED, walk(RETIREES + "?limit=2&enterpriseId=" + pagedEnterprise + "&areaCode=500108",
                filteredSizes));
        assertEquals(List.of(2, 2, 2, 1), filteredSizes);

        List<String> everyone = walk(RETIREES + "?limit=2", new ArrayList<>());
        assertEquals(new HashSet<>(everyone).size(), everyone.size(), everyone::toString);
        assertEquals(platform.count("SELECT count(*) FROM registry.retirees"), everyone.size());
        assertEquals(ids(municipal.get(RETIREES + "?limit=500")), everyone);
    }

    @Test
    void aPageSizeThatDividesTheMatchesEndsWithoutACursor() {
        List<Integer> sizes = new ArrayList<>();
        walk(RETIREES + "?limit=7&q=" + q("翻页人员"), sizes);
        assertEquals(List.of(7), sizes);
        Api.Response one = municipal.get(RETIREES + "?limit=1&q=" + q("翻页人员1"));
        assertEquals(1, one.json().get("items").size());
        assertTrue(one.json().get("nextCursor").isNull(), one::toString);
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    /** Ids of the retirees matching {@code query} (null: none) and the extra filters, within the municipal scope. */
    private static Set<String> found(String query, String... filters) {
        StringBuilder url = new StringBuilder(RETIREES + "?limit=500");
        if (query != null) {
            url.append("&q=").append(q(query));
        }
        for (String filter : filters) {
            url.append('&').append(filter);
        }
        Api.Response response = municipal.get(url.toString());
        assertTrue(response.status() < 500, response::toString);
        List<String> ids = ids(response);
        assertEquals(new HashSet<>(ids).size(), ids.size(), response::toString);
        Set<String> result = new HashSet<>(ids);
        result.removeAll(PAGED);
        return result;
    }

    private static Set<String> named(String... names) {
        Set<String> ids = new HashSet<>();
        for (String name : names) {
            ids.add(BY_NAME.get(name));
        }
        return ids;
    }

    private static List<String> walk(String firstPage, List<Integer> sizes) {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = municipal.get(firstPage + (cursor == null ? "" : "&cursor=" + q(cursor)));
            assertEquals(200, page.status(), page::toString);
            JsonNode items = page.json().get("items");
            sizes.add(items.size());
            items.forEach(item -> walked.add(item.get("id").asText()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
            assertFalse(cursor != null && cursor.isBlank(), page::toString);
            assertTrue(sizes.size() < 100, "the walk does not end");
        } while (cursor != null);
        return walked;
    }
}
