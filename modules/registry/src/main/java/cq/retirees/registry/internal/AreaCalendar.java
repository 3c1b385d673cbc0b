package cq.retirees.registry.internal;

import cq.retirees.kernel.AreaCode;
import cq.retirees.registry.Area;
import io.helidon.dbclient.DbExecute;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which area codes were in force on which days: a snapshot of the (small) area table, so validating a million
 * roster rows asks the database nothing.
 */
final class AreaCalendar {

    private final Map<AreaCode, List<Area>> periods;

    private AreaCalendar(Map<AreaCode, List<Area>> periods) {
        this.periods = periods;
    }

    static AreaCalendar load(AreasDb areas, DbExecute db) {
        return new AreaCalendar(areas.page(db, null, "", 0, Integer.MAX_VALUE).stream()
                .collect(Collectors.groupingBy(Area::code)));
    }

    boolean inForce(AreaCode code, LocalDate day) {
        return periods.getOrDefault(code, List.of()).stream().anyMatch(a -> a.inForceOn(day));
    }
}
