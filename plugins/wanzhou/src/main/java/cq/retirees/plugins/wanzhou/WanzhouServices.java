package cq.retirees.plugins.wanzhou;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.Configurable;
import cq.retirees.spi.PluginSettings;
import cq.retirees.spi.services.ServiceOffering;
import cq.retirees.spi.services.ServiceOfferingProvider;
import cq.retirees.spi.services.VisitSchedule;
import org.pf4j.Extension;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the district offers beyond the standard services: help for elderly Three Gorges resettlers, many of whom
 * were moved late in life, and home visits more often than the municipal schedule (a setting).
 */
@Extension
public final class WanzhouServices implements ServiceOfferingProvider, Configurable {

    static final ServiceOffering THREE_GORGES_RESETTLEMENT_AID = new ServiceOffering(
            "WANZHOU_THREE_GORGES_RESETTLEMENT_AID", "三峡移民老人帮扶", "Aid for elderly Three Gorges resettlers",
            "Help with resettlement entitlements, housing and community ties for retirees resettled by the dam");

    // Replaced once by configure, before any other call; volatile so the replacement is seen by every thread.
    private volatile VisitSchedule homeVisits = WanzhouSettings.SAMPLE_HOME_VISITS;

    @Override
    public void configure(PluginSettings settings) {
        homeVisits = WanzhouSettings.homeVisits(settings);
    }

    @Override
    public String providerId() {
        return Wanzhou.ID;
    }

    @Override
    public Set<AreaCode> areas() {
        return Set.of(Wanzhou.DISTRICT);
    }

    @Override
    public List<ServiceOffering> offerings(AreaCode area) {
        return Wanzhou.DISTRICT.equals(area) ? List.of(THREE_GORGES_RESETTLEMENT_AID) : List.of();
    }

    @Override
    public Optional<VisitSchedule> homeVisits(AreaCode area) {
        return Wanzhou.DISTRICT.equals(area) ? Optional.of(homeVisits) : Optional.empty();
    }
}
