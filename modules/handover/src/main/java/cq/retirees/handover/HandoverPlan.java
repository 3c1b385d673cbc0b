package cq.retirees.handover;

import java.util.UUID;

/** A handover plan as other modules see it. */
public record HandoverPlan(UUID id, UUID enterpriseId, PlanState state, long version) {
}
