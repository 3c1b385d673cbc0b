package cq.retirees.handover.internal;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

import static cq.retirees.handover.internal.PetitionStatus.CLOSED;
import static cq.retirees.handover.internal.PetitionStatus.IN_PROGRESS;
import static cq.retirees.handover.internal.PetitionStatus.RECEIVED;
import static cq.retirees.handover.internal.PetitionStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PetitionStatusTest {

    @Test
    void handlingMovesForwardAResolutionMayBeReopenedAndAClosureIsFinal() {
        assertEquals(EnumSet.of(RECEIVED, IN_PROGRESS, RESOLVED, CLOSED), next(RECEIVED));
        assertEquals(EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED), next(IN_PROGRESS));
        assertEquals(EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED), next(RESOLVED));
        assertEquals(EnumSet.of(CLOSED), next(CLOSED));
    }

    @Test
    void onlyReceivedAndInProgressAreOpenAndOnlyAnEndingNeedsANote() {
        assertEquals(EnumSet.of(RECEIVED, IN_PROGRESS), with(PetitionStatus::open));
        assertEquals(EnumSet.of(RESOLVED, CLOSED), with(PetitionStatus::needsHandlingNote));
    }

    private static Set<PetitionStatus> next(PetitionStatus from) {
        return with(from::mayBecome);
    }

    private static Set<PetitionStatus> with(Predicate<PetitionStatus> test) {
        Set<PetitionStatus> matching = EnumSet.noneOf(PetitionStatus.class);
        for (PetitionStatus s : PetitionStatus.values()) {
            if (test.test(s)) {
                matching.add(s);
            }
        }
        return matching;
    }
}
