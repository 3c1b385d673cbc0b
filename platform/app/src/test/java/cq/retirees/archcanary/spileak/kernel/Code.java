package cq.retirees.archcanary.spileak.kernel;

/** A kernel value type: allowed in the SPI. */
public record Code(String value) {
}
