package cq.retirees.handover.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Both sides signed a handover batch: its retirees are under socialized management in {@code receivingAreaCode}
 * from {@code effectiveOn}. The registry records it; the fee and archive modules start from it.
 */
public record BatchSigned(UUID batchId, UUID planId, UUID enterpriseId, String receivingAreaCode,
                          UUID receivingBodyId, LocalDate effectiveOn, List<UUID> retireeIds) {
}
