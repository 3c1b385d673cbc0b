package cq.retirees.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static cq.retirees.app.http.HttpChecks.assertStatus;
import static cq.retirees.app.http.HttpChecks.auditorDraft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keyset pagination: following {@code nextCursor} from the first page visits every row once, in the list's order,
 * and the last page says so with {@code nextCursor: null}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaginationTest {

    private static final String AREAS = "/api/v1/areas";
    private static final String USERS = "/api/v1/admin/users";
    private static final List<String> CREATED_USERS = List.of("page.user.01", "Page.User.02", "page.user.03",
            "PAGE.USER.04", "page.user.05", "zz.last", "aa.first", "Mixed.Case", "mixed.case2", "page.user.10",
            "page.user.11");

    private static TestPlatform platform;
    private static Api admin;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(PaginationTest.class);
        admin = platform.admin();
        for (String username : CREATED_USERS) {
            assertStatus(201, admin.post(USERS, auditorDraft(username)));
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void walkingTheAreasSevenAtATimeVisitsAllFortyOnceInOrder() {
        List<Page> pages = walk(AREAS, 7);
        List<String> codes = values(pages, "code");

        assertEquals(List.of(7, 7, 7, 7, 7, 5), pages.stream().map(p -> p.items().size()).toList());
        assertEquals(40, codes.size(), codes::toString);
        assertEquals(40, new HashSet<>(codes).size(), () -> "duplicates in " + codes);
        assertEquals(codes.stream().sorted().toList(), codes, "ordered by code");
        assertEquals(strings("SELECT code FROM registry.areas ORDER BY code, id"), codes, "every area, in the server's order");
        assertTrue(codes.containsAll(List.of("500101", "500243", "LJXQ", "WSJK")), codes::toString);
        assertLastPageHasNoCursor(pages);
    }

    @Test
    void walkingTheAreasAgreesWithOneBigPage() {
        Api.Response one = admin.get(AREAS + "?limit=500");
        assertStatus(200, one);
        assertEquals(values(List.of(new Page(one.json().get("items"), null)), "code"), values(walk(AREAS, 7), "code"));
        assertTrue(one.json().has("nextCursor") && one.json().get("nextCursor").isNull(), one::toString);
    }

    @Test
    void aPageSizeThatDividesTheListEndsWithAFullPageAndNoCursor() {
        List<Page> pages = walk(AREAS, 8);
        assertEquals(List.of(8, 8, 8, 8, 8), pages.stream().map(p -> p.items().size()).toList());
        assertLastPageHasNoCursor(pages);

        List<Page> single = walk(AREAS, 40);
        assertEquals(1, single.size());
        assertEquals(40, single.getFirst().items().size());
        assertLastPageHasNoCursor(single);
    }

    @Test
    void theDefaultLimitIsFifty() {
        Api.Response page = admin.get(AREAS);
        assertStatus(200, page);
        assertEquals(40, page.json().get("items").size());
        assertTrue(page.json().get("nextCursor").isNull());
    }

    @Test
    void walkingTheUsersVisitsEveryUserOnceInCaseInsensitiveOrder() {
        List<Page> pages = walk(USERS, 4);
        List<String> usernames = values(pages, "username");

        assertEquals(List.of(4, 4, 4), pages.stream().map(p -> p.items().size()).toList(),
                "the admin and the eleven created users");
        assertEquals(new HashSet<>(usernames).size(), usernames.size(), () -> "duplicates in " + usernames);
        assertEquals(strings("SELECT username FROM security.users ORDER BY lower(username)"), usernames);
        assertTrue(usernames.containsAll(CREATED_USERS), usernames::toString);
        assertTrue(usernames.contains("admin"));
        assertLastPageHasNoCursor(pages);
    }

    @Test
    void walkingTheUsersWithOtherPageSizesGivesTheSameList() {
        List<String> reference = values(walk(USERS, 500), "username");
        for (int limit : List.of(1, 2, 3, 5, 11, 12, 13)) {
            List<Page> pages = walk(USERS, limit);
            assertEquals(reference, values(pages, "username"), "limit " + limit);
            assertLastPageHasNoCursor(pages);
            pages.subList(0, pages.size() - 1).forEach(p -> assertEquals(limit, p.items().size(), "limit " + limit));
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // creates users: runs after the tests that count them
    void aUserCreatedBehindTheCursorIsNotSeenAndNothingRepeats() {
        Api.Response first = admin.get(USERS + "?limit=3");
        assertStatus(200, first);
        List<String> seen = new ArrayList<>(first.json().get("items").findValuesAsText("username"));
        String cursor = first.json().get("nextCursor").asText();

        // A user sorting before the cursor (behind the reader) and one after it (still ahead).
        assertStatus(201, admin.post(USERS, auditorDraft("a0.behind")));
        assertStatus(201, admin.post(USERS, auditorDraft("zzz.ahead")));

        List<Page> rest = walkFrom(USERS, 3, cursor);
        seen.addAll(values(rest, "username"));
        assertEquals(new HashSet<>(seen).size(), seen.size(), () -> "duplicates in " + seen);
        assertFalse(seen.contains("a0.behind"), seen::toString);
        assertTrue(seen.contains("zzz.ahead"), seen::toString);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private record Page(JsonNode items, String nextCursor) {
    }

    private static List<Page> walk(String path, int limit) {
        return walkFrom(path, limit, null);
    }

    /** Follows nextCursor from {@code cursor} (null: the first page) until it is null; fails on an endless walk. */
    private static List<Page> walkFrom(String path, int limit, String cursor) {
        List<Page> pages = new ArrayList<>();
        String next = cursor;
        do {
            String url = path + "?limit=" + limit
                    + (next == null ? "" : "&cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            Api.Response response = admin.get(url);
            assertStatus(200, response);
            JsonNode body = response.json();
            assertTrue(body.has("nextCursor"), () -> "nextCursor missing: " + body);
            JsonNode nextNode = body.get("nextCursor");
            next = nextNode.isNull() ? null : nextNode.asText();
            pages.add(new Page(body.get("items"), next));
            assertTrue(pages.size() <= 1000, "the walk does not end");
        } while (next != null);
        return pages;
    }

    private static List<String> values(List<Page> pages, String field) {
        List<String> values = new ArrayList<>();
        pages.forEach(p -> p.items().forEach(item -> values.add(item.get(field).asText())));
        return values;
    }

    private static void assertLastPageHasNoCursor(List<Page> pages) {
        assertEquals(null, pages.getLast().nextCursor());
        pages.subList(0, pages.size() - 1).forEach(p -> assertFalse(p.nextCursor().isBlank()));
    }

    private static List<String> strings(String sql) {
        return platform.strings(sql);
    }
}
