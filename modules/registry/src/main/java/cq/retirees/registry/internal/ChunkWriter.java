package cq.retirees.registry.internal;

import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.outbox.Outbox;
import cq.retirees.registry.events.RetireeDied;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Writes one chunk of an import in one transaction: the valid rows are COPYed into a session-local staging table
 * and merged into {@code registry.retirees}; rejected rows go to {@code import_errors}; the import's progress
 * moves forward. A crash before the commit leaves nothing of the chunk, so a resumed import redoes it whole.
 * (The DB Client has no COPY, hence plain JDBC on a pooled connection.)
 */
final class ChunkWriter {

    /** A validated row ready to store, with its ciphertexts and lookup hashes already computed. */
    record StagedRow(long rowNumber, UUID id, byte[] idNumberHash, byte[] idNumberCipher, RetireeFacts facts,
                     byte[] phoneCipher, byte[] phoneHash) {
    }

    /** A rejected row: where, and why. */
    record Rejection(long rowNumber, FieldError error) {
    }

    record Counts(long created, long updated, long unchanged, long rejected) {
    }

    private static final String STAGE = "CREATE TEMP TABLE IF NOT EXISTS retiree_import_stage ("
            + " row_number bigint, id uuid, id_number_hash bytea, id_number_cipher bytea, name text, sex text,"
            + " birth_date date, retirement_date date, retiree_type text, insured_area text, residence_address text,"
            + " residence_area text, residence_street text, phone_cipher bytea, phone_hash bytea, party_member boolean,"
            + " party_organisation text, leader_management_level text, immobile boolean, status text, death_date date)"
            + " ON COMMIT DELETE ROWS";

    private static final String COLUMNS = "id, id_number_hash, id_number_cipher, name, sex, birth_date, retirement_date,"
            + " retiree_type, insured_area, residence_address, residence_area, residence_street, phone_cipher,"
            + " phone_hash, party_member, party_organisation, leader_management_level, immobile, status, death_date";

    /** Facts that a re-import may change; identity, status history and handover data stay as they are. */
    private static final String CHANGEABLE = "name, retirement_date, retiree_type, insured_area, residence_address,"
            + " residence_area, residence_street, phone_hash, party_member, party_organisation,"
            + " leader_management_level, immobile, death_date";

    private static final String MERGE = "WITH before AS (SELECT r.id_number_hash, r.status FROM registry.retirees r"
            + "   JOIN retiree_import_stage s ON s.id_number_hash = r.id_number_hash),"
            + " merged AS (INSERT INTO registry.retirees (enterprise_id, " + COLUMNS + ")"
            + "   SELECT ?::uuid, " + COLUMNS + " FROM retiree_import_stage"
            + "   ON CONFLICT (id_number_hash) DO UPDATE SET name = EXCLUDED.name,"
            + "     retirement_date = EXCLUDED.retirement_date, retiree_type = EXCLUDED.retiree_type,"
            + "     insured_area = EXCLUDED.insured_area, residence_address = EXCLUDED.residence_address,"
            + "     residence_area = EXCLUDED.residence_area, residence_street = EXCLUDED.residence_street,"
            + "     phone_cipher = EXCLUDED.phone_cipher, phone_hash = EXCLUDED.phone_hash,"
            + "     party_member = EXCLUDED.party_member, party_organisation = EXCLUDED.party_organisation,"
            + "     leader_management_level = EXCLUDED.leader_management_level, immobile = EXCLUDED.immobile,"
            + "     death_date = coalesce(registry.retirees.death_date, EXCLUDED.death_date),"
            + "     status = CASE WHEN EXCLUDED.death_date IS NOT NULL THEN 'DECEASED' ELSE registry.retirees.status END,"
            + "     version = registry.retirees.version + 1, updated_at = now()"
            + "   WHERE registry.retirees.enterprise_id = EXCLUDED.enterprise_id"
            + "     AND (" + prefixed("registry.retirees.", CHANGEABLE) + ") IS DISTINCT FROM ("
            + prefixed("EXCLUDED.", CHANGEABLE) + ")"
            + "   RETURNING id, id_number_hash, death_date, (xmax = 0) AS inserted)"
            + " SELECT m.id, m.death_date, m.inserted,"
            + "   (m.death_date IS NOT NULL AND (b.status IS NULL OR b.status <> 'DECEASED')) AS died"
            + " FROM merged m LEFT JOIN before b ON b.id_number_hash = m.id_number_hash";

    private final DataSource dataSource;
    private final Outbox outbox;

    ChunkWriter(DataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    Counts write(UUID importId, UUID enterpriseId, List<StagedRow> rows, List<Rejection> rejections, long rowsRead)
            throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Counts counts = write(connection, importId, enterpriseId, rows, rejections, rowsRead);
                connection.commit();
                return counts;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Counts write(Connection connection, UUID importId, UUID enterpriseId, List<StagedRow> rows,
                         List<Rejection> rejections, long rowsRead) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement statement = connection.createStatement()) {
            statement.execute(STAGE);
        }
        copy.copyIn("COPY retiree_import_stage (row_number, " + COLUMNS + ") FROM STDIN (FORMAT csv)",
                new StringReader(stageCsv(rows)));

