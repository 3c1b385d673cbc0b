package cq.retirees.spi;

/**
 * An extension that takes settings. The host calls {@link #configure} once, after creating the extension and
 * before any other call.
 */
public interface Configurable {

    void configure(PluginSettings settings);
}
