package cq.retirees.app.security;

import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed logins are throttled per user name and per client address, and every attempt is audited. All requests
 * come from one loopback address, so the tests run in a fixed order and the address limit is tested last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginThrottlingTest {

    private static TestPlatform platform;
    private static Api admin;

    @BeforeAll
    static void start() {
        // Small limits keep the test short; the defaults (5 per user, 20 per address) follow the same code path.
        platform = TestPlatform.start(LoginThrottlingTest.class, Map.of(
                "security.login-throttle.max-failures-per-user", "3",
                "security.login-throttle.max-failures-per-address", "12"));
        admin = platform.admin();
        for (String name : List.of("alice", "bob", "carol", "dave", "auditor")) {
            admin.post("/api/v1/admin/users", Map.of("username", name, "displayName", name,
                    "password", "right-password-1", "roles", List.of(name.equals("auditor") ? "AUDITOR" : "MUNICIPAL_ADMIN")));
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    @Order(1)
    void afterTooManyFailuresEvenTheRightPasswordIsRefusedFor429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, login("alice", "wrong-password").status());
        }
        Api.Response throttled = login("alice", "right-password-1");
        assertEquals(429, throttled.status(), throttled::toString);
        assertEquals("LOGIN_THROTTLED", throttled.code());
        int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
    }

    @Test
    @Order(2)
    void aSuccessfulLoginClearsTheUsersCount() {
        assertEquals(401, login("bob", "wrong-password").status());
        assertEquals(401, login("bob", "wrong-password").status());
        assertEquals(200, login("bob", "right-password-1").status());
        assertEquals(401, login("bob", "wrong-password").status());
        assertEquals(401, login("bob", "wrong-password").status());
        assertEquals(200, login("bob", "right-password-1").status(), "the count restarted after the success");
    }

    @Test
    @Order(5)
    void oneAddressGuessingManyUserNamesIsThrottled() {
        // 9 failures came from this address in the tests before; the limit is 12.
        int failures = 0;
        Api.Response last = null;
        for (int i = 0; i < 12; i++) {
            last = login("nobody-" + i, "guess");
            if (last.status() == 429) {
                break;
            }
            assertEquals(401, last.status(), last::toString);
            failures++;
        }
        assertEquals(429, last.status(), "refused after " + failures + " failures from one address");
        assertEquals(3, failures, "12 failures in all from this address");
        Api.Response carol = login("carol", "right-password-1");
        assertEquals(429, carol.status(), "the address is throttled for every user name");
    }

    @Test
    @Order(3)
    void unknownUserAndWrongPasswordAnswerTheSame() {
        Api.Response unknown = login("no-such-user", "whatever-1");
        Api.Response wrong = login("dave", "whatever-1");
        assertEquals(unknown.status(), wrong.status());
        assertEquals(unknown.json().get("detail"), wrong.json().get("detail"));
    }

    @Test
    @Order(4)
    void failedAndThrottledLoginsAreAudited() throws Exception {
        login("alice", "wrong-password");
        try (var c = platform.sql(); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FILTER (WHERE outcome = 'FAILED'),"
                    + " count(*) FILTER (WHERE outcome = 'DENIED' AND detail LIKE '%THROTTLED%')"
                    + " FROM audit.events WHERE action = 'LOGIN' AND actor_name = 'alice'");
            rs.next();
            assertTrue(rs.getInt(1) >= 1, "failed logins audited");
            assertTrue(rs.getInt(2) >= 1, "throttled logins audited");
        }
    }

    private static Api.Response login(String username, String password) {
        return platform.api().post("/api/v1/auth/login", Map.of("username", username, "password", password));
    }

}
