package cq.retirees.handover.events;

import java.util.List;
import java.util.UUID;

/**
 * Retirees leave a plan in handover without being received: the plan was withdrawn, or they were taken off its
 * roster with a reason. They are back at the enterprise.
 */
public record HandoverWithdrawn(UUID planId, UUID enterpriseId, List<UUID> retireeIds) {
}
