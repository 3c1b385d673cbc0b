package cq.retirees.handover.internal;

import java.util.Set;

/**
 * Where the handling of a petition stands. A resolved petition may be reopened (the petitioner is not satisfied);
 * a closed one stays as it was closed (status, unit and note): a new complaint is a new petition.
 */
enum PetitionStatus {
    RECEIVED, IN_PROGRESS, RESOLVED, CLOSED;

    boolean open() {
        return this == RECEIVED || this == IN_PROGRESS;
    }

    /** Whether the handling may go from here to {@code next}; staying where it is always may. */
    boolean mayBecome(PetitionStatus next) {
        return next == this || switch (this) {
            case RECEIVED -> Set.of(IN_PROGRESS, RESOLVED, CLOSED).contains(next);
            case IN_PROGRESS -> Set.of(RESOLVED, CLOSED).contains(next);
            case RESOLVED -> Set.of(IN_PROGRESS, CLOSED).contains(next);
            case CLOSED -> false;
        };
    }

    /** A resolution or a closure says how the petition was handled. */
    boolean needsHandlingNote() {
        return this == RESOLVED || this == CLOSED;
    }
}
