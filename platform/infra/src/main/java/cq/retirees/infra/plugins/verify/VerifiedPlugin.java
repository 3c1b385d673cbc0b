package cq.retirees.infra.plugins.verify;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the verifier read from a jar it accepted: the manifest's {@code Plugin-*} attributes, the extension classes
 * listed in {@code META-INF/extensions.idx}, and the sample settings in {@code plugin-settings.properties}.
 *
 * @param description {@code Plugin-Description}, or {@code null} when the manifest has none
 * @param settings    sorted by key; empty when the jar has no {@code plugin-settings.properties}
 */
public record VerifiedPlugin(String id, String version, String provider, String requires, String description,
                             List<String> extensionClasses, Map<String, String> settings) {

    public VerifiedPlugin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(requires, "requires");
        extensionClasses = List.copyOf(extensionClasses);
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }
}
