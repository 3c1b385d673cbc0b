package cq.retirees.handover.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A petition (信访) about a plan, and optionally one retiree on it, followed until closed. */
record Petition(UUID id, UUID planId, UUID retireeId, String channel, String content, LocalDate receivedOn,
                String responsibleUnit, String status, String handlingNote, long version, Instant createdAt,
                Instant updatedAt) {

    static final List<String> CHANNELS = List.of("VISIT", "LETTER", "PHONE", "ONLINE", "OTHER");
    static final List<String> STATUSES = List.of("RECEIVED", "IN_PROGRESS", "RESOLVED", "CLOSED");

    boolean open() {
        return status.equals("RECEIVED") || status.equals("IN_PROGRESS");
    }
}
