package cq.retirees.handover.internal;

import cq.retirees.handover.HandoverItem;
import cq.retirees.infra.db.PgArrays;
import cq.retirees.infra.db.Rows;
import cq.retirees.infra.security.ScopeFilter;
import cq.retirees.kernel.AreaCode;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.sql.Date;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Batches in {@code handover.batches} and their items in {@code handover.batch_items}. */
final class BatchesDb {

    void insert(DbExecute tx, Batch b, UUID createdBy) {
        tx.dml("INSERT INTO handover.batches (id, plan_id, receiving_area, receiving_body_id, effective_on, state,"
                        + " created_by) VALUES (?::uuid, ?::uuid, ?, ?::uuid, ?, 'OPEN', ?::uuid)", b.id(), b.planId(),
                b.receivingArea().value(), b.receivingBodyId(), Date.valueOf(b.effectiveOn()), createdBy);
        for (HandoverItem item : HandoverItem.values()) {
            tx.dml("INSERT INTO handover.batch_items (batch_id, item, status) VALUES (?::uuid, ?, 'OPEN')",
                    b.id(), item.name());
        }
    }

    Optional<Batch> byId(DbExecute db, UUID id) {
        return db.get("SELECT * FROM handover.batches WHERE id = ?::uuid", id).map(BatchesDb::batch);
    }

    Optional<Batch> lock(DbExecute tx, UUID id) {
        return tx.get("SELECT * FROM handover.batches WHERE id = ?::uuid FOR UPDATE", id).map(BatchesDb::batch);
    }

    /** A plan's batches the caller may see: all of them, or those received in the caller's areas (and bodies). */
    List<Batch> ofPlan(DbExecute db, UUID planId, ScopeFilter scope, boolean wholePlan) {
        try (Stream<DbRow> rows = db.query("SELECT * FROM handover.batches WHERE plan_id = ?::uuid"
                        + " AND (? OR (receiving_area = ANY(?::text[])"
                        + "      AND (NOT ? OR receiving_body_id = ANY(?::uuid[])))) ORDER BY created_at, id",
                planId, wholePlan, scope.areas(), scope.narrowedToBodies(), scope.receivingBodies())) {
            return rows.map(BatchesDb::batch).toList();
        }
    }

    List<BatchItem> items(DbExecute db, UUID batchId) {
        return itemsOf(db, List.of(batchId)).getOrDefault(batchId, List.of());
    }

    /** The items of several batches in one query, each batch's in item order. */
    Map<UUID, List<BatchItem>> itemsOf(DbExecute db, Collection<UUID> batchIds) {
        try (Stream<DbRow> rows = db.query("SELECT * FROM handover.batch_items WHERE batch_id = ANY(?::uuid[])",
                PgArrays.literal(batchIds))) {
            return rows.collect(Collectors.groupingBy(r -> Rows.uuid(r, "batch_id"), Collectors.mapping(
                    r -> new BatchItem(HandoverItem.valueOf(Rows.string(r, "item")),
                            ItemStatus.valueOf(Rows.string(r, "status")), Rows.string(r, "note"),
                            Rows.instant(r, "updated_at")),
                    Collectors.collectingAndThen(Collectors.toList(), list -> list.stream()
                            .sorted(Comparator.comparing(BatchItem::item)).toList()))));
        }
    }

    /** How many retirees (not taken off) each of several batches holds, in one query. */
    Map<UUID, Long> membersOf(DbExecute db, Collection<UUID> batchIds) {
        try (Stream<DbRow> rows = db.query("SELECT batch_id, count(*) AS n FROM handover.roster_entries"
                + " WHERE batch_id = ANY(?::uuid[]) AND removed_code IS NULL GROUP BY batch_id",
                PgArrays.literal(batchIds))) {
            return rows.collect(Collectors.toMap(r -> Rows.uuid(r, "batch_id"), r -> Rows.longValue(r, "n")));
        }
    }

    void setItem(DbExecute tx, UUID batchId, HandoverItem item, ItemStatus status, String note, UUID by) {
        tx.dml("UPDATE handover.batch_items SET status = ?, note = ?, updated_by = ?::uuid, updated_at = now()"
                + " WHERE batch_id = ?::uuid AND item = ?", status.name(), note, by, batchId, item.name());
        touch(tx, batchId);
    }

    /** Records one side's signature; the batch becomes SIGNED in the same statement when the other side has signed. */
    void sign(DbExecute tx, UUID batchId, SigningSide side, String signatory, UUID by) {
        String mine = side == SigningSide.ENTERPRISE ? "enterprise" : "receiving";
        String other = side == SigningSide.ENTERPRISE ? "receiving" : "enterprise";
        tx.dml("UPDATE handover.batches SET " + mine + "_signatory = ?, " + mine + "_signed_by = ?::uuid, "
                + mine + "_signed_at = now(), state = CASE WHEN " + other + "_signed_at IS NOT NULL THEN 'SIGNED'"
                + " ELSE state END, version = version + 1 WHERE id = ?::uuid", signatory, by, batchId);
    }

    void cancelOpen(DbExecute tx, UUID planId) {
        tx.dml("UPDATE handover.batches SET state = 'CANCELLED', version = version + 1 WHERE plan_id = ?::uuid"
                + " AND state = 'OPEN'", planId);
    }

    long unsignedCount(DbExecute db, UUID planId) {
        return count(db, "SELECT count(*) AS n FROM handover.batches WHERE plan_id = ?::uuid AND state = 'OPEN'", planId);
    }

    long signedCount(DbExecute db, UUID planId) {
        return count(db, "SELECT count(*) AS n FROM handover.batches WHERE plan_id = ?::uuid AND state = 'SIGNED'",
                planId);
    }

    /** The distinct items still open in the plan's live batches. */
    List<HandoverItem> openItems(DbExecute db, UUID planId) {
        try (Stream<DbRow> rows = db.query("SELECT DISTINCT i.item FROM handover.batch_items i"
                + " JOIN handover.batches b ON b.id = i.batch_id WHERE b.plan_id = ?::uuid AND b.state <> 'CANCELLED'"
                + " AND i.status = 'OPEN' ORDER BY i.item", planId)) {
            return rows.map(r -> HandoverItem.valueOf(Rows.string(r, "item"))).toList();
        }
    }

    long members(DbExecute db, UUID batchId) {
        return count(db, "SELECT count(*) AS n FROM handover.roster_entries WHERE batch_id = ?::uuid"
                + " AND removed_code IS NULL", batchId);
    }

    private static void touch(DbExecute tx, UUID batchId) {
        tx.dml("UPDATE handover.batches SET version = version + 1 WHERE id = ?::uuid", batchId);
    }

    private static long count(DbExecute db, String sql, Object... args) {
        return db.get(sql, args).map(r -> Rows.longValue(r, "n")).orElse(0L);
    }

    private static Batch batch(DbRow r) {
        return new Batch(Rows.uuid(r, "id"), Rows.uuid(r, "plan_id"), AreaCode.of(Rows.string(r, "receiving_area")),
                Rows.uuid(r, "receiving_body_id"), Rows.date(r, "effective_on"), Rows.string(r, "state"),
                Rows.string(r, "enterprise_signatory"), Rows.instant(r, "enterprise_signed_at"),
                Rows.string(r, "receiving_signatory"), Rows.instant(r, "receiving_signed_at"),
                Rows.longValue(r, "version"), Rows.instant(r, "created_at"));
    }
}
