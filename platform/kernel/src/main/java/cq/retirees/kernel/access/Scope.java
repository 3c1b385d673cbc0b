package cq.retirees.kernel.access;

import cq.retirees.kernel.AreaCode;

import java.util.Set;
import java.util.UUID;

/**
 * Which records a user may see and act on. Every module asks the same questions of it, so "not in my scope" is
 * decided in one place and answered the same way (404) everywhere.
 *
 * @param citywide          sees the whole city (platform and municipal admins, auditors)
 * @param areas             areas a district operator acts in
 * @param receivingBodies   if not empty, the district operator is limited to these receiving bodies
 * @param enterprises       enterprises an enterprise operator acts for
 */
public record Scope(boolean citywide, Set<AreaCode> areas, Set<UUID> receivingBodies, Set<UUID> enterprises) {

    public static final Scope CITYWIDE = new Scope(true, Set.of(), Set.of(), Set.of());

    public Scope {
        areas = Set.copyOf(areas);
        receivingBodies = Set.copyOf(receivingBodies);
        enterprises = Set.copyOf(enterprises);
    }

    public boolean coversArea(AreaCode area) {
        return citywide || areas.contains(area);
    }

    /** A receiving body is covered when its area is, unless the user is limited to named bodies. */
    public boolean coversReceivingBody(UUID receivingBody, AreaCode areaOfBody) {
        return citywide || (coversArea(areaOfBody) && (receivingBodies.isEmpty() || receivingBodies.contains(receivingBody)));
    }

    public boolean coversEnterprise(UUID enterprise) {
        return citywide || enterprises.contains(enterprise);
    }
}
