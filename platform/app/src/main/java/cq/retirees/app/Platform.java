package cq.retirees.app;

import cq.retirees.handover.HandoverModule;
import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.audit.AuditRoutes;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.crypto.DataKeys;
import cq.retirees.infra.crypto.PersonalDataCipher;
import cq.retirees.infra.db.Database;
import cq.retirees.infra.db.DatabaseSettings;
import cq.retirees.infra.db.Housekeeping;
import cq.retirees.infra.db.ModuleSchema;
import cq.retirees.infra.db.Transactions;
import cq.retirees.infra.http.ApiRoute;
import cq.retirees.infra.http.ApiService;
import cq.retirees.infra.http.Idempotency;
import cq.retirees.infra.http.JsonBodies;
import cq.retirees.infra.http.KnownRoutes;
import cq.retirees.infra.http.Messages;
import cq.retirees.infra.http.UrlCharacters;
import cq.retirees.infra.http.Problems;
import cq.retirees.infra.observe.DatabaseHealth;
import cq.retirees.infra.observe.HttpMetrics;
import cq.retirees.infra.observe.Meters;
import cq.retirees.infra.observe.MetricsRoutes;
import cq.retirees.infra.observe.MigrationsHealth;
import cq.retirees.infra.outbox.Outbox;
import cq.retirees.infra.outbox.OutboxDispatcher;
import cq.retirees.infra.plugins.Plugins;
import cq.retirees.infra.security.Access;
import cq.retirees.infra.security.Security;
import cq.retirees.infra.security.SecuritySettings;
import cq.retirees.registry.RegistryModule;
import io.helidon.config.Config;
import io.helidon.http.DirectHandler;
import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The composition root: builds every module from configuration, wires them explicitly, and serves them. Nothing
 * below this class reads global state.
 */
public final class Platform implements AutoCloseable {

    public static final String API_BASE = "/api/v1";
    static final List<ModuleSchema> SCHEMAS = List.of(
            new ModuleSchema("platform"), new ModuleSchema("audit"), new ModuleSchema("security"),
            RegistryModule.SCHEMA, HandoverModule.SCHEMA);
    static final List<String> MESSAGE_BUNDLES = List.of("i18n.infra", RegistryModule.MESSAGES,
            HandoverModule.MESSAGES);

    private final Database database;
    private final WebServer server;
    private final OutboxDispatcher events;
    private final Housekeeping housekeeping;
    private final RegistryModule registry;
    private final Plugins plugins;
    private final List<ApiService> api;
    private final Optional<String> generatedAdminPassword;

    private Platform(Database database, WebServer server, OutboxDispatcher events, Housekeeping housekeeping,
                     RegistryModule registry, Plugins plugins, List<ApiService> api,
                     Optional<String> generatedAdminPassword) {
        this.database = database;
        this.server = server;
        this.events = events;
        this.housekeeping = housekeeping;
        this.registry = registry;
        this.plugins = plugins;
        this.api = api;
        this.generatedAdminPassword = generatedAdminPassword;
    }

