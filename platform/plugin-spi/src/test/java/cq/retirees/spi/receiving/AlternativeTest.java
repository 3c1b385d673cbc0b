package cq.retirees.spi.receiving;

import cq.retirees.spi.receiving.ReceivingProposal.Alternative;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cq.retirees.spi.testing.PluginTestKit.JIANGBEI;
import static cq.retirees.spi.testing.PluginTestKit.LJXQ;
import static cq.retirees.spi.testing.PluginTestKit.SHAPINGBA;
import static cq.retirees.spi.testing.PluginTestKit.YUBEI;
import static cq.retirees.spi.testing.PluginTestKit.enterprise;
import static cq.retirees.spi.testing.PluginTestKit.retiree;
import static cq.retirees.spi.testing.PluginTestKit.roster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AlternativeTest {

    private static final String OVERRIDDEN = "LIANGJIANG_ZONE_RECEIVES";

    private static List<Alternative> overridden(RetireeFacts retiree, EnterpriseFacts enterprise,
                                                RosterContext roster) {
        return Alternative.overriddenBy(LJXQ, retiree, enterprise, roster, OVERRIDDEN);
    }

    @Test
    void listsTheInsuredAreaThenTheResidenceDistrict() {
        assertEquals(List.of(new Alternative(SHAPINGBA, OVERRIDDEN), new Alternative(JIANGBEI, OVERRIDDEN)),
                overridden(retiree(SHAPINGBA, JIANGBEI, "鱼嘴镇"), enterprise("LIANGJIANG_SOE", SHAPINGBA), roster()));
    }

    @Test
    void fallsBackOnTheEnterprisesLocationWhenTheInsuredAreaIsNotInForce() {
        EnterpriseFacts locatedInYubei = new EnterpriseFacts(UUID.randomUUID(), "LIANGJIANG_SOE", SHAPINGBA, YUBEI);
        assertEquals(List.of(new Alternative(YUBEI, OVERRIDDEN), new Alternative(JIANGBEI, OVERRIDDEN)),
                overridden(retiree(SHAPINGBA, JIANGBEI, null), locatedInYubei,
                        roster(Set.of(LJXQ, YUBEI, JIANGBEI))));
    }

    @Test
    void listsEachAreaOnceAndNeverTheChosenOne() {
        assertEquals(List.of(new Alternative(YUBEI, OVERRIDDEN)),
                overridden(retiree(YUBEI, YUBEI, null), enterprise("LIANGJIANG_SOE", YUBEI), roster()));
        assertEquals(List.of(), Alternative.overriddenBy(YUBEI, retiree(YUBEI, YUBEI, null),
                enterprise("LIANGJIANG_SOE", YUBEI), roster(), OVERRIDDEN));
    }

    @Test
    void leavesOutAreasNotInForceOrUnknown() {
        assertEquals(List.of(), overridden(retiree(SHAPINGBA, JIANGBEI, null), enterprise("LIANGJIANG_SOE", SHAPINGBA),
                roster(Set.of(LJXQ))));
        assertEquals(List.of(new Alternative(JIANGBEI, OVERRIDDEN)),
                overridden(retiree(null, JIANGBEI, null), enterprise("LIANGJIANG_SOE", null), roster()));
    }

    @Test
    void theListIsUnmodifiable() {
        List<Alternative> alternatives = overridden(retiree(SHAPINGBA, JIANGBEI, null),
                enterprise("LIANGJIANG_SOE", SHAPINGBA), roster());
        assertThrows(UnsupportedOperationException.class, () -> alternatives.add(new Alternative(YUBEI, OVERRIDDEN)));
    }
}
