package cq.retirees.app.security;

import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bearer tokens: random, stored hashed, ending at idle and absolute expiry, on logout and when the user is disabled. */
class SessionLifecycleTest {

    private static TestPlatform platform;
    private static Api admin;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(SessionLifecycleTest.class);
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void tokensCarryAtLeast128RandomBitsAndOnlyTheirHashIsStored() throws Exception {
        Api session = platform.api().login("admin", TestPlatform.ADMIN_PASSWORD);
        String token = session.token();
        assertTrue(java.util.Base64.getUrlDecoder().decode(token).length * 8 >= 128, token.length() + " chars");
        assertFalse(token.equals(admin.token()));
        try (Connection c = platform.sql(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM security.sessions WHERE token_hash = '" + token + "'");
            rs.next();
            assertEquals(0, rs.getInt(1), "the token itself is never stored");
            rs = s.executeQuery("SELECT password_hash FROM security.users WHERE username = 'admin'");
            rs.next();
            assertTrue(rs.getString(1).startsWith("$argon2id$"), "passwords are Argon2id hashes");
        }
    }

    @Test
    void logoutRevokesTheTokenAndOnlyThatToken() {
        Api first = platform.api().login("admin", TestPlatform.ADMIN_PASSWORD);
        Api second = platform.api().login("admin", TestPlatform.ADMIN_PASSWORD);
        assertEquals(204, first.post("/api/v1/auth/logout", null).status());
        assertUnauthenticated(first.get("/api/v1/auth/me"));
        assertEquals(200, second.get("/api/v1/auth/me").status());
    }

    @Test
    void aTokenPastItsAbsoluteExpiryIsRefused() throws Exception {
        Api session = newUserSession("absolute.expiry");
        assertEquals(200, session.get("/api/v1/auth/me").status());
        expireSessionsOf("absolute.expiry", "expires_at = now() - interval '1 second'");
        assertUnauthenticated(session.get("/api/v1/auth/me"));
    }

    @Test
    void aTokenIdleLongerThanTheIdleTimeoutIsRefused() throws Exception {
        Api session = newUserSession("idle.expiry");
        expireSessionsOf("idle.expiry", "last_seen_at = now() - interval '29 minutes'");
        assertEquals(200, session.get("/api/v1/auth/me").status(), "within the 30-minute idle timeout");
        expireSessionsOf("idle.expiry", "last_seen_at = now() - interval '31 minutes'");
        assertUnauthenticated(session.get("/api/v1/auth/me"));
    }

    @Test
    void usingATokenKeepsItAlive() throws Exception {
        Api session = newUserSession("busy.user");
        expireSessionsOf("busy.user", "last_seen_at = now() - interval '20 minutes'");
        assertEquals(200, session.get("/api/v1/auth/me").status());
        try (Connection c = platform.sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT max(extract(epoch FROM now() - s.last_seen_at)) FROM security.sessions s"
                        + " JOIN security.users u ON u.id = s.user_id WHERE u.username = ?")) {
            ps.setString(1, "busy.user");
            ResultSet rs = ps.executeQuery();
            rs.next();
            assertTrue(rs.getDouble(1) < 60, "the request moved last_seen_at forward");
        }
    }

    @Test
    void disablingAUserEndsTheirSessionsAndTheirLogins() {
        Api session = newUserSession("to.disable");
        String id = session.get("/api/v1/auth/me").json().get("id").asText();
        Api.Response current = admin.get("/api/v1/admin/users/" + id);
        Api.Response disabled = admin.withHeader("If-Match", current.header("ETag"))
                .patch("/api/v1/admin/users/" + id, Map.of("disabled", true));
        assertEquals(200, disabled.status(), disabled::toString);
        assertUnauthenticated(session.get("/api/v1/auth/me"));
        Api.Response login = platform.api().post("/api/v1/auth/login",
                Map.of("username", "to.disable", "password", "a-long-password-1"));
        assertEquals(401, login.status());
        assertEquals("LOGIN_FAILED", login.code());
    }

    @Test
    void aNewPasswordEndsOpenSessions() {
        Api session = newUserSession("changes.password");
        String id = session.get("/api/v1/auth/me").json().get("id").asText();
        Api.Response current = admin.get("/api/v1/admin/users/" + id);
        assertEquals(200, admin.withHeader("If-Match", current.header("ETag"))
                .patch("/api/v1/admin/users/" + id, Map.of("password", "another-long-password")).status());
        assertUnauthenticated(session.get("/api/v1/auth/me"));
        assertEquals(200, platform.api().login("changes.password", "another-long-password").get("/api/v1/auth/me").status());
    }

    @Test
    void theLastPlatformAdminCannotBeDisabled() {
        String id = admin.get("/api/v1/auth/me").json().get("id").asText();
        Api.Response current = admin.get("/api/v1/admin/users/" + id);
        Api.Response refused = admin.withHeader("If-Match", current.header("ETag"))
                .patch("/api/v1/admin/users/" + id, Map.of("disabled", true));
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("LAST_PLATFORM_ADMIN", refused.code());
    }

    private static Api newUserSession(String username) {
        Api.Response created = admin.post("/api/v1/admin/users", Map.of("username", username,
                "displayName", username, "password", "a-long-password-1", "roles", List.of("MUNICIPAL_ADMIN")));
        assertEquals(201, created.status(), created::toString);
        return platform.api().login(username, "a-long-password-1");
    }

    private static void expireSessionsOf(String username, String assignment) throws Exception {
        try (Connection c = platform.sql(); PreparedStatement ps = c.prepareStatement("UPDATE security.sessions s SET "
                + assignment + " FROM security.users u WHERE u.id = s.user_id AND u.username = ?")) {
            ps.setString(1, username);
            assertTrue(ps.executeUpdate() > 0);
        }
    }

    private static void assertUnauthenticated(Api.Response response) {
        assertEquals(401, response.status(), response::toString);
        assertEquals("UNAUTHENTICATED", response.code());
        assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"));
    }
}
