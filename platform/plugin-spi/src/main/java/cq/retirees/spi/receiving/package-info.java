/**
 * The {@code ReceivingRule} extension point (DOMAIN.md §5.1) and the facts it sees. Records carry kernel types
 * and JDK types only, so a plugin compiled against this package needs nothing else from the platform.
 */
package cq.retirees.spi.receiving;
