package cq.retirees.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared assertions and fixtures of the end-to-end HTTP tests. */
final class HttpChecks {

    static final String PROBLEM_JSON = "application/problem+json";

    private HttpChecks() {
    }

    /**
     * Asserts an RFC 9457 problem: the HTTP status, the media type, the machine code, and the members every problem
     * carries. Returns the parsed body for further checks.
     */
    static JsonNode assertProblem(Api.Response response, int status, String code) {
        assertTrue(response.status() < 500, () -> "server error instead of " + status + " " + code + ": " + response);
        assertEquals(status, response.status(), response::toString);
        String contentType = response.header("Content-Type");
        assertNotNull(contentType, () -> "no Content-Type on " + response);
        assertTrue(contentType.startsWith(PROBLEM_JSON), () -> "Content-Type " + contentType + " on " + response);
        JsonNode problem = response.json();
        assertEquals(code, problem.path("code").asText(null), response::toString);
        assertEquals(status, problem.path("status").asInt(), response::toString);
        assertEquals("urn:cq-retirees:problem:" + code, problem.path("type").asText(null), response::toString);
        for (String member : List.of("title", "detail", "instance")) {
            assertFalse(problem.path(member).asText("").isBlank(), () -> member + " missing in " + response);
        }
        return problem;
    }

    /** Asserts a 400 VALIDATION_FAILED whose first field error names {@code field} with {@code fieldCode}. */
    static JsonNode assertFieldError(Api.Response response, String field, String fieldCode) {
        JsonNode problem = assertProblem(response, 400, "VALIDATION_FAILED");
        JsonNode errors = problem.path("errors");
        assertTrue(errors.isArray() && !errors.isEmpty(), () -> "no errors[] in " + response);
        assertEquals(field, errors.get(0).path("field").asText(null), response::toString);
        assertEquals(fieldCode, errors.get(0).path("code").asText(null), response::toString);
        assertFalse(errors.get(0).path("message").asText("").isBlank(), () -> "no message in " + response);
        return problem;
    }

    static void assertStatus(int status, Api.Response response) {
        assertEquals(status, response.status(), response::toString);
    }

    /** A valid body for {@code POST /api/v1/admin/users}: an auditor, who needs no scope. */
    static Map<String, Object> auditorDraft(String username) {
        return Map.of("username", username, "displayName", "审计员 " + username,
                "password", "a-long-enough-password", "roles", List.of("AUDITOR"));
    }

    /** A valid body for a second platform admin. */
    static Map<String, Object> adminDraft(String username, String password) {
        return Map.of("username", username, "displayName", "管理员 " + username,
                "password", password, "roles", List.of("PLATFORM_ADMIN"));
    }

    static long count(TestPlatform platform, String sql, Object... args) {
        try (Connection c = platform.sql(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<String> strings(TestPlatform platform, String sql) {
        try (Connection c = platform.sql(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static long userCount(TestPlatform platform) {
        return count(platform, "SELECT count(*) FROM security.users");
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    /** Runs {@code n} requests at once (released together by a latch) and returns their responses. */
    static List<Api.Response> concurrently(int n, IntFunction<Api.Response> request)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return request.apply(index);
                }));
            }
            go.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        }
    }
}
