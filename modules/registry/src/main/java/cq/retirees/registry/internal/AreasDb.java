package cq.retirees.registry.internal;

import cq.retirees.infra.db.Rows;
import cq.retirees.kernel.AreaCode;
import cq.retirees.registry.Area;
import cq.retirees.registry.AreaKind;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Area periods in {@code registry.areas}, with their successors. */
public final class AreasDb {

    private static final String SELECT = "SELECT a.*, coalesce((SELECT array_agg(s.successor_code ORDER BY s.successor_code)"
            + " FROM registry.area_successors s WHERE s.area_id = a.id), '{}') AS successors FROM registry.areas a";
    private static final String IN_FORCE_ON = " (a.valid_from IS NULL OR a.valid_from <= ?)"
            + " AND (a.retired_on IS NULL OR a.retired_on > ?)";

    Optional<Area> on(DbExecute db, AreaCode code, LocalDate day) {
        return db.get(SELECT + " WHERE a.code = ? AND" + IN_FORCE_ON, code.value(), Date.valueOf(day), Date.valueOf(day))
                .map(AreasDb::area);
    }

    /** Every period of a code, oldest first. */
    java.util.Set<AreaCode> inForce(DbExecute db, LocalDate day) {
        try (Stream<DbRow> rows = db.query("SELECT DISTINCT a.code FROM registry.areas a WHERE" + IN_FORCE_ON,
                Date.valueOf(day), Date.valueOf(day))) {
            return rows.map(r -> AreaCode.of(Rows.string(r, "code"))).collect(java.util.stream.Collectors.toSet());
        }
    }

    List<Area> history(DbExecute db, AreaCode code) {
        try (Stream<DbRow> rows = db.query(SELECT + " WHERE a.code = ? ORDER BY a.valid_from NULLS FIRST, a.id",
                code.value())) {
            return rows.map(AreasDb::area).toList();
        }
    }

    /** Areas in force on {@code day} (or all periods when {@code day} is null), ordered by code then id. */
    List<Area> page(DbExecute db, LocalDate day, String afterCode, long afterId, int fetch) {
        Date d = day == null ? null : Date.valueOf(day);
        try (Stream<DbRow> rows = db.query(SELECT + " WHERE (a.code, a.id) > (?, ?)"
                        + " AND (?::date IS NULL OR ((a.valid_from IS NULL OR a.valid_from <= ?::date)"
                        + " AND (a.retired_on IS NULL OR a.retired_on > ?::date)))"
                        + " ORDER BY a.code, a.id LIMIT ?",
                afterCode, afterId, d, d, d, fetch)) {
            return rows.map(AreasDb::area).toList();
        }
    }

    Optional<Area> openPeriod(DbExecute db, AreaCode code) {
        return db.get(SELECT + " WHERE a.code = ? AND a.retired_on IS NULL FOR UPDATE OF a", code.value())
                .map(AreasDb::area);
    }

    Optional<LocalDate> latestRetirement(DbExecute db, AreaCode code) {
        return db.get("SELECT max(retired_on) AS last FROM registry.areas WHERE code = ?", code.value())
                .map(r -> Rows.date(r, "last"));
    }

    long insert(DbExecute db, AreaCode code, String nameZh, String namePinyin, AreaKind kind, LocalDate validFrom) {
        return db.get("INSERT INTO registry.areas (code, name_zh, name_pinyin, kind, valid_from)"
                        + " VALUES (?, ?, ?, ?, ?) RETURNING id",
                code.value(), nameZh, namePinyin, kind.name(), validFrom == null ? null : Date.valueOf(validFrom))
                .map(r -> Rows.longValue(r, "id")).orElseThrow();
    }

    boolean retire(DbExecute db, long id, long expectedVersion, LocalDate retiredOn, String reason,
                   List<AreaCode> successors) {
        long updated = db.dml("UPDATE registry.areas SET retired_on = ?, retirement_reason = ?, version = version + 1"
                + " WHERE id = ? AND version = ? AND retired_on IS NULL", Date.valueOf(retiredOn), reason, id,
                expectedVersion);
        if (updated == 0) {
            return false;
        }
        for (AreaCode successor : successors) {
            db.dml("INSERT INTO registry.area_successors (area_id, successor_code) VALUES (?, ?)", id, successor.value());
        }
        return true;
    }

    Optional<Area> byId(DbExecute db, long id) {
        return db.get(SELECT + " WHERE a.id = ?", id).map(AreasDb::area);
    }

    private static Area area(DbRow row) {
        return new Area(Rows.longValue(row, "id"), AreaCode.of(Rows.string(row, "code")), Rows.string(row, "name_zh"),
                Rows.string(row, "name_pinyin"), AreaKind.valueOf(Rows.string(row, "kind")),
                Rows.date(row, "valid_from"), Rows.date(row, "retired_on"), Rows.string(row, "retirement_reason"),
                Rows.strings(row, "successors").stream().map(AreaCode::of).toList(), Rows.longValue(row, "version"));
    }
}
