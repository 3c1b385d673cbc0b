package cq.retirees.handover;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask the handover module. */
public interface Handover {

    Optional<HandoverPlan> plan(UUID id);

    /** The enterprise's plan that is neither completed nor withdrawn, if any. */
    Optional<HandoverPlan> activePlan(UUID enterpriseId);

    /**
     * Those of {@code retireeIds} that are, now, in handover with this plan: the plan is IN_HANDOVER and they are on
     * its roster, neither removed nor received. Events may arrive out of order; this is what holds now.
     */
    List<UUID> inHandover(UUID planId, Collection<UUID> retireeIds);
}
