package cq.retirees.registry;

import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.db.ModuleSchema;
import cq.retirees.infra.http.ApiService;
import cq.retirees.registry.internal.AreaAdministration;
import cq.retirees.registry.internal.AreaRoutes;
import cq.retirees.registry.internal.AreasDb;
import cq.retirees.registry.internal.ReceivingBodiesDb;
import cq.retirees.registry.internal.RegistryLookups;
import io.helidon.config.Config;

import java.util.List;

/** The registry module: its schema, its facade and its HTTP services. */
public final class RegistryModule {

    public static final ModuleSchema SCHEMA = new ModuleSchema("registry");
    public static final String MESSAGES = "i18n.registry";

    private final Registry registry;
    private final List<ApiService> services;

    private RegistryModule(Registry registry, List<ApiService> services) {
        this.registry = registry;
        this.services = services;
    }

    public static RegistryModule create(Config config, PlatformServices platform) {
        AreasDb areas = new AreasDb();
        ReceivingBodiesDb bodies = new ReceivingBodiesDb();
        Registry registry = new RegistryLookups(platform.db(), areas, bodies, platform.clock());
        AreaAdministration administration = new AreaAdministration(areas, bodies, platform.audit(), platform.clock());
        return new RegistryModule(registry, List.of(new AreaRoutes(platform, areas, bodies, administration)));
    }

    public Registry registry() {
        return registry;
    }

    public List<ApiService> services() {
        return services;
    }
}
