package cq.retirees.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.TestPlatform;
import cq.retirees.infra.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the HTTP server refuses before any route sees it (requests no well-behaved client sends, so they go over a
 * raw socket) is answered with a problem document that names the fault, in the caller's language, like every other
 * refusal; it used to be an empty body.
 */
class RefusedBeforeRoutingTest {

    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(RefusedBeforeRoutingTest.class);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aControlCharacterInAHeaderIsAMalformedRequest() throws IOException {
        Raw answer = send("GET /api/v1/areas HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Note: a\u0001b\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 400, "REQUEST_MALFORMED");
        // the headers could not be read, so neither could Accept-Language: the answer is in Chinese
        assertEquals("请求格式错误", answer.json().get("title").asText());
    }

    @Test
    void aUriLongerThanTheServerReadsIsTooLong() throws IOException {
        String path = "/api/v1/areas?q=" + "x".repeat(20_000);
        Raw answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(answer.status() == 414 || answer.status() == 400, answer::toString);
        assertEquals(answer.status() == 414 ? "URI_TOO_LONG" : "REQUEST_MALFORMED", answer.json().get("code").asText());
        assertEquals("zh-CN", answer.header("content-language"), "Chinese unless asked otherwise");
        assertTrue(!answer.body().contains("xxxxxxxx"), "what could not be read is not echoed");
    }

    @Test
    void anInvalidPercentEncodingIsRefusedNamingTheFault() throws IOException {
        Raw answer = send("GET /api/v1/areas?limit=%zz HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n"
                + "Connection: close\r\n\r\n");
        assertProblem(answer, 400, "REQUEST_MALFORMED");
    }

    @Test
    void anInvalidRequestLineIsAMalformedRequest() throws IOException {
        assertProblem(send("GET /api/v1/are\u0000as HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400,
                "REQUEST_MALFORMED");
    }

    private static void assertProblem(Raw answer, int status, String code) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.header("content-type").startsWith("application/problem+json"), answer::toString);
        JsonNode problem = answer.json();
        assertEquals(code, problem.get("code").asText(), answer::toString);
        assertEquals(status, problem.get("status").asInt());
        assertTrue(!problem.get("detail").asText().isBlank(), "the detail says what is wrong");
    }

    private static Raw send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", platform.platform().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
            return Raw.parse(received.toByteArray());
        }
    }

    private record Raw(int status, Map<String, String> headers, String body) {

        static Raw parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            Arrays.stream(head).skip(1).forEach(line -> {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        line.substring(colon + 1).trim());
            });
            return new Raw(Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(end + 4));
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }
    }
}
