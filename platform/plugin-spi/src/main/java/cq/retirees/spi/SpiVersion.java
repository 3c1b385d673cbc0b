package cq.retirees.spi;

/**
 * The version of the plugin SPI. A plugin states the range it was built against in its manifest's
 * {@code Plugin-Requires} (e.g. {@code >=1.0.0 & <2.0.0}); the plugin host refuses a plugin whose range excludes
 * this version. The major number changes whenever an extension point changes incompatibly.
 */
public final class SpiVersion {

    public static final String CURRENT = "1.0.0";

    private SpiVersion() {
    }
}
