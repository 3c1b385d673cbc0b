package cq.retirees.app;

import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.ForkedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After {@code kill -9} the embedded postmaster is left running; the next start must deal with it and lose
 * nothing.
 */
class RestartAfterKillTest {

    @TempDir
    Path dataDirectory;

    private ForkedServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aServerKilledWithSigkillStartsAgainOnTheSameDataWithNothingLost() throws Exception {
        server = new ForkedServer(dataDirectory).start();
        Api admin = server.api().login("admin", ForkedServer.ADMIN_PASSWORD);
        Api.Response created = admin.post("/api/v1/admin/users", Map.of("username", "survivor",
                "displayName", "幸存者", "password", "survivor-password-1", "roles", List.of("AUDITOR")));
        assertEquals(201, created.status(), created::toString);
        assertEquals("on", setting("fsync"), "the embedded server of a real installation is durable");
        assertEquals("on", setting("synchronous_commit"));

        long postmaster = server.postmasterPid();
        server.kill();
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                "the embedded postmaster outlives a killed JVM");

        server.start();
        Api survivor = server.api().login("survivor", "survivor-password-1");
        assertEquals("幸存者", survivor.get("/api/v1/auth/me").json().get("displayName").asText());
        assertTrue(survivor.get("/api/v1/audit-events/verification").json().get("intact").asBoolean());
        assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                "the orphaned postmaster was stopped");

        long second = server.postmasterPid();
        server.stop();
        assertFalse(ProcessHandle.of(second).map(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join().isAlive())
                .orElse(false), "a clean stop leaves no postgres behind");
    }

    private String setting(String name) throws Exception {
        try (Connection c = server.sql("postgres"); ResultSet rs = c.createStatement().executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
