package cq.retirees.plugins.wansheng;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.receiving.Territory;

import java.util.Set;

/**
 * What does not change with the settings: the plugin id, the zone's area and the territory. The territory is fixed
 * in code because the host checks territories for overlap between plugins, and that check must not depend on a
 * setting an operator can change.
 */
final class Wansheng {

    /** The plugin id, also the rule and provider id recorded with every proposal and offering. */
    static final String ID = "wansheng";

    /** 万盛经开区: a functional zone, no GB/T 2260 code of its own. */
    static final AreaCode ZONE = AreaCode.of("WSJK");

    /**
     * 綦江区. The former 万盛区 had this code until 2011, when it was merged into 綦江区 under the same code; its
     * towns and streets are managed by the zone, so their residents are registered as living in 500110.
     */
    static final AreaCode QIJIANG = AreaCode.of("500110");

    /**
     * Every retiree living in 500110, whatever the enterprise's category (an empty set does not restrict): the
     * zone receives the former district's residents whoever employed them. Which streets of 500110 belong to the
     * former district is a setting; the rule declines for the others.
     */
    static final Territory TERRITORY = Territory.of(Set.of(QIJIANG), Set.of(), Set.of(ZONE));

    private Wansheng() {
    }
}
