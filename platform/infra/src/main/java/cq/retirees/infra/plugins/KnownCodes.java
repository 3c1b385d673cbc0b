package cq.retirees.infra.plugins;

import cq.retirees.kernel.AreaCode;

/**
 * The codes a plugin's territory may name, as the registry knows them. Infra cannot read the registry, so the
 * composition root supplies this; a territory naming a code outside it would govern no one, silently.
 */
public interface KnownCodes {

    /** Whether {@code code} is an area in force today. */
    boolean areaInForce(AreaCode code);

    /** Whether {@code name} is one of the registry's enterprise categories. */
    boolean enterpriseCategory(String name);
}
