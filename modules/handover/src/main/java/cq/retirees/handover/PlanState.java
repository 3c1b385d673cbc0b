package cq.retirees.handover;

import java.util.Set;

/** DOMAIN.md §5.2: DRAFT → CONSULTATION → PUBLICITY → APPROVED → IN_HANDOVER → COMPLETED, WITHDRAWN before then. */
public enum PlanState {
    DRAFT,
    CONSULTATION,
    PUBLICITY,
    APPROVED,
    IN_HANDOVER,
    COMPLETED,
    WITHDRAWN;

    public boolean active() {
        return this != COMPLETED && this != WITHDRAWN;
    }

    /** The states this one may move to; the guards of each move are checked separately. */
    public Set<PlanState> next() {
        return switch (this) {
            case DRAFT -> Set.of(CONSULTATION, WITHDRAWN);
            case CONSULTATION -> Set.of(PUBLICITY, WITHDRAWN);
            case PUBLICITY -> Set.of(APPROVED, WITHDRAWN);
            case APPROVED -> Set.of(IN_HANDOVER, WITHDRAWN);
            case IN_HANDOVER -> Set.of(COMPLETED, WITHDRAWN);
            case COMPLETED, WITHDRAWN -> Set.of();
        };
    }

    /** While the roster may still be proposed and overridden: before it is made public. */
    public boolean rosterOpen() {
        return this == DRAFT || this == CONSULTATION;
    }
}
