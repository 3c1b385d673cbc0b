package cq.retirees.spi.services;

import cq.retirees.kernel.AreaCode;
import org.pf4j.ExtensionPoint;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an area offers beyond the nine standard services (DOMAIN.md §9), and how its home visits differ from the
 * municipal schedule. The host asks a provider only about the areas it declares, and no two enabled providers may
 * declare the same area.
 */
public interface ServiceOfferingProvider extends ExtensionPoint {

    /** Stable identifier, shown with every offering the provider adds. */
    String providerId();

    /** The receiving areas whose services this provider adapts. */
    Set<AreaCode> areas();

    List<ServiceOffering> offerings(AreaCode area);

    /** The area's home-visit schedule, when it differs from the municipal one. */
    Optional<VisitSchedule> homeVisits(AreaCode area);
}
