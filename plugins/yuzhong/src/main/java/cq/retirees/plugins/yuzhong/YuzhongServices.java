package cq.retirees.plugins.yuzhong;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.services.ServiceOffering;
import cq.retirees.spi.services.ServiceOfferingProvider;
import cq.retirees.spi.services.VisitSchedule;
import org.pf4j.Extension;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the district offers beyond the standard services. Home visits follow the municipal schedule, so
 * {@link #homeVisits} is empty; the provider takes no settings.
 */
@Extension
public final class YuzhongServices implements ServiceOfferingProvider {

    static final ServiceOffering MOUNTAIN_CITY_WALKS = new ServiceOffering("YUZHONG_MOUNTAIN_CITY_WALKS",
            "山城步道健步行", "Mountain-city trail walks",
            "Guided walks for retirees along the peninsula's historic stepped trails, at an easy pace");

    @Override
    public String providerId() {
        return Yuzhong.ID;
    }

    @Override
    public Set<AreaCode> areas() {
        return Set.of(Yuzhong.DISTRICT);
    }

    @Override
    public List<ServiceOffering> offerings(AreaCode area) {
        return Yuzhong.DISTRICT.equals(area) ? List.of(MOUNTAIN_CITY_WALKS) : List.of();
    }

    @Override
    public Optional<VisitSchedule> homeVisits(AreaCode area) {
        return Optional.empty();
    }
}
