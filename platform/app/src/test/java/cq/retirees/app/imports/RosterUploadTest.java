package cq.retirees.app.imports;

import cq.retirees.app.imports.ImportFixture.Enterprise;
import cq.retirees.app.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upload itself: media types, the enterprise parameter, who may import, and Idempotency-Key. */
class RosterUploadTest {

    private static ImportFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ImportFixture.start(RosterUploadTest.class);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static byte[] oneRow(Enterprise enterprise) {
        return Roster.english().add(Person.of(enterprise.creditCode())).csv();
    }

    @Test
    void jsonIsAnUnsupportedMediaType() {
        Enterprise enterprise = fixture.enterprise();
        Api.Response refused = ImportFixture.upload(fixture.municipal, enterprise, "application/json",
                "{\"rows\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(415, refused.status(), refused::toString);
        assertEquals("UNSUPPORTED_MEDIA_TYPE", refused.code());
        assertEquals(0, imports(enterprise));
    }

    @Test
    void aMissingContentTypeIsAnUnsupportedMediaType() {
        Enterprise enterprise = fixture.enterprise();
        Api.Response refused = ImportFixture.upload(fixture.municipal, enterprise, null, oneRow(enterprise));
        assertEquals(415, refused.status(), refused::toString);
    }

    @Test
    void anUnknownCharsetIsRefused() {
        Enterprise enterprise = fixture.enterprise();
        Api.Response refused = ImportFixture.upload(fixture.municipal, enterprise, "text/csv; charset=no-such-charset",
                oneRow(enterprise));
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("CHARSET_UNKNOWN", refused.json().get("errors").get(0).get("code").asText());
    }

    @Test
    void theEnterpriseIdIsRequired() {
        Enterprise enterprise = fixture.enterprise();
        Api.Response refused = fixture.municipal.send("POST", "/api/v1/retirees/imports", Roster.CSV,
                oneRow(enterprise));
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("enterpriseId", refused.json().get("errors").get(0).get("field").asText());
        assertEquals("FIELD_REQUIRED", refused.json().get("errors").get(0).get("code").asText());
    }

    @Test
    void aMalformedEnterpriseIdIsABadRequest() {
        Enterprise enterprise = fixture.enterprise();
        Api.Response refused = fixture.municipal.send("POST", "/api/v1/retirees/imports?enterpriseId=abc",
                Roster.CSV, oneRow(enterprise));
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("ID_INVALID", refused.json().get("errors").get(0).get("code").asText());
    }

    @Test
    void anUnknownEnterpriseIsNotFound() {
        Enterprise enterprise = fixture.enterprise();
        Api.Response refused = fixture.municipal.send("POST", "/api/v1/retirees/imports?enterpriseId="
                + UUID.randomUUID(), Roster.CSV, oneRow(enterprise));
        assertEquals(404, refused.status(), refused::toString);
        assertEquals("NOT_FOUND", refused.code());
    }

    @Test
    void anAuditorMayNotImport() {
        Enterprise enterprise = fixture.enterprise();
        Api auditor = fixture.user("auditor", "AUDITOR", List.of());
        Api.Response refused = ImportFixture.upload(auditor, enterprise, Roster.CSV, oneRow(enterprise));
        assertEquals(403, refused.status(), refused::toString);
        assertEquals(0, imports(enterprise));
    }

    @Test
    void anEnterpriseOperatorImportsForTheirOwnEnterpriseOnly() {
        Enterprise own = fixture.enterprise();
        Enterprise other = fixture.enterprise();
        Api operator = fixture.user("operator", "ENTERPRISE_OPERATOR", List.of(own.id()));
        ImportFixture.Run run = fixture.importFile(operator, own, Roster.CSV, oneRow(own));
        run.assertCompleted(1, 1, 0, 0, 0);
        assertEquals(1, fixture.count(own));

        Api.Response refused = ImportFixture.upload(operator, other, Roster.CSV, oneRow(other));
        assertEquals(404, refused.status(), refused::toString);
        assertEquals(0, imports(other));

        // Nor may they follow another enterprise's import.
        String othersImport = fixture.importCsv(other, Roster.english().add(Person.of(other.creditCode()))).id();
        assertEquals(404, operator.get("/api/v1/retirees/imports/" + othersImport).status());
        assertEquals(404, operator.get("/api/v1/retirees/imports/" + othersImport + "/errors").status());
    }

    @Test
    void anUnknownImportIsNotFound() {
        assertEquals(404, fixture.municipal.get("/api/v1/retirees/imports/" + UUID.randomUUID()).status());
        assertEquals(404, fixture.municipal.get("/api/v1/retirees/imports/not-a-uuid").status());
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstUploadWithoutASecondImport() {
        Enterprise enterprise = fixture.enterprise();
        byte[] file = Roster.english().add(Person.of(enterprise.creditCode()), Person.of(enterprise.creditCode()))
                .csv();
        Api keyed = fixture.municipal.withHeader("Idempotency-Key", "roster-" + enterprise.id());
        Api.Response first = ImportFixture.upload(keyed, enterprise, Roster.CSV, file);
        assertEquals(202, first.status(), first::toString);
        assertNull(first.header("Idempotency-Replayed"));
        String id = first.json().get("id").asText();
        ImportFixture.await(fixture.municipal, id).assertCompleted(2, 2, 0, 0, 0);

        Api.Response again = ImportFixture.upload(keyed, enterprise, Roster.CSV, file);
        assertEquals(202, again.status(), again::toString);
        assertEquals("true", again.header("Idempotency-Replayed"));
        assertEquals(id, again.json().get("id").asText());
        assertEquals(first.header("Location"), again.header("Location"));

        assertEquals(1, imports(enterprise), "the replay started no second import");
        ImportFixture.await(fixture.municipal, id).assertCompleted(2, 2, 0, 0, 0);
        assertEquals(2, fixture.count(enterprise));
    }

    @Test
    void anIdempotencyKeyReusedForAnotherFileIsRefused() {
        Enterprise enterprise = fixture.enterprise();
        Api keyed = fixture.municipal.withHeader("Idempotency-Key", "reused-" + enterprise.id());
        assertEquals(202, ImportFixture.upload(keyed, enterprise, Roster.CSV, oneRow(enterprise)).status());
        Api.Response refused = ImportFixture.upload(keyed, enterprise, Roster.CSV, oneRow(enterprise));
        assertEquals(422, refused.status(), refused::toString);
        assertEquals("IDEMPOTENCY_KEY_REUSED", refused.code());
        assertEquals(1, imports(enterprise));
    }

    @ParameterizedTest
    @ValueSource(strings = {Roster.CSV, Roster.XLSX})
    void anEmptyFileIsRefusedAsAnEmptyFileNotAMissingJsonBody(String mediaType) {
        Enterprise enterprise = fixture.enterprise();
        Api.Response refused = ImportFixture.upload(fixture.municipal.withHeader("Accept-Language", "en"), enterprise,
                mediaType, new byte[0]);
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("ROSTER_FILE_EMPTY", refused.code());
        String detail = refused.json().get("detail").asText();
        assertTrue(detail.contains("empty") && !detail.contains("JSON"), detail);
        assertEquals(0, imports(enterprise));
    }

    /** Imports registered for the enterprise, counted in the database. */
    private static long imports(Enterprise enterprise) {
        try (Connection c = fixture.platform.sql();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM registry.imports WHERE enterprise_id = ?::uuid")) {
            s.setString(1, enterprise.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
