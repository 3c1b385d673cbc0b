package cq.retirees.registry;

import cq.retirees.kernel.AreaCode;

import java.time.Instant;
import java.util.UUID;

/** A township/street government, department or unit that receives retirees in an area. */
public record ReceivingBody(UUID id, AreaCode areaCode, String nameZh, ReceivingBodyKind kind, long version,
                            Instant createdAt) {
}
