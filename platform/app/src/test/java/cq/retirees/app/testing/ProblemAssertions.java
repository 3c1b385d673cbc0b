package cq.retirees.app.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on RFC 9457 problem responses, shared by every end-to-end test. */
public final class ProblemAssertions {

    private static final String PROBLEM_JSON = "application/problem+json";

    private ProblemAssertions() {
    }

    /**
     * Asserts an RFC 9457 problem: the HTTP status, the media type, the machine code, and the members every problem
     * carries. Returns the parsed body for further checks.
     */
    public static JsonNode assertProblem(Api.Response response, int status, String code) {
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
    public static JsonNode assertFieldError(Api.Response response, String field, String fieldCode) {
        JsonNode problem = assertProblem(response, 400, "VALIDATION_FAILED");
        JsonNode errors = problem.path("errors");
        assertTrue(errors.isArray() && !errors.isEmpty(), () -> "no errors[] in " + response);
        assertEquals(field, errors.get(0).path("field").asText(null), response::toString);
        assertEquals(fieldCode, errors.get(0).path("code").asText(null), response::toString);
        assertFalse(errors.get(0).path("message").asText("").isBlank(), () -> "no message in " + response);
        return problem;
    }

}
