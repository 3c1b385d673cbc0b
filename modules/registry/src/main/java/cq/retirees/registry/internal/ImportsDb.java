package cq.retirees.registry.internal;

import cq.retirees.infra.db.Rows;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Roster imports and their rejected rows. */
public final class ImportsDb {

    /** An import as stored: what was received, how far it got, what it found. */
    record ImportRun(UUID id, UUID enterpriseId, String format, String declaredCharset, String status,
                     String failureCode, String failureDetails, String charset, long rowsRead, long rowsCreated,
                     long rowsUpdated, long rowsUnchanged, long rowsRejected, String ignoredHeadings,
                     long fileBytes, UUID createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    void insert(DbExecute db, UUID id, UUID enterpriseId, String format, String declaredCharset, String sha256,
                long bytes, UUID createdBy) {
        db.dml("INSERT INTO registry.imports (id, enterprise_id, format, declared_charset, status, file_sha256,"
                        + " file_bytes, created_by) VALUES (?::uuid, ?::uuid, ?, ?, 'RECEIVED', ?, ?, ?::uuid)",
                id, enterpriseId, format, declaredCharset, sha256, bytes, createdBy);
    }

    Optional<ImportRun> byId(DbExecute db, UUID id) {
        return db.get("SELECT * FROM registry.imports WHERE id = ?::uuid", id).map(ImportsDb::run);
    }

    /** Imports not yet finished: after a crash, the ones whose upload this instance holds are resumed. */
    List<UUID> unfinished(DbExecute db) {
        try (Stream<DbRow> rows = db.query("SELECT id FROM registry.imports WHERE status IN ('RECEIVED', 'RUNNING')"
                + " ORDER BY created_at")) {
            return rows.map(r -> Rows.uuid(r, "id")).toList();
        }
    }

    void started(DbExecute db, UUID id, String charset, String ignoredHeadings) {
        db.dml("UPDATE registry.imports SET status = 'RUNNING', started_at = coalesce(started_at, now()),"
                + " heartbeat_at = now(), charset = ?, ignored_headings = ? WHERE id = ?::uuid", charset,
                ignoredHeadings, id);
    }

    void completed(DbExecute db, UUID id) {
        db.dml("UPDATE registry.imports SET status = 'COMPLETED', finished_at = now() WHERE id = ?::uuid", id);
    }

    void failed(DbExecute db, UUID id, String code, String details) {
        db.dml("UPDATE registry.imports SET status = 'FAILED', failure_code = ?, failure_details = ?,"
                + " finished_at = now() WHERE id = ?::uuid", code, details, id);
    }

    /** Rejected rows in file order, as (row number, field, code). */
    Stream<DbRow> errors(DbExecute db, UUID id) {
        return db.query("SELECT row_number, field, code FROM registry.import_errors WHERE import_id = ?::uuid"
                + " ORDER BY row_number, field, code", id);
    }

    private static ImportRun run(DbRow r) {
        return new ImportRun(Rows.uuid(r, "id"), Rows.uuid(r, "enterprise_id"), Rows.string(r, "format"),
                Rows.string(r, "declared_charset"), Rows.string(r, "status"), Rows.string(r, "failure_code"),
                Rows.string(r, "failure_details"), Rows.string(r, "charset"), Rows.longValue(r, "rows_read"),
                Rows.longValue(r, "rows_created"), Rows.longValue(r, "rows_updated"),
                Rows.longValue(r, "rows_unchanged"), Rows.longValue(r, "rows_rejected"),
                Rows.string(r, "ignored_headings"), Rows.longValue(r, "file_bytes"), Rows.uuid(r, "created_by"),
                Rows.instant(r, "created_at"), Rows.instant(r, "started_at"), Rows.instant(r, "finished_at"));
    }
}
