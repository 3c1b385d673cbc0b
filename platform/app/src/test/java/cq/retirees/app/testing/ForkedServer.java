package cq.retirees.app.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server as an operator runs it: {@code cq.retirees.app.Main} in a JVM of its own, on its own data directory
 * with the embedded PostgreSQL, so a test can kill it with SIGKILL and start it again.
 */
public final class ForkedServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "forked-admin-password";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path dataDirectory;
    private final int port;
    private final List<String> systemProperties;
    private Process process;

    public ForkedServer(Path dataDirectory, String... systemProperties) {
        this.dataDirectory = dataDirectory;
        this.port = freePort();
        this.systemProperties = List.of(systemProperties);
    }

    /** Starts the server and waits until it announces its port. */
    public ForkedServer start() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        systemProperties.forEach(p -> command.add("-D" + p));
        command.add("cq.retirees.app.Main");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "PLATFORM_DATA_DIR", dataDirectory.toString(),
                "SERVER_PORT", Integer.toString(port),
                "PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> awaitListening(process));
        try {
            if (!listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the server exited before announcing its port");
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("the server did not start within " + START_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    /** SIGKILL: no shutdown hook runs, the embedded postmaster is left behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not die");
        }
    }

    /** SIGTERM: a clean stop, database included. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    public long postmasterPid() throws IOException {
        return Long.parseLong(postmasterPidLine(0));
    }

    /** A superuser connection to the embedded database, through the port its pid file records. */
    public Connection sql(String database) throws IOException, SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postmasterPidLine(3) + "/" + database,
                "postgres", "");
    }

    private String postmasterPidLine(int line) throws IOException {
        return Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid")).get(line).trim();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
