package cq.retirees.handover.events;

import java.util.List;
import java.util.UUID;

/** A plan in handover was withdrawn: the retirees on its roster who were not yet received are back at the enterprise. */
public record HandoverWithdrawn(UUID planId, UUID enterpriseId, List<UUID> retireeIds) {
}
