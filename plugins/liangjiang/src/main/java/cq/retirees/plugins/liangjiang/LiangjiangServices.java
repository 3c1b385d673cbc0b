package cq.retirees.plugins.liangjiang;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.services.ServiceOffering;
import cq.retirees.spi.services.ServiceOfferingProvider;
import cq.retirees.spi.services.VisitSchedule;
import org.pf4j.Extension;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the zone offers beyond the standard services. Home visits follow the municipal schedule, so
 * {@link #homeVisits} is empty; the provider takes no settings.
 */
@Extension
public final class LiangjiangServices implements ServiceOfferingProvider {

    static final ServiceOffering INDUSTRY_VETERANS_CLUB = new ServiceOffering("LIANGJIANG_INDUSTRY_VETERANS_CLUB",
            "两江新区产业老兵俱乐部", "Liangjiang industry veterans' club",
            "Gatherings, plant visits and mentoring for retirees of the zone's manufacturing enterprises");

    @Override
    public String providerId() {
        return Liangjiang.ID;
    }

    @Override
    public Set<AreaCode> areas() {
        return Set.of(Liangjiang.ZONE);
    }

    @Override
    public List<ServiceOffering> offerings(AreaCode area) {
        return Liangjiang.ZONE.equals(area) ? List.of(INDUSTRY_VETERANS_CLUB) : List.of();
    }

    @Override
    public Optional<VisitSchedule> homeVisits(AreaCode area) {
        return Optional.empty();
    }
}
