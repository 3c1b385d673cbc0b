package cq.retirees.registry;

import cq.retirees.kernel.AreaCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A signed handover batch: its retirees come under socialized management in {@code area}, with
 * {@code receivingBodyId} (may be null for an area-level batch), from {@code receivedOn}.
 */
public record Reception(UUID batchId, List<UUID> retireeIds, AreaCode area, UUID receivingBodyId,
                        LocalDate receivedOn) {

    public Reception {
        retireeIds = List.copyOf(retireeIds);
    }
}
