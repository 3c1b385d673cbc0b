package cq.retirees.infra.plugins;

import cq.retirees.spi.SpiVersion;
import cq.retirees.spi.receiving.ReceivingRule;
import cq.retirees.spi.services.ServiceOfferingProvider;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

import java.nio.file.Path;
import java.util.List;

/** PF4J, used for what it is good at: a class loader per plugin jar and its extension index. */
final class Pf4jPlugins {

    /** A started plugin's extension instances, fresh from PF4J. */
    record Extensions(List<ReceivingRule> receivingRules, List<ServiceOfferingProvider> serviceOfferingProviders) {
    }

    private final PluginManager manager;

    Pf4jPlugins(Path root) {
        this.manager = new DefaultPluginManager(root);
        manager.setSystemVersion(SpiVersion.CURRENT);
    }

    /** Loads and starts the jar; fails when its id is not {@code expectedId} or it does not start. */
    Extensions load(Path jar, String expectedId) {
        String id = manager.loadPlugin(jar);
        if (!expectedId.equals(id)) {
            unload(id);
            throw new IllegalStateException("jar declares plugin " + id + ", expected " + expectedId);
        }
        if (manager.startPlugin(id) != PluginState.STARTED) {
            unload(id);
            throw new IllegalStateException("plugin " + id + " did not start");
        }
        return new Extensions(manager.getExtensions(ReceivingRule.class, id),
                manager.getExtensions(ServiceOfferingProvider.class, id));
    }

    /** Stops and unloads (closing its class loader); PF4J's stopPlugins() fails with started plugins, so one by one. */
    void unload(String id) {
        if (manager.getPlugin(id) == null) {
            return;
        }
        try {
            manager.stopPlugin(id);
        } finally {
            manager.unloadPlugin(id);
        }
    }

    void unloadAll() {
        for (var plugin : List.copyOf(manager.getPlugins())) {
            unload(plugin.getPluginId());
        }
    }
}
