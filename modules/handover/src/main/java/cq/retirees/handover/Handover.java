package cq.retirees.handover;

import java.util.Optional;
import java.util.UUID;

/** What other modules may ask the handover module. */
public interface Handover {

    Optional<HandoverPlan> plan(UUID id);

    /** The enterprise's plan that is neither completed nor withdrawn, if any. */
    Optional<HandoverPlan> activePlan(UUID enterpriseId);
}
