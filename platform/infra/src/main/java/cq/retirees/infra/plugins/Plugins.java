package cq.retirees.infra.plugins;

import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.http.ApiService;
import cq.retirees.infra.plugins.verify.PluginRefusedException;
import cq.retirees.infra.plugins.verify.PluginVerifier;
import cq.retirees.infra.security.Access;
import cq.retirees.kernel.access.Actor;
import cq.retirees.spi.SpiVersion;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.health.HealthCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The plugin host of one instance, built from the {@code plugins.*} settings: the host that runs the enabled
 * plugins, the listener that keeps it in line with the other instances, the admin routes and the health check.
 */
public final class Plugins implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Plugins.class.getName());

    private final PluginHost host;
    private final PluginAdministration administration;
    private final PluginChangeListener listener;
    private final PluginRoutes routes;
    private final Optional<Path> directory;

    private Plugins(PluginHost host, PluginAdministration administration, PluginChangeListener listener,
                    PluginRoutes routes, Optional<Path> directory) {
        this.host = host;
        this.administration = administration;
        this.listener = listener;
        this.routes = routes;
        this.directory = directory;
    }

    /**
     * Settings: {@code directory} (jars installed at start, disabled until enabled), {@code call-timeout}
     * (default PT1S), {@code inspection-timeout} (PT5S, for the questions asked at install), {@code poll-interval} (PT1S), {@code unload-grace} (PT30S), {@code max-jar-bytes} (16 MiB),
     * {@code settings.<plugin-id>.<key>} (overrides of a plugin's own settings). {@code known} is what a
     * territory may name: a plugin naming anything else is not enabled.
     */
    public static Plugins create(Config config, DbClient db, DataSource dataSource, Path dataDirectory,
                                 AuditTrail audit, Access access, MeterRegistry meters, Clock clock,
                                 KnownCodes known) {
        Path work = dataDirectory.resolve("plugins");
        PluginFailures failures = new PluginFailures(meters, clock);
        PluginCalls calls = new PluginCalls(config.get("call-timeout").as(Duration.class).orElse(Duration.ofSeconds(1)),
                failures);
        PluginsDb plugins = new PluginsDb();
        Duration inspectionTimeout = config.get("inspection-timeout").as(Duration.class).orElse(Duration.ofSeconds(5));
        PluginInspector inspector = new PluginInspector(
                new PluginCalls(inspectionTimeout, new PluginFailures(new SimpleMeterRegistry(), clock)),
                work.resolve("scratch"));
        PluginHost host = new PluginHost(db, plugins, calls, failures, work, overrides(config.get("settings")),
                config.get("unload-grace").as(Duration.class).orElse(Duration.ofSeconds(30)));
        PluginAdministration administration = new PluginAdministration(db, plugins,
                new PluginVerifier(SpiVersion.CURRENT), inspector, host, audit, work.resolve("uploads"), known);
        PluginChangeListener listener = new PluginChangeListener(dataSource, host,
                config.get("poll-interval").as(Duration.class).orElse(Duration.ofSeconds(1)));
        PluginRoutes routes = new PluginRoutes(access, administration, plugins, host, db,
                config.get("max-jar-bytes").asLong().orElse(16L * 1024 * 1024));
        return new Plugins(host, administration, listener, routes,
                config.get("directory").asString().asOptional().filter(s -> !s.isBlank()).map(Path::of));
    }

    /** Installs the configured directory's jars (disabled until an administrator enables them), then runs. */
    public void start() {
        directory.ifPresent(this::installDirectory);
        host.reconcile();
        listener.start();
    }

    public PluginHost host() {
        return host;
    }

    public ApiService routes() {
        return routes;
    }

    public HealthCheck health() {
        return new PluginsHealth(host);
    }

    private void installDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.log(Level.WARNING, "plugins.directory " + dir + " is not a directory; nothing installed from it");
            return;
        }
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try {
                    administration.install(Actor.SYSTEM, null, Files.readAllBytes(jar), "DIRECTORY");
                } catch (PluginRefusedException e) {
                    LOG.log(Level.WARNING, "plugin jar " + jar.getFileName() + " refused: " + e.getMessage());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "plugin jar " + jar.getFileName() + " not installed: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code settings.<plugin-id>.<key...>} as one map per plugin, keys relative to the plugin's node. */
    private static Map<String, Map<String, String>> overrides(Config settings) {
        Map<String, Map<String, String>> byPlugin = new HashMap<>();
        for (Config plugin : settings.asNodeList().orElse(List.of())) {
            String prefix = plugin.key().toString() + ".";
            Map<String, String> values = new HashMap<>();
            plugin.traverse().filter(Config::isLeaf).forEach(leaf -> leaf.asString().ifPresent(value ->
                    values.put(leaf.key().toString().substring(prefix.length()), value)));
            byPlugin.put(plugin.name(), values);
        }
        return byPlugin;
    }

    @Override
    public void close() {
        listener.close();
        host.close();
    }
}
