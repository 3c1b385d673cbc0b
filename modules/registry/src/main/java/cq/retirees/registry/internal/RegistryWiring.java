package cq.retirees.registry.internal;

import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.http.ApiService;
import cq.retirees.registry.Registry;

import javax.sql.DataSource;
import java.util.List;

/** Builds the registry's parts and connects them; the module's public class only exposes what others may use. */
public final class RegistryWiring implements AutoCloseable {

    private final Registry registry;
    private final List<ApiService> services;
    private final RosterImports rosterImports;
    private final DemoData demoData;

    public RegistryWiring(PlatformServices platform, DataSource bulkDataSource, int chunkRows, long maxImportBytes) {
        AreasDb areas = new AreasDb();
        ReceivingBodiesDb bodies = new ReceivingBodiesDb();
        EnterprisesDb enterprises = new EnterprisesDb();
        RetireesDb retirees = new RetireesDb(platform.cipher());
        ImportsDb imports = new ImportsDb();
        this.registry = new RegistryLookups(platform.db(), bulkDataSource, areas, bodies, enterprises, retirees,
                new HandoverSteps(platform.transactions(), platform.audit()), platform.clock());
        this.rosterImports = new RosterImports(platform, bulkDataSource, imports, retirees, enterprises, areas, chunkRows);
        this.demoData = new DemoData(platform, enterprises, rosterImports);
        this.services = List.of(
                new AreaRoutes(platform, areas, bodies, new AreaAdministration(areas, bodies, platform.audit(),
                        platform.clock())),
                new EnterpriseRoutes(platform, enterprises, new EnterpriseRegistration(enterprises, areas,
                        platform.audit(), platform.clock())),
                new ImportRoutes(platform, rosterImports, imports, enterprises, maxImportBytes),
                new RetireeRoutes(platform, retirees, enterprises, new RetireeRegistration(retirees, areas,
                        platform.audit(), platform.outbox(), platform.clock())));
    }

    public Registry registry() {
        return registry;
    }

    public List<ApiService> services() {
        return services;
    }

    public void resumeInterruptedWork() {
        rosterImports.resumeInterrupted();
    }

    public void seedDemoData(int retirees) {
        demoData.seed(retirees);
    }

    @Override
    public void close() {
        rosterImports.close();
    }
}
