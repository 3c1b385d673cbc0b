package cq.retirees.registry;

import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.db.ModuleSchema;
import cq.retirees.infra.http.ApiService;
import cq.retirees.registry.internal.RegistryWiring;
import io.helidon.config.Config;

import javax.sql.DataSource;
import java.util.List;

/** The registry module: its schema, its facade and its HTTP services. */
public final class RegistryModule implements AutoCloseable {

    public static final ModuleSchema SCHEMA = new ModuleSchema("registry");
    public static final String MESSAGES = "i18n.registry";

    private final RegistryWiring wiring;

    private RegistryModule(RegistryWiring wiring) {
        this.wiring = wiring;
    }

    /**
     * Settings ({@code registry.*}): {@code import.chunk-rows} (default 10000), {@code import.max-bytes}
     * (default 1 GiB).
     */
    public static RegistryModule create(Config config, PlatformServices platform, DataSource bulkDataSource) {
        return new RegistryModule(new RegistryWiring(platform, bulkDataSource,
                config.get("import.chunk-rows").asInt().orElse(10_000),
                config.get("import.max-bytes").asLong().orElse(1L << 30)));
    }

    public Registry registry() {
        return wiring.registry();
    }

    public List<ApiService> services() {
        return wiring.services();
    }

    /** On an empty registry: imports {@code retirees} synthetic retirees (never real people's data). */
    public void seedDemoData(int retirees) {
        wiring.seedDemoData(retirees);
    }

    /** Resumes roster imports that a crash or a stop interrupted. */
    public void resumeInterruptedWork() {
        wiring.resumeInterruptedWork();
    }

    @Override
    public void close() {
        wiring.close();
    }
}
