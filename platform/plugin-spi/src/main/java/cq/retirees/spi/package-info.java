/**
 * The plugin SPI: the only artifact district and zone plugins compile against. It depends on the kernel, PF4J and
 * the JDK alone; extension points are added here as the modules that call them arrive.
 */
package cq.retirees.spi;
