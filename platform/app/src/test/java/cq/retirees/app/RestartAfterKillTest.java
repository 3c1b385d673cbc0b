package cq.retirees.app;

import cq.retirees.app.testing.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server as an operator runs it: a separate JVM on its own data directory with the embedded PostgreSQL. After
 * {@code kill -9} the postmaster is left running; the next start must deal with it and lose nothing.
 */
class RestartAfterKillTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String ADMIN_PASSWORD = "restart-admin-password";

    @TempDir
    Path dataDirectory;

    private Process server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServerKilledWithSigkillStartsAgainOnTheSameDataWithNothingLost() throws Exception {
        int port = freePort();
        server = startServer(port);
        Api admin = new Api("http://127.0.0.1:" + port).login("admin", ADMIN_PASSWORD);
        Api.Response created = admin.post("/api/v1/admin/users", Map.of("username", "survivor",
                "displayName", "幸存者", "password", "survivor-password-1", "roles", List.of("AUDITOR")));
        assertEquals(201, created.status(), created::toString);

        assertEquals("on", setting("fsync"), "the embedded server of a real installation is durable");
        assertEquals("on", setting("synchronous_commit"));

        long postmaster = postmasterPid();
        server.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                "the embedded postmaster outlives a killed JVM");

        server = startServer(port);
        Api survivor = new Api("http://127.0.0.1:" + port).login("survivor", "survivor-password-1");
        assertEquals("幸存者", survivor.get("/api/v1/auth/me").json().get("displayName").asText());
        assertTrue(survivor.get("/api/v1/audit-events/verification").json().get("intact").asBoolean());
        assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                "the orphaned postmaster was stopped");

        long second = postmasterPid();
        server.destroy(); // SIGTERM: the shutdown hook stops the database too
        assertTrue(server.waitFor(60, TimeUnit.SECONDS));
        assertFalse(ProcessHandle.of(second).map(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join().isAlive())
                .orElse(false), "a clean stop leaves no postgres behind");
    }

    private Process startServer(int port) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "cq.retirees.app.Main").redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "PLATFORM_DATA_DIR", dataDirectory.toString(),
                "SERVER_PORT", Integer.toString(port),
                "PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD));
        Process process = builder.start();
        CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> awaitListening(process));
        try {
            assertTrue(listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the server announced its port");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("the server did not start within " + START_TIMEOUT, e);
        }
        return process;
    }

    private static boolean awaitListening(Process process) {
        // Not closed here: once the server is up, a drain thread keeps reading so the child never blocks on a full pipe.
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("Platform listening on")) {
                    Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private long postmasterPid() throws IOException {
        Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
        Optional<String> first = Files.readAllLines(pidFile).stream().findFirst();
        return Long.parseLong(first.orElseThrow().trim());
    }

    /** A server setting, read through the port the postmaster recorded in its pid file. */
    private String setting(String name) throws Exception {
        String port = Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid")).get(3).trim();
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
             var rs = c.createStatement().executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
