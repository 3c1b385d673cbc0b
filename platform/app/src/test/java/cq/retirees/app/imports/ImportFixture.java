package cq.retirees.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import cq.retirees.kernel.CreditCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A platform for one test class with a municipal admin ({@link #municipal}), and the steps of a roster import:
 * register an enterprise, upload a file, wait for the import, read its rejected rows, look a retiree up.
 */
final class ImportFixture implements AutoCloseable {

    static final String MUNICIPAL_PASSWORD = "municipal-password";
    private static final AtomicInteger NEXT_ENTERPRISE = new AtomicInteger(1);

    final TestPlatform platform;
    final Api municipal;

    private ImportFixture(TestPlatform platform) {
        this.platform = platform;
        Api.Response user = platform.admin().post("/api/v1/admin/users", Map.of("username", "sasac",
                "displayName", "市国资委", "password", MUNICIPAL_PASSWORD, "roles", List.of("MUNICIPAL_ADMIN")));
        assertEquals(201, user.status(), user::toString);
        this.municipal = platform.api().login("sasac", MUNICIPAL_PASSWORD);
    }

    static ImportFixture start(Class<?> owner) {
        return start(owner, Map.of());
    }

    static ImportFixture start(Class<?> owner, Map<String, String> settings) {
        return new ImportFixture(TestPlatform.start(owner, settings));
    }

    /** An enterprise as the import needs it: its id and its credit code. */
    record Enterprise(String id, String creditCode) {
    }

    /** Registers a new enterprise with a fresh, valid credit code. */
    Enterprise enterprise() {
        int n = NEXT_ENTERPRISE.getAndIncrement();
        String first17 = "915001000000" + String.format("%05d", n);
        String creditCode = first17 + CreditCode.checkCharacter(first17);
        Api.Response created = municipal.post("/api/v1/enterprises", Map.of("creditCode", creditCode,
                "name", "重庆测试企业" + n + "有限公司", "category", "MUNICIPAL_KEY_SOE", "insuredAreaCode", "500103",
                "locationAreaCode", "500103"));
        assertEquals(201, created.status(), created::toString);
        return new Enterprise(created.json().get("id").asText(), creditCode);
    }

    /** Creates a user with these roles (and enterprise scope) and logs them in. */
    Api user(String username, String role, List<String> enterpriseIds) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "displayName", username,
                "password", "a-long-enough-password", "roles", List.of(role)));
        if (!enterpriseIds.isEmpty()) {
            body.put("enterpriseIds", enterpriseIds);
        }
        Api.Response created = platform.admin().post("/api/v1/admin/users", body);
        assertEquals(201, created.status(), created::toString);
        return platform.api().login(username, "a-long-enough-password");
    }

    static String importsPath(Enterprise enterprise) {
        return "/api/v1/retirees/imports?enterpriseId=" + enterprise.id();
    }

    static Api.Response upload(Api api, Enterprise enterprise, String contentType, byte[] file) {
        return api.send("POST", importsPath(enterprise), contentType, file);
    }

    /** Uploads the file as the municipal admin, expects 202 and waits for the import to end. */
    Run importFile(Enterprise enterprise, String contentType, byte[] file) {
        return importFile(municipal, enterprise, contentType, file);
    }

    Run importCsv(Enterprise enterprise, Roster roster) {
        return importFile(enterprise, Roster.CSV, roster.csv());
    }

    Run importFile(Api api, Enterprise enterprise, String contentType, byte[] file) {
        Api.Response accepted = upload(api, enterprise, contentType, file);
        assertEquals(202, accepted.status(), accepted::toString);
        assertEquals("RECEIVED", accepted.json().get("status").asText(), accepted::toString);
        String id = accepted.json().get("id").asText();
        assertEquals("/api/v1/retirees/imports/" + id, accepted.header("Location"));
        return await(api, id);
    }

    /** Polls the import every 100 ms until it is COMPLETED or FAILED; fails the test after 60 s. */
    static Run await(Api api, String importId) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Api.Response progress = api.get("/api/v1/retirees/imports/" + importId);
            assertEquals(200, progress.status(), progress::toString);
            Run run = new Run(progress.json());
            if (run.status().equals("COMPLETED") || run.status().equals("FAILED")) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import " + importId + " did not finish in 60 s: " + progress);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** An import's progress, as GET /retirees/imports/{id} shows it. */
    record Run(JsonNode json) {
        String id() {
            return json.get("id").asText();
        }

        String status() {
            return json.get("status").asText();
        }

        long read() {
            return json.get("rowsRead").asLong();
        }

        long created() {
            return json.get("rowsCreated").asLong();
        }

        long updated() {
            return json.get("rowsUpdated").asLong();
        }

        long unchanged() {
            return json.get("rowsUnchanged").asLong();
        }

        long rejected() {
            return json.get("rowsRejected").asLong();
        }

        String charset() {
            return json.path("charset").asText(null);
        }

        List<String> ignoredHeadings() {
            return strings(json.get("ignoredHeadings"));
        }

        String failureCode() {
            return json.path("failure").path("code").asText(null);
        }

        List<String> failureDetails() {
            return strings(json.path("failure").path("details"));
        }

        /** Asserts the import completed with exactly these counts, and that they add up to the rows read. */
        Run assertCompleted(long read, long created, long updated, long unchanged, long rejected) {
            assertEquals("COMPLETED", status(), json::toString);
            assertEquals(List.of(read, created, updated, unchanged, rejected),
                    List.of(read(), created(), updated(), unchanged(), rejected()),
                    "rowsRead, rowsCreated, rowsUpdated, rowsUnchanged, rowsRejected of " + json);
            assertEquals(read(), created() + updated() + unchanged() + rejected(), json::toString);
            return this;
        }

        private static List<String> strings(JsonNode array) {
            List<String> values = new ArrayList<>();
            if (array != null) {
                array.forEach(v -> values.add(v.asText()));
            }
            return values;
        }
    }

    /** One line of an import's errors CSV. */
    record ErrorLine(long row, String field, String code, String reason) {
        /** "row field code", for comparing with expectations. */
        String key() {
            return row + " " + field + " " + code;
        }
    }

    /** The raw errors CSV of an import, in the given language (null: the default). */
    static Api.Response errorsCsv(Api api, String importId, String acceptLanguage) {
        Api client = acceptLanguage == null ? api : api.withHeader("Accept-Language", acceptLanguage);
        Api.Response response = client.get("/api/v1/retirees/imports/" + importId + "/errors");
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.header("Content-Type").startsWith("text/csv"), response.header("Content-Type"));
        return response;
    }

    /** The import's rejected rows, parsed from the English errors CSV. */
    static List<ErrorLine> errors(Api api, String importId) {
        String text = errorsCsv(api, importId, "en").text();
        assertTrue(text.startsWith("\uFEFF"), "the errors CSV starts with a BOM");
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.substring(1)))
                .setFormat(CSVFormat.RFC4180).get()) {
            List<CSVRecord> records = parser.getRecords();
            assertEquals(List.of("rowNumber", "field", "code", "reason"), records.getFirst().toList());
            List<ErrorLine> lines = new ArrayList<>();
            for (CSVRecord record : records.subList(1, records.size())) {
                lines.add(new ErrorLine(Long.parseLong(record.get(0)), record.get(1), record.get(2), record.get(3)));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> errorKeys(Api api, String importId) {
        return errors(api, importId).stream().map(ErrorLine::key).toList();
    }

    /** The retiree with this ID number (exact lookup), or null when there is none. */
    JsonNode retiree(String idNumber) {
        Api.Response found = municipal.get("/api/v1/retirees?q=" + idNumber);
        assertEquals(200, found.status(), found::toString);
        JsonNode items = found.json().get("items");
        assertTrue(items.size() <= 1, found::toString);
        return items.isEmpty() ? null : items.get(0);
    }

    /** The retiree with this ID number, failing the test if there is none. */
    JsonNode existing(String idNumber) {
        JsonNode retiree = retiree(idNumber);
        if (retiree == null) {
            throw new AssertionError("no retiree with the ID number " + idNumber.substring(0, 4) + "…");
        }
        return retiree;
    }

    /** Retirees of the enterprise in the database, counted directly. */
    long count(Enterprise enterprise) {
        return platform.count("SELECT count(*) FROM registry.retirees WHERE enterprise_id = ?::uuid", enterprise.id());
    }

    /** Retirees of the enterprise as the API lists them (up to 500). */
    JsonNode listed(Enterprise enterprise) {
        Api.Response listed = municipal.get("/api/v1/retirees?enterpriseId=" + enterprise.id() + "&limit=500");
        assertEquals(200, listed.status(), listed::toString);
        return listed.json().get("items");
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        platform.close();
    }
}
