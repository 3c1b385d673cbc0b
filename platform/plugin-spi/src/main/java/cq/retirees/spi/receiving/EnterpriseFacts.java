package cq.retirees.spi.receiving;

import cq.retirees.kernel.AreaCode;

import java.util.UUID;

/**
 * The enterprise handing over the retiree.
 *
 * @param category     the registry's enterprise category name, e.g. {@code "MUNICIPAL_KEY_SOE"}
 * @param insuredArea  {@code null} when not an area in force
 * @param locationArea {@code null} when not an area in force
 */
public record EnterpriseFacts(UUID enterpriseId, String category, AreaCode insuredArea, AreaCode locationArea) {
}
