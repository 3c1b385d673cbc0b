package cq.retirees.handover.internal;

import cq.retirees.kernel.AreaCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A handover batch: the retirees one receiving body (or area) takes over on {@code effectiveOn}. It is SIGNED once
 * both the enterprise and the receiving side have signed, and CANCELLED when its plan is withdrawn.
 */
record Batch(UUID id, UUID planId, AreaCode receivingArea, UUID receivingBodyId, LocalDate effectiveOn, String state,
             String enterpriseSignatory, Instant enterpriseSignedAt, String receivingSignatory,
             Instant receivingSignedAt, long version, Instant createdAt) {

    boolean signed() {
        return "SIGNED".equals(state);
    }

    boolean open() {
        return "OPEN".equals(state);
    }

    boolean signedBy(SigningSide side) {
        return side == SigningSide.ENTERPRISE ? enterpriseSignedAt != null : receivingSignedAt != null;
    }
}
