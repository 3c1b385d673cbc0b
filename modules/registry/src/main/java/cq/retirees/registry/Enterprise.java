package cq.retirees.registry;

import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.CreditCode;

import java.time.Instant;
import java.util.UUID;

/** A state-owned enterprise that hands over its retirees. */
public record Enterprise(UUID id, CreditCode creditCode, String name, EnterpriseCategory category, UUID parentId,
                         AreaCode insuredArea, AreaCode locationArea, long version, Instant createdAt,
                         Instant updatedAt) {
}
