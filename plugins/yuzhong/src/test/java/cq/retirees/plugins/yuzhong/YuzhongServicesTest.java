package cq.retirees.plugins.yuzhong;

import cq.retirees.spi.services.ServiceOffering;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static cq.retirees.spi.testing.PluginTestKit.JIANGBEI;
import static cq.retirees.spi.testing.PluginTestKit.YUZHONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

class YuzhongServicesTest {

    private final YuzhongServices services = new YuzhongServices();

    @Test
    void offersTheTrailWalksInTheDistrict() {
        assertEquals("yuzhong", services.providerId());
        assertEquals(Set.of(YUZHONG), services.areas());
        List<ServiceOffering> offerings = services.offerings(YUZHONG);
        assertEquals(List.of("YUZHONG_MOUNTAIN_CITY_WALKS"), offerings.stream().map(ServiceOffering::code).toList());
        assertEquals("山城步道健步行", offerings.getFirst().nameZh());
    }

    @Test
    void keepsTheMunicipalVisitScheduleAndOffersNothingElsewhere() {
        assertEquals(Optional.empty(), services.homeVisits(YUZHONG));
        assertEquals(List.of(), services.offerings(JIANGBEI));
    }
}
