package cq.retirees.bench;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.Platform;
import cq.retirees.infra.config.PlatformConfig;
import cq.retirees.infra.http.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/** The benchmarks' HTTP client: one logged-in user against one in-process platform. */
final class BenchClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    private static final String ADMIN_PASSWORD = "bench-admin-password";

    private final String base;
    private String token;

    BenchClient(String base) {
        this.base = base;
    }

    /** A platform on a fresh embedded PostgreSQL under {@code work}, with a known admin password. */
    static Platform startPlatform(Path work) {
        return Platform.start(PlatformConfig.load(Map.of(), Map.of(
                "platform.data-dir", work.resolve("data").toString(),
                "platform.admin-password", ADMIN_PASSWORD,
                "server.port", "0", "server.host", "127.0.0.1")));
    }

    /** A client of {@code platform}, logged in as a municipal admin it creates. */
    static BenchClient municipalAdmin(Platform platform) throws Exception {
        BenchClient api = new BenchClient("http://127.0.0.1:" + platform.port());
        api.login("admin", ADMIN_PASSWORD);
        api.post("/api/v1/admin/users", Map.of("username", "sasac", "displayName", "bench",
                "password", "bench-municipal-password", "roles", java.util.List.of("MUNICIPAL_ADMIN")));
        api.login("sasac", "bench-municipal-password");
        return api;
    }

    void login(String username, String password) throws Exception {
        token = null;
        token = send("POST", "/api/v1/auth/login", Json.bytes(Map.of("username", username, "password", password)),
                "application/json").get("token").asText();
    }

    JsonNode send(String method, String path, byte[] body, String contentType) throws Exception {
        HttpRequest.Builder request = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return Json.mapper().readTree(response.body());
    }

    JsonNode post(String path, Object body) throws Exception {
        return send("POST", path, Json.bytes(body), "application/json");
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode sendFile(String path, Path file) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(request(path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return Json.mapper().readTree(response.body());
    }

    JsonNode awaitImport(String id) throws Exception {
        while (true) {
            JsonNode progress = send("GET", "/api/v1/retirees/imports/" + id, null, null);
            String status = progress.get("status").asText();
            if (status.equals("COMPLETED")) {
                return progress;
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("import failed: " + progress);
            }
            Thread.sleep(200);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
