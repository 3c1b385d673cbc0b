package cq.retirees.handover.internal;

import cq.retirees.infra.db.PgArrays;
import cq.retirees.infra.db.Rows;
import cq.retirees.infra.security.ScopeFilter;
import cq.retirees.kernel.AreaCode;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Roster entries in {@code handover.roster_entries}. */
final class RosterDb {

    void forEach(DbExecute db, UUID planId, UUID batchId, Consumer<RosterEntry> each) {
        try (Stream<DbRow> rows = db.query("SELECT * FROM handover.roster_entries WHERE plan_id = ?::uuid"
                + " AND (?::uuid IS NULL OR batch_id = ?::uuid) ORDER BY receiving_area, batch_id, retiree_name,"
                + " retiree_id", planId, batchId, batchId)) {
            rows.map(RosterDb::entry).forEach(each);
        }
    }

    Optional<RosterEntry> byRetiree(DbExecute db, UUID planId, UUID retireeId) {
        return db.get("SELECT * FROM handover.roster_entries WHERE plan_id = ?::uuid AND retiree_id = ?::uuid",
                planId, retireeId).map(RosterDb::entry);
    }

    /** The plan's entries of {@code retireeIds} that exist, by retiree id, in one query. */
    Map<UUID, RosterEntry> byRetirees(DbExecute db, UUID planId, Collection<UUID> retireeIds) {
        Map<UUID, RosterEntry> found = new HashMap<>();
        try (Stream<DbRow> rows = db.query("SELECT r.* FROM handover.roster_entries r"
                + " JOIN unnest(?::uuid[]) AS asked(id) ON asked.id = r.retiree_id WHERE r.plan_id = ?::uuid",
                PgArrays.literal(retireeIds), planId)) {
            rows.map(RosterDb::entry).forEach(e -> found.put(e.retireeId(), e));
        }
        return found;
    }

    /**
     * A keyset page by retiree id: the whole roster, or ({@code wholePlan} false) the entries received in the
     * scope's areas, and by its receiving bodies when it is narrowed to some.
     */
    List<RosterEntry> page(DbExecute db, UUID planId, ScopeFilter scope, boolean wholePlan, UUID afterId, int fetch) {
        try (Stream<DbRow> rows = db.query("SELECT * FROM handover.roster_entries WHERE plan_id = ?::uuid"
                        + " AND retiree_id > ?::uuid AND (? OR (receiving_area = ANY(?::text[])"
                        + "      AND (NOT ? OR receiving_body_id = ANY(?::uuid[]))"
                        + "      AND (receiving_body_id IS NOT NULL OR NOT ?)))"
                        + " ORDER BY retiree_id LIMIT ?", planId, afterId, wholePlan, scope.areas(),
                scope.narrowedToBodies(), scope.receivingBodies(), scope.narrowedToBodies(), fetch)) {
            return rows.map(RosterDb::entry).toList();
        }
    }

    /**
     * Takes a deceased retiree off the rosters of active plans and out of open batches; a batch left without anyone
     * is cancelled, so that it does not hold up its plan.
     */
    void removeDeceased(DbExecute tx, UUID retireeId) {
        // Locks in the order every other writer takes them: plans, then batches, then roster rows.
        try (Stream<DbRow> plans = tx.query("SELECT p.id FROM handover.plans p WHERE p.state NOT IN ('COMPLETED',"
                + " 'WITHDRAWN') AND EXISTS (SELECT 1 FROM handover.roster_entries r WHERE r.plan_id = p.id"
                + " AND r.retiree_id = ?::uuid) ORDER BY p.id FOR UPDATE", retireeId)) {
            plans.forEach(locked -> { }); // the rows are locked once read
        }
        List<UUID> batches;
        try (Stream<DbRow> rows = tx.query("SELECT b.id FROM handover.batches b WHERE b.state = 'OPEN' AND EXISTS"
                + " (SELECT 1 FROM handover.roster_entries r WHERE r.batch_id = b.id AND r.retiree_id = ?::uuid)"
                + " ORDER BY b.id FOR UPDATE", retireeId)) {
            batches = rows.map(r -> Rows.uuid(r, "id")).toList();
        }
        tx.dml("UPDATE handover.roster_entries r SET removed_code = 'DECEASED', removed_reason = 'deceased',"
                + " batch_id = NULL, version = r.version + 1 FROM handover.plans p WHERE p.id = r.plan_id"
                + " AND p.state NOT IN ('COMPLETED', 'WITHDRAWN') AND r.retiree_id = ?::uuid AND r.received_on IS NULL"
                + " AND r.removed_code IS NULL", retireeId);
        for (UUID batch : batches) {
            tx.dml("UPDATE handover.batches b SET state = 'CANCELLED', version = b.version + 1 WHERE b.id = ?::uuid"
                    + " AND b.state = 'OPEN' AND NOT EXISTS (SELECT 1 FROM handover.roster_entries r"
                    + " WHERE r.batch_id = b.id AND r.removed_code IS NULL)", batch);
        }
    }

