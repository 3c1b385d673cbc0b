/** The {@code ServiceOfferingProvider} extension point: area-specific offerings and home-visit schedules. */
package cq.retirees.spi.services;