    public static Platform start(Config config) {
        // Instants are zone-free; dates ("today", publicity ends, "not in the future") are Chongqing's.
        Clock clock = Clock.system(ZoneId.of(config.get("platform.time-zone").asString().orElse("Asia/Shanghai")));
        Path dataDirectory = Path.of(config.get("platform.data-dir").asString().orElse("data")).toAbsolutePath();
        PrometheusMeterRegistry meters = Meters.create();
        Database database = Database.open(DatabaseSettings.from(config.get("db"), dataDirectory),
                config.get("db.client"), meters, SCHEMAS);
        try {
            Messages messages = new Messages(MESSAGE_BUNDLES);
            Problems problems = new Problems(messages);
            AuditTrail audit = new AuditTrail(database.client(), clock);
            Access access = new Access(audit);
            Transactions transactions = new Transactions(database.client());
            Duration idempotencyRetention = config.get("http.idempotency-retention").as(Duration.class)
                    .orElse(Duration.ofHours(24));
            Idempotency idempotency = new Idempotency(transactions, idempotencyRetention);
            JsonBodies bodies = new JsonBodies(config.get("http.max-json-bytes").asLong().orElse(1024 * 1024L));
            PersonalDataCipher cipher = new PersonalDataCipher(
                    DataKeys.load(config.get("security.data-key").asString().asOptional(), dataDirectory));
            OutboxDispatcher events = new OutboxDispatcher(transactions, meters,
                    config.get("outbox.poll-interval").as(Duration.class).orElse(Duration.ofSeconds(1)));
            PlatformServices services = new PlatformServices(database.client(), transactions, access, audit,
                    idempotency, bodies, messages, meters, clock, cipher, new Outbox(), events, dataDirectory);

            RegistryModule registry = RegistryModule.create(config.get("registry"), services, database.dataSource());
            Plugins plugins = Plugins.create(config.get("plugins"), database.client(), database.dataSource(),
                    dataDirectory, audit, access, meters, clock, new RegistryCodes(registry.registry()));
            HandoverModule handover = HandoverModule.create(config.get("handover"), services, registry.registry(),
                    database.dataSource(), plugins.host()::receivingRules);
            HandoverSteps.connect(events, registry.registry(), handover.handover());
            SecuritySettings securitySettings = SecuritySettings.from(config.get("security"),
                    config.get("platform.admin-password").asString().asOptional());
            Security security = Security.create(securitySettings,
                    database.client(), audit, access, problems, idempotency, bodies,
                    new RegistryScopeTargets(registry.registry()), clock);
            Optional<String> generatedPassword = security.ensureFirstAdmin();
            events.start();
            Housekeeping housekeeping = new Housekeeping(database.client(), idempotencyRetention,
                    securitySettings.throttleWindow(),
                    config.get("housekeeping.interval").as(Duration.class).orElse(Duration.ofMinutes(10)));
            housekeeping.start();
            registry.resumeInterruptedWork();
            registry.seedDemoData(config.get("platform.demo-retirees").asInt().orElse(0));

            List<ApiService> api = new ArrayList<>(security.services());
            api.add(new AuditRoutes(audit, access));
            api.addAll(registry.services());
            api.addAll(handover.services());
            api.add(plugins.routes());
            plugins.start();

            WebServer server = WebServer.builder()
                    .config(config.get("server"))
                    .addFeature(ObserveFeature.builder()
                            .addObserver(HealthObserver.builder()
                                    .details(true)
                                    .addCheck(new DatabaseHealth(database.client()))
                                    .addCheck(new MigrationsHealth(database.migrations()))
                                    .addCheck(plugins.health())
                                    .build())
                            .build())
                    .directHandlers(handlers -> {
                        DirectHandler beforeRouting = problems.beforeRouting();
                        for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
                            handlers.addHandler(event, beforeRouting);
                        }
                    })
                    .routing(routing -> routing(routing, problems, security, meters, api))
                    .build()
                    .start();
            return new Platform(database, server, events, housekeeping, registry, plugins, List.copyOf(api),
                    generatedPassword);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static void routing(HttpRouting.Builder routing, Problems problems, Security security,
                                PrometheusMeterRegistry meters, List<ApiService> api) {
        List<KnownRoutes.Route> served = new ArrayList<>(routeTable(api));
        served.add(new KnownRoutes.Route(Method.HEAD, "/observe/health")); // the health observer answers HEAD too
        KnownRoutes known = new KnownRoutes(served);
        problems.register(routing, known);
        routing.addFilter(new HttpMetrics(meters))
                .addFilter(new UrlCharacters(problems))
                .addFilter(security.authentication())
                .register("/observe", new MetricsRoutes(meters))
                .register(new OpenApiRoutes());
        api.forEach(service -> routing.register(API_BASE, service));
        // Anything else under the API is a problem document too (404, or 405 with Allow), not a plain-text 404.
        routing.any(API_BASE + "/*", (request, response) -> problems.write(request, response,
                known.notRouted(request)));
    }

    /** Every route the server serves with its full path: the API's, the OpenAPI document, metrics and health. */
    private static List<KnownRoutes.Route> routeTable(List<ApiService> api) {
        List<KnownRoutes.Route> routes = new ArrayList<>();
        for (ApiService service : api) {
            for (ApiRoute route : service.routes()) {
                routes.add(new KnownRoutes.Route(route.method(), API_BASE + route.path()));
            }
        }
        routes.add(new KnownRoutes.Route(Method.GET, OpenApiRoutes.PATH));
        routes.add(new KnownRoutes.Route(Method.GET, "/observe/metrics"));
        routes.add(new KnownRoutes.Route(Method.GET, "/observe/health"));
        return routes;
    }

    /** Every API route the server serves, as {@code METHOD /api/v1/path}: the OpenAPI test reads it. */
    public List<String> apiRoutes() {
        return routeTable(api).stream().map(KnownRoutes.Route::toString).toList();
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return database;
    }

    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    public Housekeeping housekeeping() {
        return housekeeping;
    }

    public Plugins plugins() {
        return plugins;
    }

    public OutboxDispatcher events() {
        return events;
    }

    @Override
    public void close() {
        server.stop();
        housekeeping.close();
        registry.close();
        plugins.close();
        events.close();
        database.close();
    }
}
