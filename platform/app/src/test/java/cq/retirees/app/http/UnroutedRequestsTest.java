package cq.retirees.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static cq.retirees.app.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request no route takes is answered with a problem document wherever it goes, under the API or not: a path nobody
 * serves is 404 ROUTE_NOT_FOUND, a method a served path does not take is 405 METHOD_NOT_ALLOWED with the methods it
 * does take in {@code Allow}, a body of a media type the endpoint does not read is 415.
 */
class UnroutedRequestsTest {

    private static TestPlatform platform;
    private static Api admin;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(UnroutedRequestsTest.class);
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nothing", "/observe/nothing", "/openapi/nothing", "/api/v1/nothing",
            "/api/v1/areas/500103/nothing"})
    void aPathNobodyServesIsNotFound(String path) {
        assertProblem(admin.get(path), 404, "ROUTE_NOT_FOUND");
        assertProblem(admin.send("DELETE", path, null, null), 404, "ROUTE_NOT_FOUND");
    }

    @ParameterizedTest(name = "{0} {1} -> Allow: {2}")
    @CsvSource(delimiter = '|', value = {
            "DELETE | /observe/health | GET, HEAD",
            "POST | /openapi | GET",
            "PUT | /openapi | GET",
            "POST | /observe/metrics | GET",
            "DELETE | /api/v1/areas | GET, POST",
            "PATCH | /api/v1/areas/500103 | GET",
            "PUT | /api/v1/auth/login | POST"})
    void aMethodTheRouteDoesNotTakeIsNotAllowedAndTheAllowedOnesAreNamed(String method, String path,
                                                                         String allowed) {
        Api.Response refused = admin.send(method, path, "application/json",
                method.equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8));
        JsonNode problem = assertProblem(refused, 405, "METHOD_NOT_ALLOWED");
        assertEquals(allowed, refused.header("Allow"), refused::toString);
        assertTrue(problem.get("detail").asText().contains(allowed), problem::toString);
    }

    @Test
    void anAnonymousCallerGetsTheSameProblemOutsideTheApi() {
        Api.Response refused = platform.api().send("DELETE", "/observe/health", null, null);
        assertProblem(refused, 405, "METHOD_NOT_ALLOWED");
        assertEquals("GET, HEAD", refused.header("Allow"));
        assertProblem(platform.api().get("/nothing"), 404, "ROUTE_NOT_FOUND");
        assertProblem(platform.api().send("POST", "/openapi", "text/plain", "x".getBytes(StandardCharsets.UTF_8)),
                405, "METHOD_NOT_ALLOWED");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/areas | text/plain",
            "/api/v1/auth/login | application/x-www-form-urlencoded",
            "/api/v1/admin/users | text/csv"})
    void aBodyOfAMediaTypeTheEndpointDoesNotReadIsUnsupported(String path, String mediaType) {
        Api.Response refused = admin.send("POST", path, mediaType, "x".getBytes(StandardCharsets.UTF_8));
        JsonNode problem = assertProblem(refused, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertTrue(problem.get("detail").asText().contains(mediaType), problem::toString);
    }

    @Test
    void theAnswerIsInTheCallersLanguage() {
        JsonNode problem = assertProblem(admin.withHeader("Accept-Language", "en").send("POST", "/openapi", null, null),
                405, "METHOD_NOT_ALLOWED");
        assertEquals("Method not allowed", problem.get("title").asText());
    }
}