    /** False when the plan already has an exception for this retiree. */
    boolean insertCadreException(DbExecute tx, UUID planId, UUID retireeId, String reason, UUID by) {
        return tx.dml("INSERT INTO handover.cadre_exceptions (plan_id, retiree_id, reason, recorded_by)"
                + " VALUES (?::uuid, ?::uuid, ?, ?::uuid) ON CONFLICT DO NOTHING", planId, retireeId, reason, by) == 1;
    }

    /** False when the entry's version has moved on. */
    boolean override(DbExecute tx, RosterEntry entry, long expectedVersion, AreaCode area, UUID bodyId, String reason,
                     UUID by) {
        return tx.dml("UPDATE handover.roster_entries SET override_area = ?, override_body_id = ?::uuid,"
                        + " override_reason = ?, overridden_by = ?::uuid, overridden_at = now(), version = version + 1"
                        + " WHERE plan_id = ?::uuid AND retiree_id = ?::uuid AND version = ?",
                area == null ? null : area.value(), bodyId, area == null ? null : reason, area == null ? null : by,
                entry.planId(),
                entry.retireeId(), expectedVersion) == 1;
    }

    /** Sets or clears ({@code code} null) a removal; false when the entry's version has moved on. */
    boolean setRemoval(DbExecute tx, RosterEntry entry, long expectedVersion, String code, String reason) {
        return tx.dml("UPDATE handover.roster_entries SET removed_code = ?, removed_reason = ?, version = version + 1"
                        + " WHERE plan_id = ?::uuid AND retiree_id = ?::uuid AND version = ?",
                code, reason, entry.planId(), entry.retireeId(), expectedVersion) == 1;
    }

    /** Roster entries ready for a batch: on the roster, not in a batch, received in that area (and body). */
    List<UUID> unbatched(DbExecute db, UUID planId, AreaCode area, UUID bodyId) {
        try (Stream<DbRow> rows = db.query("SELECT retiree_id FROM handover.roster_entries WHERE plan_id = ?::uuid"
                        + " AND removed_code IS NULL AND batch_id IS NULL AND receiving_area = ?"
                        + " AND receiving_body_id IS NOT DISTINCT FROM ?::uuid ORDER BY retiree_id",
                planId, area.value(), bodyId)) {
            return rows.map(r -> Rows.uuid(r, "retiree_id")).toList();
        }
    }

    int assignBatch(DbExecute tx, UUID planId, UUID batchId, List<UUID> retireeIds) {
        return (int) tx.dml("UPDATE handover.roster_entries r SET batch_id = ?::uuid FROM unnest(?::uuid[]) AS m(id)"
                        + " WHERE r.plan_id = ?::uuid AND r.retiree_id = m.id AND r.batch_id IS NULL"
                        + " AND r.removed_code IS NULL",
                batchId, PgArrays.literal(retireeIds), planId);
    }

