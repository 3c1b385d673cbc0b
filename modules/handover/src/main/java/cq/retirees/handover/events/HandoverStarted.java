package cq.retirees.handover.events;

import java.util.List;
import java.util.UUID;

/** An approved plan entered handover: the retirees on its roster are now IN_HANDOVER. */
public record HandoverStarted(UUID planId, UUID enterpriseId, List<UUID> retireeIds) {
}
