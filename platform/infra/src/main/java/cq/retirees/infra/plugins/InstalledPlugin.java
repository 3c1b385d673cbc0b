package cq.retirees.infra.plugins;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A plugin as {@code platform.plugins} holds it (without its jar). {@code enabled} is the administrator's
 * permission; {@code started} whether it runs; its extensions are used only when both hold.
 */
public record InstalledPlugin(String id, String version, String provider, String requires, String description,
                              String sha256, String source, List<DeclaredExtension> extensions,
                              Map<String, String> settings, boolean enabled, boolean started, String changedBy,
                              Instant changedAt, Instant installedAt, long stateVersion) {

    public boolean active() {
        return enabled && started;
    }
}
