package cq.retirees.registry.internal;

import cq.retirees.infra.db.Rows;
import cq.retirees.kernel.AreaCode;
import cq.retirees.registry.ReceivingBody;
import cq.retirees.registry.ReceivingBodyKind;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Receiving bodies in {@code registry.receiving_bodies}. */
public final class ReceivingBodiesDb {

    Optional<ReceivingBody> byId(DbExecute db, UUID id) {
        return db.get("SELECT * FROM registry.receiving_bodies WHERE id = ?::uuid", id).map(ReceivingBodiesDb::body);
    }

    List<ReceivingBody> inAreas(DbExecute db, java.util.Set<AreaCode> areas) {
        try (Stream<DbRow> rows = db.query("SELECT * FROM registry.receiving_bodies WHERE area_code = ANY(?::text[])"
                + " ORDER BY area_code, name_zh, id", cq.retirees.infra.db.PgArrays.literal(
                        areas.stream().map(AreaCode::value).toList()))) {
            return rows.map(ReceivingBodiesDb::body).toList();
        }
    }

    /** Keyset page ordered by name then id. */
    List<ReceivingBody> page(DbExecute db, AreaCode area, String afterName, UUID afterId, int fetch) {
        try (Stream<DbRow> rows = db.query("SELECT * FROM registry.receiving_bodies WHERE area_code = ?"
                        + " AND (name_zh, id) > (?, ?::uuid) ORDER BY name_zh, id LIMIT ?",
                area.value(), afterName, afterId, fetch)) {
            return rows.map(ReceivingBodiesDb::body).toList();
        }
    }

    /** False when the area already has a body of that name. */
    boolean insert(DbExecute db, ReceivingBody body, UUID createdBy) {
        return db.dml("INSERT INTO registry.receiving_bodies (id, area_code, name_zh, kind, created_by)"
                        + " VALUES (?::uuid, ?, ?, ?, ?::uuid) ON CONFLICT (area_code, name_zh) DO NOTHING",
                body.id(), body.areaCode().value(), body.nameZh(), body.kind().name(), createdBy) == 1;
    }

    private static ReceivingBody body(DbRow row) {
        return new ReceivingBody(Rows.uuid(row, "id"), AreaCode.of(Rows.string(row, "area_code")),
                Rows.string(row, "name_zh"), ReceivingBodyKind.valueOf(Rows.string(row, "kind")),
                Rows.longValue(row, "version"), Rows.instant(row, "created_at"));
    }
}