    List<UUID> markReceived(DbExecute tx, UUID batchId, LocalDate on) {
        try (Stream<DbRow> rows = tx.query("UPDATE handover.roster_entries SET received_on = ? WHERE batch_id = ?::uuid"
                + " AND received_on IS NULL AND removed_code IS NULL RETURNING retiree_id", Date.valueOf(on), batchId)) {
            return rows.map(r -> Rows.uuid(r, "retiree_id")).toList();
        }
    }

    /** A withdrawn plan lets go of its retirees: none of them stays in one of its batches. */
    void releaseFromBatches(DbExecute tx, UUID planId) {
        tx.dml("UPDATE handover.roster_entries SET batch_id = NULL WHERE plan_id = ?::uuid AND received_on IS NULL",
                planId);
    }

    List<UUID> inHandover(DbExecute db, UUID planId, Collection<UUID> retireeIds) {
        try (Stream<DbRow> rows = db.query("SELECT r.retiree_id FROM handover.roster_entries r"
                + " JOIN handover.plans p ON p.id = r.plan_id JOIN unnest(?::uuid[]) AS asked(id) ON asked.id = r.retiree_id"
                + " WHERE r.plan_id = ?::uuid AND p.state = 'IN_HANDOVER' AND r.removed_code IS NULL"
                + " AND r.received_on IS NULL", PgArrays.literal(retireeIds), planId)) {
            return rows.map(r -> Rows.uuid(r, "retiree_id")).toList();
        }
    }

    List<UUID> onRoster(DbExecute db, UUID planId) {
        try (Stream<DbRow> rows = db.query("SELECT retiree_id FROM handover.roster_entries WHERE plan_id = ?::uuid"
                + " AND removed_code IS NULL ORDER BY retiree_id", planId)) {
            return rows.map(r -> Rows.uuid(r, "retiree_id")).toList();
        }
    }

    Counts counts(DbExecute db, UUID planId) {
        return db.get("SELECT count(*) FILTER (WHERE removed_code IS NULL) AS on_roster,"
                + " count(*) FILTER (WHERE removed_code IS NOT NULL) AS removed,"
                + " count(*) FILTER (WHERE override_area IS NOT NULL AND removed_code IS NULL) AS overridden,"
                + " count(*) FILTER (WHERE batch_id IS NOT NULL AND removed_code IS NULL) AS batched,"
                + " count(*) FILTER (WHERE received_on IS NOT NULL) AS received"
                + " FROM handover.roster_entries WHERE plan_id = ?::uuid", planId)
                .map(r -> new Counts(Rows.longValue(r, "on_roster"), Rows.longValue(r, "removed"),
                        Rows.longValue(r, "overridden"), Rows.longValue(r, "batched"), Rows.longValue(r, "received")))
                .orElseThrow();
    }

    record Counts(long onRoster, long removed, long overridden, long batched, long received) {
        long notReceived() {
            return onRoster - received;
        }
    }

    static RosterEntry entry(DbRow r) {
        return new RosterEntry(Rows.uuid(r, "plan_id"), Rows.uuid(r, "retiree_id"), Rows.string(r, "retiree_name"),
                area(r, "residence_area"), Rows.string(r, "residence_street"), area(r, "proposed_area"),
                Rows.uuid(r, "proposed_body_id"), Rows.string(r, "reason_code"), Rows.string(r, "body_reason_code"),
                Rows.string(r, "rule_id"), RosterEntry.decode(Rows.string(r, "alternatives")),
                area(r, "previous_area"), Rows.uuid(r, "previous_body_id"), Rows.string(r, "previous_reason_code"),
                area(r, "override_area"), Rows.uuid(r, "override_body_id"), Rows.string(r, "override_reason"),
                Rows.string(r, "cadre_exception_reason"), Rows.string(r, "removed_code"),
                Rows.string(r, "removed_reason"), Rows.uuid(r, "batch_id"), Rows.date(r, "received_on"),
                Rows.longValue(r, "version"));
    }

    private static AreaCode area(DbRow r, String column) {
        String value = Rows.string(r, column);
        return value == null ? null : AreaCode.of(value);
    }
}
