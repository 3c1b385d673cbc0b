package cq.retirees.spi.receiving;

import cq.retirees.kernel.AreaCode;

import java.util.UUID;

/**
 * The enterprise handing over the retiree.
 *
 * @param category     the registry's enterprise category name, e.g. {@code "MUNICIPAL_KEY_SOE"}
 * @param insuredArea  as registered; may no longer be in force ({@link RosterContext#inForce})
 * @param locationArea as registered; may no longer be in force
 */
public record EnterpriseFacts(UUID enterpriseId, String category, AreaCode insuredArea, AreaCode locationArea) {
}
