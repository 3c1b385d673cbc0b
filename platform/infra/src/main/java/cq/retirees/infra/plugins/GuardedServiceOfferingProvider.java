package cq.retirees.infra.plugins;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.services.ServiceOffering;
import cq.retirees.spi.services.ServiceOfferingProvider;
import cq.retirees.spi.services.VisitSchedule;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A plugin's service provider as the platform calls it: only for its declared areas, with a time limit. */
final class GuardedServiceOfferingProvider implements ServiceOfferingProvider {

    private final String pluginId;
    private final Set<AreaCode> areas;
    private final ServiceOfferingProvider delegate;
    private final PluginCalls calls;

    GuardedServiceOfferingProvider(String pluginId, Set<AreaCode> areas, ServiceOfferingProvider delegate,
                                   PluginCalls calls) {
        this.pluginId = pluginId;
        this.areas = Set.copyOf(areas);
        this.delegate = delegate;
        this.calls = calls;
    }

    @Override
    public String providerId() {
        return pluginId;
    }

    @Override
    public Set<AreaCode> areas() {
        return areas;
    }

    @Override
    public List<ServiceOffering> offerings(AreaCode area) {
        if (!areas.contains(area)) {
            return List.of();
        }
        return calls.call(pluginId, () -> List.copyOf(delegate.offerings(area))).orElse(List.of());
    }

    @Override
    public Optional<VisitSchedule> homeVisits(AreaCode area) {
        if (!areas.contains(area)) {
            return Optional.empty();
        }
        return calls.call(pluginId, () -> delegate.homeVisits(area)).flatMap(schedule -> schedule);
    }
}
