package cq.retirees.handover.internal;

import cq.retirees.infra.db.PgArrays;
import cq.retirees.infra.db.Rows;
import cq.retirees.infra.security.ScopeFilter;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Petitions in {@code handover.petitions}. */
final class PetitionsDb {

    private static final String OPEN_STATUSES = PgArrays.literal(Arrays.stream(PetitionStatus.values())
            .filter(PetitionStatus::open).map(PetitionStatus::name).toList());

    void insert(DbExecute tx, Petition p, UUID createdBy) {
        tx.dml("INSERT INTO handover.petitions (id, plan_id, retiree_id, channel, content, received_on,"
                        + " responsible_unit, status, created_by) VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?::uuid)",
                p.id(), p.planId(), p.retireeId(), p.channel().name(), p.content(), Date.valueOf(p.receivedOn()),
                p.responsibleUnit(), p.status().name(), createdBy);
    }

    Optional<Petition> byId(DbExecute db, UUID id) {
        return db.get("SELECT * FROM handover.petitions WHERE id = ?::uuid", id).map(PetitionsDb::petition);
    }

    boolean update(DbExecute tx, UUID id, long expectedVersion, PetitionStatus status, String responsibleUnit,
                   String handlingNote) {
        return tx.dml("UPDATE handover.petitions SET status = ?, responsible_unit = ?, handling_note = ?,"
                        + " version = version + 1, updated_at = now() WHERE id = ?::uuid AND version = ?",
                status.name(), responsibleUnit, handlingNote, id, expectedVersion) == 1;
    }

    /** The petitions whose handling is not over ({@link PetitionStatus#open()}). */
    List<Petition> open(DbExecute db, UUID planId) {
        try (Stream<DbRow> rows = db.query("SELECT * FROM handover.petitions WHERE plan_id = ?::uuid"
                + " AND status = ANY(?::text[]) ORDER BY received_on, id", planId, OPEN_STATUSES)) {
            return rows.map(PetitionsDb::petition).toList();
        }
    }

    /** A keyset page of the petitions on plans the scope covers (as {@link PlansDb#page} decides). */
    List<Petition> page(DbExecute db, ScopeFilter scope, UUID planId, PetitionStatus status, UUID afterId,
                        int fetch) {
        String statusName = status == null ? null : status.name();
        try (Stream<DbRow> rows = db.query("SELECT t.* FROM handover.petitions t JOIN handover.plans p ON p.id = t.plan_id"
                        + " WHERE t.id > ?::uuid"
                        + " AND (? OR p.enterprise_id = ANY(?::uuid[]) OR EXISTS (SELECT 1 FROM handover.roster_entries r"
                        + "      WHERE r.plan_id = p.id AND r.removed_code IS NULL AND r.receiving_area = ANY(?::text[])))"
                        + " AND (?::uuid IS NULL OR t.plan_id = ?::uuid) AND (?::text IS NULL OR t.status = ?)"
                        + " ORDER BY t.id LIMIT ?",
                afterId, scope.citywide(), scope.enterprises(), scope.areas(), planId, planId, statusName, statusName,
                fetch)) {
            return rows.map(PetitionsDb::petition).toList();
        }
    }

    private static Petition petition(DbRow r) {
        return new Petition(Rows.uuid(r, "id"), Rows.uuid(r, "plan_id"), Rows.uuid(r, "retiree_id"),
                PetitionChannel.valueOf(Rows.string(r, "channel")), Rows.string(r, "content"),
                Rows.date(r, "received_on"), Rows.string(r, "responsible_unit"),
                PetitionStatus.valueOf(Rows.string(r, "status")), Rows.string(r, "handling_note"),
                Rows.longValue(r, "version"), Rows.instant(r, "created_at"), Rows.instant(r, "updated_at"));
    }
}
