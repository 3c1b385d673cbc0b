package cq.retirees.plugins.wanzhou;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.receiving.Territory;

import java.util.Set;

/**
 * What does not change with the settings: the plugin id, the district's area and the territory. The territory is
 * fixed in code because the host checks territories for overlap between plugins, and that check must not depend on
 * a setting an operator can change.
 */
final class Wanzhou {

    /** The plugin id, also the rule and provider id recorded with every proposal and offering. */
    static final String ID = "wanzhou";

    /** 万州区. */
    static final AreaCode DISTRICT = AreaCode.of("500101");

    static final String DISTRICT_SOE = "DISTRICT_SOE";

    /** District SOE retirees living in 万州区 (AND semantics), received in 万州区 only. */
    static final Territory TERRITORY = Territory.of(Set.of(DISTRICT), Set.of(DISTRICT_SOE), Set.of(DISTRICT));

    private Wanzhou() {
    }
}
