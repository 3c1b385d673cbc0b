package cq.retirees.registry.internal;

import cq.retirees.infra.db.CopyCsv;
import cq.retirees.infra.db.SqlStates;
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
            + " row_number bigint, id uuid, id_number_hash bytea, id_number_cipher bytea, name text, name_grams text[], sex text,"
            + " birth_date date, retirement_date date, retiree_type text, insured_area text, residence_address text,"
            + " residence_area text, residence_street text, phone_cipher bytea, phone_hash bytea, party_member boolean,"
            + " party_organisation text, leader_management_level text, immobile boolean, status text, death_date date)"
            + " ON COMMIT DELETE ROWS";

    private static final String COLUMNS = "id, id_number_hash, id_number_cipher, name, name_grams, sex, birth_date, retirement_date,"
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
            + "   ON CONFLICT (id_number_hash) DO UPDATE SET name = EXCLUDED.name, name_grams = EXCLUDED.name_grams,"
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
        try {
            return inTransaction(connection -> writeFresh(connection, importId, enterpriseId, rows, rejections, rowsRead));
        } catch (SQLException e) {
            if (!SqlStates.isUniqueViolation(e)) {
                throw e;
            }
            // Another writer registered one of these ID numbers after we looked: merge the chunk row by row instead.
            return writeMerged(importId, enterpriseId, rows, rejections, rowsRead);
        }
    }

    private interface Work {
        Counts apply(Connection connection) throws SQLException, IOException;
    }

    private Counts inTransaction(Work work) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Counts counts = work.apply(connection);
                connection.commit();
                return counts;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * The usual case: rows whose ID number is new go straight into the table with COPY; only rows this enterprise
     * already holds go through the staging merge; rows held by another enterprise are refused.
     */
    private Counts writeFresh(Connection connection, UUID importId, UUID enterpriseId, List<StagedRow> rows,
                              List<Rejection> rejections, long rowsRead) throws SQLException, IOException {
        java.util.Map<java.nio.ByteBuffer, UUID> holders = holders(connection, rows);
        List<StagedRow> fresh = new java.util.ArrayList<>();
        List<StagedRow> ours = new java.util.ArrayList<>();
        List<Rejection> refused = new java.util.ArrayList<>(rejections);
        long atOtherEnterprise = 0;
        for (StagedRow row : rows) {
            UUID holder = holders.get(java.nio.ByteBuffer.wrap(row.idNumberHash()));
            if (holder == null) {
                fresh.add(row);
            } else if (holder.equals(enterpriseId)) {
                ours.add(row);
            } else {
                refused.add(new Rejection(row.rowNumber(), FieldError.of("idNumber", "ID_NUMBER_AT_OTHER_ENTERPRISE")));
                atOtherEnterprise++;
            }
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        if (!fresh.isEmpty()) {
            copy.copyIn("COPY registry.retirees (enterprise_id, " + COLUMNS + ") FROM STDIN (FORMAT csv)",
                    new StringReader(tableCsv(enterpriseId, fresh)));
            for (StagedRow row : fresh) {
                if (row.facts().deathDate() != null) {
                    outbox.append(connection, row.id().toString(),
                            new RetireeDied(row.id(), enterpriseId, row.facts().deathDate()));
                }
            }
        }
        long[] merged = ours.isEmpty() ? new long[2] : merge(connection, copy, enterpriseId, ours);
        long created = fresh.size() + merged[0];
        long updated = merged[1];
        return finish(connection, copy, importId, refused, rowsRead, created, updated,
                rows.size() - atOtherEnterprise - created - updated, 0);
    }

    /** The careful path: every row through the staging table and the merge statement. */
    Counts writeMerged(UUID importId, UUID enterpriseId, List<StagedRow> rows, List<Rejection> rejections,
                       long rowsRead) throws SQLException, IOException {
        return inTransaction(connection -> writeMerged(connection, importId, enterpriseId, rows, rejections, rowsRead));
    }

    private Counts writeMerged(Connection connection, UUID importId, UUID enterpriseId, List<StagedRow> rows,
                               List<Rejection> rejections, long rowsRead) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long atOtherEnterprise = stage(connection, copy, rows, importId, enterpriseId);
        long[] merged = mergeStaged(connection, enterpriseId);
        return finish(connection, copy, importId, rejections, rowsRead, merged[0], merged[1],
                rows.size() - atOtherEnterprise - merged[0] - merged[1], atOtherEnterprise);
    }

    private long[] merge(Connection connection, CopyManager copy, UUID enterpriseId, List<StagedRow> rows)
            throws SQLException, IOException {
        stage(connection, copy, rows, null, enterpriseId);
        return mergeStaged(connection, enterpriseId);
    }

    /** Copies rows to the staging table; with an import id, refuses (and counts) those another enterprise holds. */
    private long stage(Connection connection, CopyManager copy, List<StagedRow> rows, UUID importId, UUID enterpriseId)
            throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(STAGE);
        }
        copy.copyIn("COPY retiree_import_stage (row_number, " + COLUMNS + ") FROM STDIN (FORMAT csv)",
                new StringReader(stageCsv(rows)));
        if (importId == null) {
            return 0;
        }
        // One person, one registration in the whole city: an ID number held by another enterprise is refused.
        try (PreparedStatement refuse = connection.prepareStatement("WITH taken AS (DELETE FROM retiree_import_stage s"
                + " USING registry.retirees r WHERE r.id_number_hash = s.id_number_hash AND r.enterprise_id <> ?::uuid"
                + " RETURNING s.row_number) INSERT INTO registry.import_errors (import_id, row_number, field, code)"
                + " SELECT ?::uuid, row_number, 'idNumber', 'ID_NUMBER_AT_OTHER_ENTERPRISE' FROM taken")) {
            refuse.setObject(1, enterpriseId);
            refuse.setObject(2, importId);
            return refuse.executeUpdate();
        }
    }

    /** Merges the staged rows; returns {created, updated}, and publishes the deaths it recorded. */
    private long[] mergeStaged(Connection connection, UUID enterpriseId) throws SQLException {
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
        return new long[] {created, updated};
    }

    /**
     * Lists the rejections, moves the progress forward. {@code rejectedUnlisted} counts rows already refused in SQL
     * (their errors written there), which {@code rejections} does not hold.
     */
    private Counts finish(Connection connection, CopyManager copy, UUID importId, List<Rejection> rejections,
                          long rowsRead, long created, long updated, long unchanged, long rejectedUnlisted)
            throws SQLException, IOException {
        if (!rejections.isEmpty()) {
            copy.copyIn("COPY registry.import_errors (import_id, row_number, field, code) FROM STDIN (FORMAT csv)",
                    new StringReader(errorsCsv(importId, rejections)));
        }
        long rejectedRows = rejections.stream().mapToLong(Rejection::rowNumber).distinct().count() + rejectedUnlisted;
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

    /** Which enterprise, if any, already holds each row's ID number. */
    private static java.util.Map<java.nio.ByteBuffer, UUID> holders(Connection connection, List<StagedRow> rows)
            throws SQLException {
        java.util.Map<java.nio.ByteBuffer, UUID> holders = new java.util.HashMap<>();
        if (rows.isEmpty()) {
            return holders;
        }
        byte[][] hashes = rows.stream().map(StagedRow::idNumberHash).toArray(byte[][]::new);
        try (PreparedStatement lookup = connection.prepareStatement("SELECT id_number_hash, enterprise_id"
                + " FROM registry.retirees WHERE id_number_hash = ANY(?)")) {
            lookup.setArray(1, connection.createArrayOf("bytea", hashes));
            try (ResultSet found = lookup.executeQuery()) {
                while (found.next()) {
                    holders.put(java.nio.ByteBuffer.wrap(found.getBytes(1)), found.getObject(2, UUID.class));
                }
            }
        }
        return holders;
    }

    /** Rows for COPY into the table itself: the enterprise first, then the same columns as staging. */
    private static String tableCsv(UUID enterpriseId, List<StagedRow> rows) {
        return rowsCsv(rows, row -> enterpriseId.toString());
    }

    private static String stageCsv(List<StagedRow> rows) {
        return rowsCsv(rows, row -> Long.toString(row.rowNumber()));
    }

    private static String rowsCsv(List<StagedRow> rows, java.util.function.Function<StagedRow, String> leading) {
        StringBuilder csv = new StringBuilder(rows.size() * 400);
        HexFormat hex = HexFormat.of();
        for (StagedRow row : rows) {
            RetireeFacts f = row.facts();
            csv.append(leading.apply(row)).append(',').append(row.id()).append(',');
            bytea(csv, hex, row.idNumberHash()).append(',');
            bytea(csv, hex, row.idNumberCipher()).append(',');
            text(csv, f.name()).append(',');
            text(csv, NameGrams.literal(f.name())).append(',').append(f.sex().name()).append(',')
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

    private static StringBuilder text(StringBuilder csv, String value) {
        return CopyCsv.text(csv, value);
    }

    private static StringBuilder bytea(StringBuilder csv, HexFormat hex, byte[] value) {
        return value == null ? csv : csv.append("\\x").append(hex.formatHex(value));
    }

    private static String prefixed(String prefix, String columns) {
        return String.join(", ", java.util.Arrays.stream(columns.split(",\\s*")).map(c -> prefix + c).toList());
    }
}