        // One person, one registration in the whole city: an ID number held by another enterprise is refused.
        long atOtherEnterprise;
        try (PreparedStatement refuse = connection.prepareStatement("WITH taken AS (DELETE FROM retiree_import_stage s"
                + " USING registry.retirees r WHERE r.id_number_hash = s.id_number_hash AND r.enterprise_id <> ?::uuid"
                + " RETURNING s.row_number) INSERT INTO registry.import_errors (import_id, row_number, field, code)"
                + " SELECT ?::uuid, row_number, 'idNumber', 'ID_NUMBER_AT_OTHER_ENTERPRISE' FROM taken")) {
            refuse.setObject(1, enterpriseId);
            refuse.setObject(2, importId);
            atOtherEnterprise = refuse.executeUpdate();
        }

        long created = 0;
        long updated = 0;
        try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
            merge.setObject(1, enterpriseId);
            try (ResultSet merged = merge.executeQuery()) {
                while (merged.next()) {
                    if (merged.getBoolean("inserted")) {
                        created++;
                    } else {
                        updated++;
                    }
                    if (merged.getBoolean("died")) {
                        UUID id = merged.getObject("id", UUID.class);
                        outbox.append(connection, id.toString(),
                                new RetireeDied(id, enterpriseId, merged.getObject("death_date", LocalDate.class)));
                    }
                }
            }
        }
        if (!rejections.isEmpty()) {
            copy.copyIn("COPY registry.import_errors (import_id, row_number, field, code) FROM STDIN (FORMAT csv)",
                    new StringReader(errorsCsv(importId, rejections)));
        }
        long rejectedRows = rejections.stream().mapToLong(Rejection::rowNumber).distinct().count() + atOtherEnterprise;
        long unchanged = rows.size() - atOtherEnterprise - created - updated;
        try (PreparedStatement progress = connection.prepareStatement("UPDATE registry.imports SET rows_read = ?,"
                + " rows_created = rows_created + ?, rows_updated = rows_updated + ?,"
                + " rows_unchanged = rows_unchanged + ?, rows_rejected = rows_rejected + ?, heartbeat_at = now()"
                + " WHERE id = ?::uuid")) {
            progress.setLong(1, rowsRead);
            progress.setLong(2, created);
            progress.setLong(3, updated);
            progress.setLong(4, unchanged);
            progress.setLong(5, rejectedRows);
            progress.setObject(6, importId);
            progress.executeUpdate();
        }
        return new Counts(created, updated, unchanged, rejectedRows);
    }

    private static String stageCsv(List<StagedRow> rows) {
        StringBuilder csv = new StringBuilder(rows.size() * 400);
        HexFormat hex = HexFormat.of();
        for (StagedRow row : rows) {
            RetireeFacts f = row.facts();
            csv.append(row.rowNumber()).append(',').append(row.id()).append(',');
            bytea(csv, hex, row.idNumberHash()).append(',');
            bytea(csv, hex, row.idNumberCipher()).append(',');
            text(csv, f.name()).append(',').append(f.sex().name()).append(',')
                    .append(f.idNumber().birthDate()).append(',').append(f.retirementDate()).append(',')
                    .append(f.type().name()).append(',').append(f.insuredArea().value()).append(',');
            text(csv, f.residenceAddress()).append(',').append(f.residenceArea().value()).append(',');
            text(csv, f.residenceStreet()).append(',');
            bytea(csv, hex, row.phoneCipher()).append(',');
            bytea(csv, hex, row.phoneHash()).append(',');
            csv.append(f.partyMember()).append(',');
            text(csv, f.partyOrganisation()).append(',');
            csv.append(f.leaderManagementLevel() == null ? "" : f.leaderManagementLevel().name()).append(',')
                    .append(f.immobile()).append(',').append(f.initialStatus().name()).append(',')
                    .append(f.deathDate() == null ? "" : f.deathDate().toString()).append('\n');
        }
        return csv.toString();
    }

    private static String errorsCsv(UUID importId, List<Rejection> rejections) {
        StringBuilder csv = new StringBuilder();
        rejections.stream()
                .map(r -> r.rowNumber() + "," + r.error().field() + "," + r.error().code())
                .distinct() // one line per (row, field, reason): the table's key
                .forEach(line -> csv.append(importId).append(',').append(line).append('\n'));
        return csv.toString();
    }

    /** COPY csv: unquoted empty is NULL; a quoted value is text, with quotes doubled. */
    private static StringBuilder text(StringBuilder csv, String value) {
        if (value == null) {
            return csv;
        }
        return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private static StringBuilder bytea(StringBuilder csv, HexFormat hex, byte[] value) {
        return value == null ? csv : csv.append("\\x").append(hex.formatHex(value));
    }

    private static String prefixed(String prefix, String columns) {
        return String.join(", ", java.util.Arrays.stream(columns.split(",\\s*")).map(c -> prefix + c).toList());
    }
}
