package cq.retirees.plugins.wanzhou;

import cq.retirees.spi.services.ServiceOffering;
import cq.retirees.spi.services.VisitSchedule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static cq.retirees.spi.testing.PluginTestKit.WANZHOU;
import static cq.retirees.spi.testing.PluginTestKit.YUZHONG;
import static cq.retirees.spi.testing.PluginTestKit.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WanzhouServicesTest {

    private static WanzhouServices configured(String... keyValues) {
        WanzhouServices services = new WanzhouServices();
        services.configure(settings(keyValues));
        return services;
    }

    @Test
    void offersResettlementAidInTheDistrict() {
        WanzhouServices services = configured();
        assertEquals("wanzhou", services.providerId());
        assertEquals(Set.of(WANZHOU), services.areas());
        List<ServiceOffering> offerings = services.offerings(WANZHOU);
        assertEquals(List.of("WANZHOU_THREE_GORGES_RESETTLEMENT_AID"),
                offerings.stream().map(ServiceOffering::code).toList());
        assertEquals("三峡移民老人帮扶", offerings.getFirst().nameZh());
        assertEquals(List.of(), services.offerings(YUZHONG));
    }

    @Test
    void visitsMoreOftenThanTheMunicipalSchedule() {
        Optional<VisitSchedule> visits = configured().homeVisits(WANZHOU);
        assertEquals(Optional.of(new VisitSchedule(80, 3)), visits);
        assertNotEquals(Optional.of(VisitSchedule.MUNICIPAL), visits);
        assertEquals(Optional.empty(), configured().homeVisits(YUZHONG));
    }

    @Test
    void settingsOverrideTheSchedule() {
        assertEquals(Optional.of(new VisitSchedule(75, 2)),
                configured("home-visits.minimum-age", "75", "home-visits.interval-months", "2").homeVisits(WANZHOU));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> configured("home-visits.interval-months", "three"));
        assertEquals("home-visits.interval-months must be a whole number", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> configured("home-visits.minimum-age", "130"));
    }
}
