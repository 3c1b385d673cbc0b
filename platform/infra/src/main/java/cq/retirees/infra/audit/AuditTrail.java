package cq.retirees.infra.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import cq.retirees.infra.db.Rows;
import cq.retirees.infra.db.Transactions;
import cq.retirees.infra.http.Cursor;
import cq.retirees.infra.http.Json;
import cq.retirees.infra.http.Page;
import cq.retirees.infra.http.PageRequest;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The append-only, hash-chained audit trail. Appends join the caller's transaction, so an audited change and its
 * event commit or vanish together; the chain head's row lock orders appends across all instances.
 */
public final class AuditTrail {

    private final DbClient db;
    private final Transactions transactions;
    private final Clock clock;

    public AuditTrail(DbClient db, Clock clock) {
        this.db = db;
        this.transactions = new Transactions(db);
        this.clock = clock;
    }

    /** Appends within the caller's transaction. */
    public void append(DbExecute tx, AuditRecord record) {
        DbRow head = tx.get("SELECT last_hash FROM audit.chain_head WHERE singleton FOR UPDATE").orElseThrow();
        String prevHash = Rows.string(head, "last_hash");
        UUID id = UUID.randomUUID();
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS); // what timestamptz keeps
        String detail = new String(Json.bytes(record.detail()), StandardCharsets.UTF_8);
        String hash = ChainHash.of(prevHash, id, occurredAt, record.actorId(), record.actorName(), record.action(),
                record.entityType(), record.entityId(), record.outcome(), record.address(), detail);
        DbRow inserted = tx.get("INSERT INTO audit.events (id, occurred_at, actor_id, actor_name, action, entity_type,"
                        + " entity_id, outcome, address, detail, prev_hash, hash)"
                        + " VALUES (?::uuid, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
                id, Timestamp.from(occurredAt), record.actorId(), record.actorName(), record.action(),
                record.entityType(), record.entityId(), record.outcome().name(), record.address(), detail,
                prevHash, hash).orElseThrow();
        tx.dml("UPDATE audit.chain_head SET last_seq = ?, last_hash = ? WHERE singleton",
                Rows.longValue(inserted, "seq"), hash);
    }

    /** Appends in a transaction of its own: for events that are not part of a change (logins, denials). */
    public void appendAlone(AuditRecord record) {
        transactions.inTransaction(tx -> {
            append(tx, record);
            return null;
        });
    }

    public Page<AuditEvent> list(AuditQuery query, PageRequest page) {
        long afterSeq = page.after(1).map(c -> c.longKey(0)).orElse(0L);
        try (Stream<DbRow> rows = db.execute().query("SELECT * FROM audit.events WHERE seq > ?"
                        + " AND (?::text IS NULL OR actor_name = ?)"
                        + " AND (?::text IS NULL OR entity_type = ? OR entity_type || ':' || entity_id = ?)"
                        + " AND (?::timestamptz IS NULL OR occurred_at >= ?)"
                        + " AND (?::timestamptz IS NULL OR occurred_at < ?)"
                        + " ORDER BY seq LIMIT ?",
                afterSeq, query.actor(), query.actor(), query.entity(), query.entity(), query.entity(),
                ts(query.from()), ts(query.from()), ts(query.to()), ts(query.to()), page.fetchSize())) {
            List<AuditEvent> events = rows.map(AuditTrail::event).toList();
            return Page.of(events, page, e -> Cursor.of(Long.toString(e.seq())));
        }
    }

    /** Walks the whole chain in order and reports the first break. */
    public ChainReport verify() {
        String expectedPrev = ChainHash.GENESIS;
        long checked = 0;
        long lastSeq = 0;
        try (Stream<DbRow> rows = db.execute().query("SELECT * FROM audit.events ORDER BY seq")) {
            for (DbRow row : (Iterable<DbRow>) rows::iterator) {
                AuditEvent e = event(row);
                checked++;
                if (!e.prevHash().equals(expectedPrev)) {
                    return ChainReport.broken(checked, e.seq(), "LINK_BROKEN");
                }
                String detail = Rows.string(row, "detail");
                String recomputed = ChainHash.of(e.prevHash(), e.id(), e.occurredAt(), e.actorId(), e.actorName(),
                        e.action(), e.entityType(), e.entityId(), e.outcome(), e.address(), detail);
                if (!recomputed.equals(e.hash())) {
                    return ChainReport.broken(checked, e.seq(), "ROW_ALTERED");
                }
                expectedPrev = e.hash();
                lastSeq = e.seq();
            }
        }
        DbRow head = db.execute().get("SELECT last_seq, last_hash FROM audit.chain_head").orElseThrow();
        if (!Rows.string(head, "last_hash").equals(expectedPrev) || Rows.longValue(head, "last_seq") != lastSeq) {
            return ChainReport.broken(checked, Rows.longValue(head, "last_seq"), "HEAD_MISMATCH");
        }
        return ChainReport.intact(checked);
    }

    private static AuditEvent event(DbRow row) {
        return new AuditEvent(Rows.longValue(row, "seq"), Rows.uuid(row, "id"), Rows.instant(row, "occurred_at"),
                Rows.uuid(row, "actor_id"), Rows.string(row, "actor_name"), Rows.string(row, "action"),
                Rows.string(row, "entity_type"), Rows.string(row, "entity_id"),
                Outcome.valueOf(Rows.string(row, "outcome")), Rows.string(row, "address"),
                detail(Rows.string(row, "detail")), Rows.string(row, "prev_hash"), Rows.string(row, "hash"));
    }

    private static Map<String, String> detail(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            // a tampered detail column must still list; verify() reports it
            return Map.of("unreadable", "true");
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

}
