package cq.retirees.handover.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A consultation about the plan; it counts for publicity only if a retiree representative took part. */
record Consultation(UUID id, UUID planId, LocalDate heldOn, List<Participant> participants, String minutes,
                    UUID recordedBy, Instant recordedAt) {

    /** {@code side}: RETIREE_REPRESENTATIVE, ENTERPRISE, RECEIVING_SIDE, GOVERNMENT or OTHER. */
    record Participant(String name, String side) {
    }

    static final List<String> SIDES = List.of("RETIREE_REPRESENTATIVE", "ENTERPRISE", "RECEIVING_SIDE", "GOVERNMENT",
            "OTHER");

    boolean withRepresentatives() {
        return participants.stream().anyMatch(p -> "RETIREE_REPRESENTATIVE".equals(p.side()));
    }
}
