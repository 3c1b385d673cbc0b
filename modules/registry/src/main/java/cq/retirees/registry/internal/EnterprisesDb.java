package cq.retirees.registry.internal;

import cq.retirees.infra.db.Rows;
import cq.retirees.infra.security.ScopeFilter;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.CreditCode;
import cq.retirees.registry.Enterprise;
import cq.retirees.registry.EnterpriseCategory;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Enterprises in {@code registry.enterprises}. */
public final class EnterprisesDb {

    Optional<Enterprise> byId(DbExecute db, UUID id) {
        return db.get("SELECT * FROM registry.enterprises WHERE id = ?::uuid", id).map(EnterprisesDb::enterprise);
    }

    /** False when the credit code is already registered. */
    boolean insert(DbExecute db, Enterprise e) {
        return db.dml("INSERT INTO registry.enterprises (id, credit_code, name, category, parent_id, insured_area,"
                        + " location_area) VALUES (?::uuid, ?, ?, ?, ?::uuid, ?, ?) ON CONFLICT (credit_code) DO NOTHING",
                e.id(), e.creditCode().value(), e.name(), e.category().name(), e.parentId(), e.insuredArea().value(),
                e.locationArea().value()) == 1;
    }

    boolean update(DbExecute db, Enterprise e, long expectedVersion) {
        return db.dml("UPDATE registry.enterprises SET name = ?, category = ?, parent_id = ?::uuid, insured_area = ?,"
                        + " location_area = ?, version = version + 1, updated_at = now() WHERE id = ?::uuid AND version = ?",
                e.name(), e.category().name(), e.parentId(), e.insuredArea().value(), e.locationArea().value(), e.id(),
                expectedVersion) == 1;
    }

    /** Keyset page by (name, id), limited to the caller's enterprises or areas unless citywide. */
    List<Enterprise> page(DbExecute db, ScopeFilter scope, String afterName, UUID afterId, int fetch) {
        try (Stream<DbRow> rows = db.query("SELECT * FROM registry.enterprises WHERE (name, id) > (?, ?::uuid)"
                        + " AND (? OR id = ANY(?::uuid[]) OR insured_area = ANY(?::text[]) OR location_area = ANY(?::text[]))"
                        + " ORDER BY name, id LIMIT ?",
                afterName, afterId, scope.citywide(), scope.enterprises(), scope.areas(), scope.areas(), fetch)) {
            return rows.map(EnterprisesDb::enterprise).toList();
        }
    }

    /** Whether climbing parent links from {@code from} reaches {@code target}: a new parent link must not. */
    boolean climbsTo(DbExecute db, UUID from, UUID target) {
        return db.get("WITH RECURSIVE up AS (SELECT id, parent_id FROM registry.enterprises WHERE id = ?::uuid"
                        + " UNION SELECT e.id, e.parent_id FROM registry.enterprises e JOIN up ON e.id = up.parent_id)"
                        + " SELECT EXISTS (SELECT 1 FROM up WHERE id = ?::uuid) AS found", from, target)
                .map(r -> Rows.bool(r, "found")).orElse(false);
    }

    static Enterprise enterprise(DbRow row) {
        return new Enterprise(Rows.uuid(row, "id"), CreditCode.parse(Rows.string(row, "credit_code")),
                Rows.string(row, "name"), EnterpriseCategory.valueOf(Rows.string(row, "category")),
                Rows.uuid(row, "parent_id"), AreaCode.of(Rows.string(row, "insured_area")),
                AreaCode.of(Rows.string(row, "location_area")), Rows.longValue(row, "version"),
                Rows.instant(row, "created_at"), Rows.instant(row, "updated_at"));
    }
}
