package cq.retirees.handover.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A petition (信访) about a plan, and optionally one retiree on it, followed until closed. */
record Petition(UUID id, UUID planId, UUID retireeId, PetitionChannel channel, String content, LocalDate receivedOn,
                String responsibleUnit, PetitionStatus status, String handlingNote, long version, Instant createdAt,
                Instant updatedAt) {

    boolean open() {
        return status.open();
    }
}
