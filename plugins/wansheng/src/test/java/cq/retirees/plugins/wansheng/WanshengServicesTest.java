package cq.retirees.plugins.wansheng;

import cq.retirees.spi.services.ServiceOffering;
import cq.retirees.spi.services.VisitSchedule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static cq.retirees.spi.testing.PluginTestKit.QIJIANG;
import static cq.retirees.spi.testing.PluginTestKit.WSJK;
import static cq.retirees.spi.testing.PluginTestKit.settings;
import static cq.retirees.spi.testing.PluginTestKit.shippedSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WanshengServicesTest {

    private static WanshengServices configured(String... keyValues) {
        WanshengServices services = new WanshengServices();
        services.configure(settings(keyValues));
        return services;
    }

    @Test
    void offersTheMinersFollowUpInTheZone() {
        WanshengServices services = configured();
        assertEquals("wansheng", services.providerId());
        assertEquals(Set.of(WSJK), services.areas());
        List<ServiceOffering> offerings = services.offerings(WSJK);
        assertEquals(List.of("WANSHENG_MINERS_HEALTH_CHECK"), offerings.stream().map(ServiceOffering::code).toList());
        assertEquals("老矿工职业病随访", offerings.getFirst().nameZh());
        assertEquals(List.of(), services.offerings(QIJIANG));
    }

    @Test
    void visitsFromAYoungerAgeThanTheMunicipalSchedule() {
        Optional<VisitSchedule> visits = configured().homeVisits(WSJK);
        assertEquals(Optional.of(new VisitSchedule(75, 6)), visits);
        assertTrue(visits.orElseThrow().minimumAge() < VisitSchedule.MUNICIPAL.minimumAge());
        assertEquals(Optional.empty(), configured().homeVisits(QIJIANG));
    }

    @Test
    void settingsOverrideTheSchedule() throws Exception {
        assertEquals(Optional.of(new VisitSchedule(70, 4)),
                configured("home-visits.minimum-age", "70", "home-visits.interval-months", "4").homeVisits(WSJK));
        assertEquals(Optional.of(new VisitSchedule(72, 6)),
                configured("home-visits.minimum-age", "72").homeVisits(WSJK), "an absent key keeps its sample");
        assertEquals(WanshengSettings.SAMPLE_HOME_VISITS,
                WanshengSettings.homeVisits(shippedSettings(WanshengSettings.class)));
    }

    @Test
    void refusesAScheduleThatIsNotOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> configured("home-visits.minimum-age", "seventy"));
        assertEquals("home-visits.minimum-age must be a whole number", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> configured("home-visits.interval-months", "0"));
    }
}
