package cq.retirees.handover.internal;

/** What a user may do to one roster entry by hand. */
enum RosterAction {
    /** Another receiving area (and body) than proposed, with a reason. */
    OVERRIDE,
    /** Back to the proposal. */
    CLEAR_OVERRIDE,
    /** Off the roster, with a reason; the only change still allowed once the roster is closed. */
    REMOVE,
    /** Back on the roster after a removal by hand. */
    RESTORE;

    /** Undoing needs no reason; deciding does. */
    boolean needsReason() {
        return this == OVERRIDE || this == REMOVE;
    }
}
