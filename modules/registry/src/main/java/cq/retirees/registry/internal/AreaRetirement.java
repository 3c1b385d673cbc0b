package cq.retirees.registry.internal;

import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /areas/{code}/retirement}. */
record AreaRetirement(LocalDate retiredOn, List<String> successorCodes, String reason) {
}
