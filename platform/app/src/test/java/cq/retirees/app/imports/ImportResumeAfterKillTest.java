package cq.retirees.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.ForkedServer;
import cq.retirees.registry.demo.SyntheticEnterprise;
import cq.retirees.registry.demo.SyntheticRetiree;
import cq.retirees.registry.demo.SyntheticRoster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A roster import killed with {@code kill -9} half-way leaves only whole chunks behind, and after a restart it
 * resumes and ends exactly as an uninterrupted import would.
 */
class ImportResumeAfterKillTest {

    private static final int ROWS = 60_000;
    private static final int CHUNK = 2_000;

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
    void aKilledImportLeavesWholeChunksAndResumesToTheSameResult() throws Exception {
        server = new ForkedServer(dataDirectory, "registry.import.chunk-rows=" + CHUNK).start();
        Api municipal = municipalAdmin(server.api());
        SyntheticRoster roster = new SyntheticRoster(84);
        SyntheticEnterprise enterprise = roster.enterprise(0);
        String enterpriseId = municipal.post("/api/v1/enterprises", Map.of("creditCode", enterprise.creditCode(),
                "name", enterprise.name(), "category", enterprise.category(), "insuredAreaCode",
                enterprise.insuredAreaCode(), "locationAreaCode", enterprise.locationAreaCode())).json().get("id").asText();
        List<SyntheticRetiree> people = roster.retirees(enterprise, ROWS).toList();
        StringBuilder csv = new StringBuilder();
        SyntheticRoster.writeCsv(csv, people.stream());
        // one repeated person at the very end: rejected as a duplicate, in both runs alike
        StringBuilder last = new StringBuilder();
        SyntheticRoster.writeCsv(last, java.util.stream.Stream.of(people.get(7)));
        csv.append(last.substring(last.indexOf("\n") + 1));

        String importId = municipal.send("POST", "/api/v1/retirees/imports?enterpriseId=" + enterpriseId, "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)).json().get("id").asText();
        JsonNode midway = awaitRowsRead(municipal, importId, 6 * CHUNK);
        server.kill();

        // The database (its postmaster outlives the JVM) holds whole chunks only: what the progress says, exactly.
        try (Connection c = server.sql("retirees")) {
            long committedRows = scalar(c, "SELECT rows_read FROM registry.imports WHERE id = '" + importId + "'");
            long stored = scalar(c, "SELECT count(*) FROM registry.retirees WHERE enterprise_id = '" + enterpriseId + "'");
            assertEquals(0, committedRows % CHUNK, "progress moves by whole chunks");
            assertEquals(committedRows, stored, "every committed row is stored, nothing of the chunk in flight");
            assertTrue(committedRows < ROWS, "killed half-way (" + committedRows + " of " + ROWS + "), seen "
                    + midway.get("rowsRead"));
        }

        server.start();
        JsonNode done = awaitStatus(server.api().login("sasac", "municipal-password"), importId, "COMPLETED");
        assertEquals(ROWS + 1, done.get("rowsRead").asLong());
        assertEquals(ROWS, done.get("rowsCreated").asLong(), "the same result as an uninterrupted import");
        assertEquals(0, done.get("rowsUpdated").asLong());
        assertEquals(1, done.get("rowsRejected").asLong());
        try (Connection c = server.sql("retirees")) {
            assertEquals(ROWS, scalar(c, "SELECT count(*) FROM registry.retirees WHERE enterprise_id = '" + enterpriseId + "'"));
            assertEquals(1, scalar(c, "SELECT count(*) FROM registry.import_errors WHERE import_id = '" + importId
                    + "' AND code = 'ID_NUMBER_DUPLICATE_IN_FILE' AND row_number = " + (ROWS + 2)));
        }
    }

    private static Api municipalAdmin(Api anonymous) {
        Api admin = anonymous.login("admin", ForkedServer.ADMIN_PASSWORD);
        admin.post("/api/v1/admin/users", Map.of("username", "sasac", "displayName", "市国资委",
                "password", "municipal-password", "roles", List.of("MUNICIPAL_ADMIN")));
        return anonymous.login("sasac", "municipal-password");
    }

    private static JsonNode awaitRowsRead(Api api, String importId, long atLeast) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            JsonNode progress = api.get("/api/v1/retirees/imports/" + importId).json();
            if (progress.get("rowsRead").asLong() >= atLeast) {
                return progress;
            }
            String status = progress.get("status").asText();
            assertTrue(status.equals("RUNNING") || status.equals("RECEIVED"), "still running: " + progress);
            Thread.sleep(20);
        }
        throw new AssertionError("the import did not progress");
    }

    private static JsonNode awaitStatus(Api api, String importId, String status) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode progress = api.get("/api/v1/retirees/imports/" + importId).json();
            if (progress.get("status").asText().equals(status)) {
                return progress;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not reach " + status);
    }

    private static long scalar(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
