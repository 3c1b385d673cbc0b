package cq.retirees.spi.receiving;

import cq.retirees.kernel.AreaCode;

import java.util.UUID;

/** A receiving body registered in an area; {@code kind} is STREET, TOWNSHIP, TOWN, DEPARTMENT or UNIT. */
public record ReceivingBodyFacts(UUID id, AreaCode area, String nameZh, String kind) {
}
