package cq.retirees.plugins.liangjiang;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.receiving.Territory;

import java.util.Set;

/**
 * What does not change with the settings: the plugin id, the zone's area and the territory. The territory is fixed
 * in code because the host checks territories for overlap between plugins, and that check must not depend on a
 * setting an operator can change.
 */
final class Liangjiang {

    /** The plugin id, also the rule and provider id recorded with every proposal and offering. */
    static final String ID = "liangjiang";

    /** 两江新区: a functional zone, no GB/T 2260 code of its own. */
    static final AreaCode ZONE = AreaCode.of("LJXQ");

    /** 江北区, 渝北区, 北碚区: the districts whose streets and towns the zone manages in part. */
    static final AreaCode JIANGBEI = AreaCode.of("500105");
    static final AreaCode YUBEI = AreaCode.of("500112");
    static final AreaCode BEIBEI = AreaCode.of("500109");

    /** The enterprise category of the zone's own state-owned enterprises. */
    static final String LIANGJIANG_SOE = "LIANGJIANG_SOE";

    /**
     * Liangjiang SOE retirees living in one of the three districts (AND semantics). Which of their streets belong to
     * the zone is a setting; the rule declines for the others.
     */
    static final Territory TERRITORY = Territory.of(Set.of(JIANGBEI, YUBEI, BEIBEI), Set.of(LIANGJIANG_SOE),
            Set.of(ZONE));

    private Liangjiang() {
    }
}
