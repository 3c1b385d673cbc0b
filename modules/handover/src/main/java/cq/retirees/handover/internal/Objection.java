package cq.retirees.handover.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An objection raised during publicity, and its answer once given. */
record Objection(UUID id, UUID planId, LocalDate raisedOn, String raisedBy, String content, String answer,
                 LocalDate answeredOn, long version, Instant createdAt) {

    boolean answered() {
        return answer != null;
    }
}
