package cq.retirees.registry;

import java.util.List;
import java.util.UUID;

/** The retirees on a handover plan's roster, when the plan enters handover or is withdrawn from it. */
public record PlanRetirees(UUID planId, List<UUID> retireeIds) {

    public PlanRetirees {
        retireeIds = List.copyOf(retireeIds);
    }
}
