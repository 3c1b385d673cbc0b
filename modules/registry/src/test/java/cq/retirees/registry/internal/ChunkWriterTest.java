package cq.retirees.registry.internal;

import com.zaxxer.hikari.HikariDataSource;
import cq.retirees.infra.crypto.DataKeys;
import cq.retirees.infra.crypto.PersonalDataCipher;
import cq.retirees.infra.db.Migrations;
import cq.retirees.infra.db.ModuleSchema;
import cq.retirees.infra.outbox.Outbox;
import cq.retirees.infra.testing.TestDatabases;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.ResidentIdNumber;
import cq.retirees.registry.RetireeType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Both ways a chunk is written: the usual one (new rows COPYed straight in, known ones merged) and the careful one
 * a unique-key race falls back to (every row through the staging merge). They must decide every row alike.
 */
class ChunkWriterTest {

    private static HikariDataSource dataSource;
    private static ChunkWriter writer;
    private static RetireesDb retirees;
    private static final UUID ENTERPRISE_A = UUID.randomUUID();
    private static final UUID ENTERPRISE_B = UUID.randomUUID();

    @BeforeAll
    static void database() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(TestDatabases.newDatabase(ChunkWriterTest.class));
        dataSource.setUsername("postgres");
        new Migrations(dataSource, List.of(new ModuleSchema("platform"), new ModuleSchema("registry"))).migrate();
        retirees = new RetireesDb(new PersonalDataCipher(DataKeys.of(new byte[32])));
        writer = new ChunkWriter(dataSource, new Outbox());
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void enterprises() throws Exception {
        sql("TRUNCATE registry.import_errors, registry.imports, registry.retirees, registry.enterprises CASCADE");
        for (UUID id : List.of(ENTERPRISE_A, ENTERPRISE_B)) {
            sql("INSERT INTO registry.enterprises (id, credit_code, name, category, insured_area, location_area)"
                    + " VALUES ('" + id + "', '" + id.toString().substring(0, 18) + "', 'e', 'MUNICIPAL_KEY_SOE', '500103', '500103')");
        }
    }

    @Test
    void theUsualPathCreatesNewRowsUpdatesKnownOnesAndRefusesAnotherEnterprisesPeople() throws Exception {
        runBothWays(false);
    }

    @Test
    void theCarefulPathDecidesEveryRowAlike() throws Exception {
        runBothWays(true);
    }

    private void runBothWays(boolean careful) throws Exception {
        UUID firstImport = newImport(ENTERPRISE_A);
        writer.write(firstImport, ENTERPRISE_A, List.of(row(2, "001", "示例路1号"), row(3, "002", "示例路2号")), List.of(), 2);
        UUID otherImport = newImport(ENTERPRISE_B);
        writer.write(otherImport, ENTERPRISE_B, List.of(row(2, "003", "示例路3号")), List.of(), 1);

        UUID second = newImport(ENTERPRISE_A);
        List<ChunkWriter.StagedRow> rows = List.of(
                row(2, "001", "示例路1号"),      // known, unchanged
                row(3, "002", "新地址9号"),      // known, changed
                row(4, "003", "示例路3号"),      // enterprise B's person
                row(5, "004", "示例路4号"));     // new
        ChunkWriter.Counts counts = careful
                ? writer.writeMerged(second, ENTERPRISE_A, rows, List.of(), 4)
                : writer.write(second, ENTERPRISE_A, rows, List.of(), 4);

        assertEquals(new ChunkWriter.Counts(1, 1, 1, 1), counts);
        assertEquals(3, scalar("SELECT count(*) FROM registry.retirees WHERE enterprise_id = '" + ENTERPRISE_A + "'"));
        assertEquals(1, scalar("SELECT count(*) FROM registry.import_errors WHERE import_id = '" + second
                + "' AND row_number = 4 AND code = 'ID_NUMBER_AT_OTHER_ENTERPRISE'"));
        assertEquals(2, scalar("SELECT version FROM registry.retirees WHERE residence_address = '新地址9号'"));
        assertEquals(1, scalar("SELECT rows_created FROM registry.imports WHERE id = '" + second + "'"));
        assertEquals(1, scalar("SELECT rows_rejected FROM registry.imports WHERE id = '" + second + "'"));
    }

    private static ChunkWriter.StagedRow row(long rowNumber, String sequence, String address) {
        String first17 = "50019119500101" + sequence;
        ResidentIdNumber id = ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17));
        RetireeFacts facts = new RetireeFacts(id, "测试" + sequence, id.sex(), LocalDate.of(2010, 1, 1),
                RetireeType.RETIRED, AreaCode.of("500103"), address, AreaCode.of("500103"), null, null, false, null,
                null, false, null);
        return new ChunkWriter.StagedRow(rowNumber, TimeOrderedIds.next(), retirees.idNumberHash(id),
                retirees.encrypt(id.value()), facts, null, null);
    }

    private static UUID newImport(UUID enterprise) throws Exception {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO registry.imports (id, enterprise_id, format, status, file_sha256, file_bytes, created_by)"
                + " VALUES ('" + id + "', '" + enterprise + "', 'CSV', 'RUNNING', 'x', 1, '" + new UUID(0, 0) + "')");
        return id;
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long scalar(String query) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
