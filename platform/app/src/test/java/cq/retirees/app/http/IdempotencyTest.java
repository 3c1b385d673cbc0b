package cq.retirees.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static cq.retirees.app.http.HttpChecks.adminDraft;
import static cq.retirees.app.testing.ProblemAssertions.assertFieldError;
import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static cq.retirees.app.http.HttpChecks.assertStatus;
import static cq.retirees.app.http.HttpChecks.auditorDraft;
import static cq.retirees.app.http.HttpChecks.concurrently;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code Idempotency-Key} on creations: a retry with the same key and body returns the first reply and creates
 * nothing twice, also when the retries race; the same key with another body is refused; keys belong to the caller.
 */
class IdempotencyTest {

    private static final String USERS = "/api/v1/admin/users";

    private static TestPlatform platform;
    private static Api admin;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(IdempotencyTest.class);
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aReplayReturnsTheFirstReplyAndCreatesNothingTwice() {
        Api keyed = withKey(admin, "replay-1");
        Api.Response first = keyed.post(USERS, auditorDraft("replayed.user"));
        assertStatus(201, first);
        assertNull(first.header("Idempotency-Replayed"), "the first reply is not a replay");

        Api.Response second = keyed.post(USERS, auditorDraft("replayed.user"));
        assertStatus(201, second);
        assertEquals("true", second.header("Idempotency-Replayed"));
        assertEquals(first.json(), second.json(), "the same body, same id");
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(first.header("ETag"), second.header("ETag"));

        assertEquals(1, usersNamed("replayed.user"));
        assertEquals(1, auditedCreationsOf("replayed.user"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Api keyed = withKey(admin, "reused-1");
        assertStatus(201, keyed.post(USERS, auditorDraft("first.body")));

        assertProblem(keyed.post(USERS, auditorDraft("second.body")), 422, "IDEMPOTENCY_KEY_REUSED");
        assertEquals(0, usersNamed("second.body"));
        assertEquals(1, usersNamed("first.body"));
    }

    @Test
    void theSameKeyOnAnotherRouteIsRefused() {
        Api keyed = withKey(admin, "cross-route-1");
        assertStatus(201, keyed.post(USERS, auditorDraft("cross.route")));
        Api.Response area = keyed.post("/api/v1/areas", Map.of("code", "500198", "nameZh", "另一区",
                "namePinyin", "Lingyi Qu", "kind", "DISTRICT", "validFrom", "2026-01-01"));
        assertProblem(area, 422, "IDEMPOTENCY_KEY_REUSED");
        assertEquals(0, platform.count("SELECT count(*) FROM registry.areas WHERE code = '500198'"));
    }

    @Test
    void differentUsersMayUseTheSameKeyIndependently() {
        assertStatus(201, admin.post(USERS, adminDraft("second.admin", "second-admin-password")));
        Api secondAdmin = platform.api().login("second.admin", "second-admin-password");

        Api.Response mine = withKey(admin, "shared-key").post(USERS, auditorDraft("made.by.first"));
        Api.Response theirs = withKey(secondAdmin, "shared-key").post(USERS, auditorDraft("made.by.second"));
        assertStatus(201, mine);
        assertStatus(201, theirs);
        assertNull(theirs.header("Idempotency-Replayed"));
        assertNotEquals(mine.json().get("id"), theirs.json().get("id"));
        assertEquals(1, usersNamed("made.by.first"));
        assertEquals(1, usersNamed("made.by.second"));

        // Each caller's replay returns their own first reply.
        Api.Response theirReplay = withKey(secondAdmin, "shared-key").post(USERS, auditorDraft("made.by.second"));
        assertEquals("true", theirReplay.header("Idempotency-Replayed"));
        assertEquals(theirs.json().get("id"), theirReplay.json().get("id"));
    }

    @Test
    void concurrentRequestsWithTheSameKeyCreateExactlyOneUser() throws Exception {
        int clients = 8;
        List<Api.Response> responses = concurrently(clients, i ->
                withKey(admin, "racing-key").post(USERS, auditorDraft("raced.user")));

        responses.forEach(r -> assertStatus(201, r));
        Set<String> ids = responses.stream().map(r -> r.json().get("id").asText()).collect(Collectors.toSet());
        assertEquals(1, ids.size(), responses::toString);
        assertEquals(clients - 1, responses.stream().filter(r -> "true".equals(r.header("Idempotency-Replayed"))).count(),
                "all but the first are replays");
        assertEquals(1, usersNamed("raced.user"));
        assertEquals(1, auditedCreationsOf("raced.user"));
    }

    @Test
    void withoutAKeyARetryIsASecondCreationAndConflicts() {
        assertStatus(201, admin.post(USERS, auditorDraft("no.key.user")));
        Api.Response retry = admin.post(USERS, auditorDraft("no.key.user"));
        JsonNode problem = assertProblem(retry, 409, "USERNAME_TAKEN");
        assertEquals(1, usersNamed("no.key.user"));
        assertEquals("urn:cq-retirees:problem:USERNAME_TAKEN", problem.get("type").asText());

        // User names are unique regardless of case.
        assertProblem(admin.post(USERS, auditorDraft("No.Key.User")), 409, "USERNAME_TAKEN");
    }

    @Test
    void aRefusedCreationDoesNotUseUpItsKey() {
        Api keyed = withKey(admin, "refused-then-fixed");
        assertFieldError(keyed.post(USERS, Map.of("username", "fixed.later", "displayName", "x",
                "password", "short", "roles", List.of("AUDITOR"))), "password", "PASSWORD_TOO_SHORT");
        assertStatus(201, keyed.post(USERS, auditorDraft("fixed.later")));
        assertEquals(1, usersNamed("fixed.later"));
    }

    @Test
    void aConflictIsNotStoredUnderTheKey() {
        assertStatus(201, admin.post(USERS, auditorDraft("taken.name")));
        Api keyed = withKey(admin, "conflict-key");
        assertProblem(keyed.post(USERS, auditorDraft("taken.name")), 409, "USERNAME_TAKEN");
        Api.Response again = keyed.post(USERS, auditorDraft("taken.name"));
        assertProblem(again, 409, "USERNAME_TAKEN");
        assertNull(again.header("Idempotency-Replayed"));
        assertEquals(0, platform.count("SELECT count(*) FROM platform.idempotency_keys WHERE idem_key = 'conflict-key'"));
    }

    @Test
    void anInvalidKeyIsRefused() {
        assertProblem(withKey(admin, "k".repeat(256)).post(USERS, auditorDraft("long.key")), 400,
                "IDEMPOTENCY_KEY_INVALID");
        assertProblem(withKey(admin, "has space").post(USERS, auditorDraft("space.key")), 400,
                "IDEMPOTENCY_KEY_INVALID");
        assertEquals(0, usersNamed("long.key") + usersNamed("space.key"));
        assertStatus(201, withKey(admin, "k".repeat(255)).post(USERS, auditorDraft("longest.key")));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static Api withKey(Api api, String key) {
        return api.withHeader("Idempotency-Key", key);
    }

    private static long usersNamed(String username) {
        return platform.count("SELECT count(*) FROM security.users WHERE lower(username) = lower(?)", username);
    }

    private static long auditedCreationsOf(String username) {
        return platform.count("SELECT count(*) FROM audit.events WHERE action = 'USER_CREATED'"
                + " AND detail LIKE ?", "%\"username\":\"" + username + "\"%");
    }
}
