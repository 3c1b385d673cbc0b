package cq.retirees.spi.receiving;

import cq.retirees.kernel.AreaCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The roster a rule sees cannot be changed by that rule, so the host and the next rule see what the host built. */
class RosterContextTest {

    @Test
    void aRuleCannotAddABodyOrTakeOneAway() {
        AreaCode wsjk = AreaCode.of("WSJK");
        List<ReceivingBodyFacts> built = new ArrayList<>(List.of(new ReceivingBodyFacts(UUID.randomUUID(), wsjk,
                "万盛街道", "STREET")));
        RosterContext roster = new RosterContext(1, Map.of(), Set.of(wsjk), Map.of(wsjk, built));
        ReceivingBodyFacts invented = new ReceivingBodyFacts(UUID.randomUUID(), wsjk, "x", "STREET");

        assertThrows(UnsupportedOperationException.class, () -> roster.bodiesIn(wsjk).add(invented));
        assertThrows(UnsupportedOperationException.class, () -> roster.bodiesIn(wsjk).clear());
        built.add(invented);
        assertEquals(1, roster.bodiesIn(wsjk).size(), "a copy, not a view of the host's list");
    }
}
