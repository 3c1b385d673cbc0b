package cq.retirees.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared assertions and fixtures of the end-to-end HTTP tests. */
final class HttpChecks {

    private HttpChecks() {
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

    static long userCount(TestPlatform platform) {
        return platform.count("SELECT count(*) FROM security.users");
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
