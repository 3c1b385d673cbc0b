package cq.retirees.plugins.wansheng;

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
 * What the zone offers beyond the standard services. The former mining district's retirees age early and many
 * carry occupational diseases, so home visits start younger than the municipal schedule (a setting) and former
 * miners are followed up for occupational disease.
 */
@Extension
public final class WanshengServices implements ServiceOfferingProvider, Configurable {

    static final ServiceOffering MINERS_HEALTH_CHECK = new ServiceOffering("WANSHENG_MINERS_HEALTH_CHECK",
            "老矿工职业病随访", "Occupational disease follow-up for former miners",
            "Regular pneumoconiosis and other occupational-disease check-ups for retirees of the zone's former mines");

    // Replaced once by configure, before any other call; volatile so the replacement is seen by every thread.
    private volatile VisitSchedule homeVisits = WanshengSettings.SAMPLE_HOME_VISITS;

    @Override
    public void configure(PluginSettings settings) {
        homeVisits = WanshengSettings.homeVisits(settings);
    }

    @Override
    public String providerId() {
        return Wansheng.ID;
    }

    @Override
    public Set<AreaCode> areas() {
        return Set.of(Wansheng.ZONE);
    }

    @Override
    public List<ServiceOffering> offerings(AreaCode area) {
        return Wansheng.ZONE.equals(area) ? List.of(MINERS_HEALTH_CHECK) : List.of();
    }

    @Override
    public Optional<VisitSchedule> homeVisits(AreaCode area) {
        return Wansheng.ZONE.equals(area) ? Optional.of(homeVisits) : Optional.empty();
    }
}
