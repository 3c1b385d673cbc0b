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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static final String LOCK_HEAD = "SELECT last_hash FROM audit.chain_head WHERE singleton FOR UPDATE";
    private static final String INSERT = "INSERT INTO audit.events (id, occurred_at, actor_id, actor_name, action,"
            + " entity_type, entity_id, outcome, address, detail, prev_hash, hash)"
            + " VALUES (?::uuid, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq";
    private static final String MOVE_HEAD = "UPDATE audit.chain_head SET last_seq = ?, last_hash = ? WHERE singleton";

    /** Appends within the caller's transaction. */
    public void append(DbExecute tx, AuditRecord record) {
        DbRow head = tx.get(LOCK_HEAD).orElseThrow();
        Link link = link(Rows.string(head, "last_hash"), record);
        DbRow inserted = tx.get(INSERT, link.values()).orElseThrow();
        tx.dml(MOVE_HEAD, Rows.longValue(inserted, "seq"), link.hash());
    }

    /** Appends within the transaction of a plain JDBC connection (bulk work that runs outside the DB Client). */
    public void append(Connection connection, AuditRecord record) throws SQLException {
        String prevHash;
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD); ResultSet rs = lock.executeQuery()) {
            rs.next();
            prevHash = rs.getString(1);
        }
        Link link = link(prevHash, record);
        long seq;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Object[] values = link.values();
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i] == null ? null : values[i] instanceof Timestamp ? values[i]
                        : values[i].toString());
            }
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
        }
        try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
            move.setLong(1, seq);
            move.setString(2, link.hash());
            move.executeUpdate();
        }
    }

    /** The next link of the chain: the row's values in {@link #INSERT}'s order, and its hash. */
    private record Link(Object[] values, String hash) {
    }

    private Link link(String prevHash, AuditRecord record) {
        UUID id = UUID.randomUUID();
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS); // what timestamptz keeps
        String detail = new String(Json.bytes(record.detail()), StandardCharsets.UTF_8);
        String hash = ChainHash.of(prevHash, id, occurredAt, record.actorId(), record.actorName(), record.action(),
                record.entityType(), record.entityId(), record.outcome(), record.address(), detail);
        return new Link(new Object[] {id, Timestamp.from(occurredAt), record.actorId(), record.actorName(),
                record.action(), record.entityType(), record.entityId(), record.outcome().name(), record.address(),
                detail, prevHash, hash}, hash);
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
