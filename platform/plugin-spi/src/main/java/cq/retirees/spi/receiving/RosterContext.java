package cq.retirees.spi.receiving;

import cq.retirees.kernel.AreaCode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule may know of the whole roster being proposed: how many of the enterprise's retirees live in each area,
 * which areas are in force, and the receiving bodies registered in them.
 */
public record RosterContext(long rosterSize, Map<AreaCode, Long> residentsByArea, Set<AreaCode> areasInForce,
                            Map<AreaCode, List<ReceivingBodyFacts>> receivingBodies) {

    public RosterContext {
        residentsByArea = Map.copyOf(residentsByArea);
        areasInForce = Set.copyOf(areasInForce);
        // deep: a rule must not be able to change what the host and the next rule see
        receivingBodies = receivingBodies.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    public long residentsIn(AreaCode area) {
        return residentsByArea.getOrDefault(area, 0L);
    }

    public boolean inForce(AreaCode area) {
        return area != null && areasInForce.contains(area);
    }

    public List<ReceivingBodyFacts> bodiesIn(AreaCode area) {
        return receivingBodies.getOrDefault(area, List.of());
    }
}
