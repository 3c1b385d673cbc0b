package cq.retirees.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's settings: the {@code plugin-settings.properties} inside its jar (its sample defaults), overridden by
 * the platform's configuration ({@code plugins.settings.<plugin-id>.<key>}). The host reads them; a plugin never
 * reads files itself.
 */
public final class PluginSettings {

    private final Map<String, String> values;

    public PluginSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String text(String key, String defaultValue) {
        return text(key).orElse(defaultValue);
    }

    /** A comma-separated list (full-width commas too), each item stripped, empty items dropped. */
    public List<String> list(String key) {
        return text(key).map(v -> Arrays.stream(v.split("[,，]")).map(String::strip).filter(s -> !s.isEmpty())
                .toList()).orElse(List.of());
    }

    /** Whether the key is set at all (an empty value included, which may mean "none"). */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * A whole number, or {@code defaultValue} when the key is absent or empty.
     *
     * @throws IllegalArgumentException when the value is not a whole number, with the message
     *                                  {@code "<key> must be a whole number"}, so that a plugin can let it fail
     *                                  {@code configure} as it is
     */
    public int integer(String key, int defaultValue) {
        return text(key).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key.concat(" must be a whole number"), e);
            }
        }).orElse(defaultValue);
    }

    public Map<String, String> asMap() {
        return values;
    }
}
