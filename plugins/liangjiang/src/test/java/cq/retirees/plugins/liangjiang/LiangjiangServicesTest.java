package cq.retirees.plugins.liangjiang;

import cq.retirees.spi.services.ServiceOffering;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static cq.retirees.spi.testing.PluginTestKit.CODE;
import static cq.retirees.spi.testing.PluginTestKit.LJXQ;
import static cq.retirees.spi.testing.PluginTestKit.YUBEI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiangjiangServicesTest {

    private final LiangjiangServices services = new LiangjiangServices();

    @Test
    void offersTheVeteransClubInTheZone() {
        assertEquals("liangjiang", services.providerId());
        assertEquals(Set.of(LJXQ), services.areas());
        List<ServiceOffering> offerings = services.offerings(LJXQ);
        assertEquals(List.of("LIANGJIANG_INDUSTRY_VETERANS_CLUB"),
                offerings.stream().map(ServiceOffering::code).toList());
        assertEquals("两江新区产业老兵俱乐部", offerings.getFirst().nameZh());
        assertTrue(offerings.stream().allMatch(o -> CODE.matcher(o.code()).matches()));
    }

    @Test
    void keepsTheMunicipalVisitScheduleAndOffersNothingElsewhere() {
        assertEquals(Optional.empty(), services.homeVisits(LJXQ));
        assertEquals(List.of(), services.offerings(YUBEI));
    }
}
