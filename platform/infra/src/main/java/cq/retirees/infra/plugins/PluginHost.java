package cq.retirees.infra.plugins;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.PluginSettings;
import cq.retirees.spi.receiving.ReceivingRule;
import cq.retirees.spi.receiving.Territory;
import cq.retirees.spi.services.ServiceOfferingProvider;
import io.helidon.dbclient.DbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs on this instance exactly the plugins that {@code platform.plugins} says are enabled and started: it loads
 * their jars (the bytes stored in the database, checked against their SHA-256), configures their extensions, and
 * hands them out guarded. {@link #reconcile} brings the instance in line; it runs at start, on every change
 * announced by any instance, and on a short poll in case an announcement was missed.
 */
public final class PluginHost implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PluginHost.class.getName());

    /** A plugin running here: what the database said when it was loaded, and its guarded extensions. */
    private record Running(InstalledPlugin plugin, List<ReceivingRule> rules, List<ServiceOfferingProvider> providers) {
    }

    private final DbClient db;
    private final PluginsDb plugins;
    private final PluginCalls calls;
    private final PluginFailures failures;
    private final Pf4jPlugins pf4j;
    private final Path jars;
    private final Map<String, Map<String, String>> settingsOverrides;
    private final Duration unloadGrace;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "plugin-unloader");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Running> running = Map.of();
    /** What the database said should run, as of the last reconciliation: health reports those not running here. */
    private volatile Set<String> wanted = Set.of();
    /** Which copy of each plugin PF4J holds (its state version), so a late unload never hits a newer copy. */
    private final Map<String, Long> loadedCopies = new HashMap<>();
    /** Copies that would not load here: not tried again (every second) until the database says something new. */
    private final Map<String, Long> unloadable = new HashMap<>();

    PluginHost(DbClient db, PluginsDb plugins, PluginCalls calls, PluginFailures failures, Path workDirectory, Map<String, Map<String, String>> settingsOverrides, Duration unloadGrace) {
        this.db = db;
        this.plugins = plugins;
        this.calls = calls;
        this.failures = failures;
        this.jars = workDirectory.resolve("jars");
        this.pf4j = new Pf4jPlugins(workDirectory.resolve("loaded"));
        this.settingsOverrides = Map.copyOf(settingsOverrides);
        this.unloadGrace = unloadGrace;
    }

    /** The receiving rules of the plugins running now, guarded; a caller keeps the list for one whole run. */
    public List<ReceivingRule> receivingRules() {
        return running.values().stream().flatMap(r -> r.rules().stream()).toList();
    }

    public List<ServiceOfferingProvider> serviceOfferingProviders() {
        return running.values().stream().flatMap(r -> r.providers().stream()).toList();
    }

    /** Ids of the plugins running on this instance. */
    public Set<String> runningIds() {
        return Set.copyOf(running.keySet());
    }

    /** Ids of the plugins that should run (enabled and started), whether or not they run here. */
    public Set<String> wantedIds() {
        return wanted;
    }

    public PluginFailures failures() {
        return failures;
    }

    /** The settings a plugin gets: those in its jar, overridden by {@code plugins.settings.<id>.*}. */
    PluginSettings settingsOf(String id, Map<String, String> inJar) {
        Map<String, String> merged = new HashMap<>(inJar);
        merged.putAll(settingsOverrides.getOrDefault(id, Map.of()));
        return new PluginSettings(merged);
    }

    /** Loads what should run and is not running, retires what runs and should not. */
    public synchronized void reconcile() {
        Map<String, InstalledPlugin> wanted = plugins.all(db.execute()).stream().filter(InstalledPlugin::active)
                .collect(Collectors.toMap(InstalledPlugin::id, p -> p));
        this.wanted = Set.copyOf(wanted.keySet());
        Map<String, Running> next = new HashMap<>();
        List<Running> retired = new ArrayList<>();
        for (Running current : running.values()) {
            InstalledPlugin want = wanted.get(current.plugin().id());
            if (want != null && want.sha256().equals(current.plugin().sha256())
                    && want.stateVersion() == current.plugin().stateVersion()) {
                next.put(want.id(), current);
            } else {
                retired.add(current);
            }
        }
        boolean loading = false;
        for (InstalledPlugin want : wanted.values()) {
            if (!next.containsKey(want.id()) && !Long.valueOf(want.stateVersion()).equals(unloadable.get(want.id()))) {
                loading = true;
            }
        }
        if (retired.isEmpty() && !loading) {
            return;
        }
        for (Running old : retired) {
            String id = old.plugin().id();
            if (wanted.containsKey(id)) {
                unload(id); // PF4J holds one plugin per id: the old jar goes before the new one loads
            } else {
                // Runs that took the rules before this change finish with them; then the class loader goes.
                long copy = old.plugin().stateVersion();
                later.schedule(() -> unloadIfRetired(id, copy), unloadGrace.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        for (InstalledPlugin want : wanted.values()) {
            if (!next.containsKey(want.id())
                    && !Long.valueOf(want.stateVersion()).equals(unloadable.get(want.id()))) {
                try {
                    next.put(want.id(), load(want));
                    unloadable.remove(want.id());
                } catch (RuntimeException e) {
                    unloadable.put(want.id(), want.stateVersion());
                    failures.record(want.id(), PluginFailures.Kind.EXCEPTION, "does not load: " + e.getMessage());
                    LOG.log(Level.WARNING, "plugin " + want.id() + " does not load; the municipal default applies", e);
                }
            }
        }
        running = Map.copyOf(next);
        LOG.log(Level.INFO, "plugins running: " + running.keySet());
    }

    private Running load(InstalledPlugin plugin) {
        Path jar = cachedJar(plugin);
        failures.reset(plugin.id());
        unload(plugin.id()); // a retired copy still waiting out its grace period (PF4J holds one per id)
        // Creating the extensions runs plugin code (constructors, static initialisers): guarded like any call.
        Pf4jPlugins.Extensions extensions = calls.call(plugin.id(), () -> pf4j.load(jar, plugin.id()))
                .orElseThrow(() -> new IllegalStateException("failed to load or start in time"));
        loadedCopies.put(plugin.id(), plugin.stateVersion());
        PluginSettings settings = settingsOf(plugin.id(), plugin.settings());
        List<ReceivingRule> rules = new ArrayList<>();
        for (ReceivingRule rule : extensions.receivingRules()) {
            PluginInspector.configure(calls, plugin.id(), rule, settings);
            rules.add(new GuardedReceivingRule(plugin.id(), declaredTerritory(plugin, rule.getClass().getName()), rule,
                    calls, failures));
        }
        List<ServiceOfferingProvider> providers = new ArrayList<>();
        for (ServiceOfferingProvider provider : extensions.serviceOfferingProviders()) {
            PluginInspector.configure(calls, plugin.id(), provider, settings);
            providers.add(new GuardedServiceOfferingProvider(plugin.id(), declaredAreas(plugin,
                    provider.getClass().getName()), provider, calls));
        }
        return new Running(plugin, List.copyOf(rules), List.copyOf(providers));
    }

    /** The jar as stored, written once per content under its hash; bytes that do not match the hash are refused. */
    private Path cachedJar(InstalledPlugin plugin) {
        Path file = jars.resolve(plugin.id() + "-" + plugin.sha256() + ".jar");
        if (Files.exists(file)) {
            return file;
        }
        byte[] bytes = plugins.jar(db.execute(), plugin.id(), plugin.sha256())
                .orElseThrow(() -> new IllegalStateException("jar of " + plugin.id() + " changed meanwhile"));
        if (!sha256(bytes).equals(plugin.sha256())) {
            throw new IllegalStateException("stored jar of " + plugin.id() + " does not match its SHA-256");
        }
        try {
            Files.createDirectories(jars);
            Path partial = Files.createTempFile(jars, plugin.id(), ".part");
            Files.write(partial, bytes);
            return Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Territory declaredTerritory(InstalledPlugin plugin, String className) {
        DeclaredExtension d = declared(plugin, DeclaredExtension.RECEIVING_RULE, className);
        return Territory.of(areas(d.residenceAreas()), Set.copyOf(d.categories()), areas(d.receivingAreas()));
    }

    private static Set<AreaCode> declaredAreas(InstalledPlugin plugin, String className) {
        return areas(declared(plugin, DeclaredExtension.SERVICE_OFFERING_PROVIDER, className).receivingAreas());
    }

    /** An extension that was not there at install is not trusted with anything. */
    private static DeclaredExtension declared(InstalledPlugin plugin, String point, String className) {
        return plugin.extensions().stream()
                .filter(d -> d.point().equals(point) && d.className().equals(className)).findFirst()
                .orElseThrow(() -> new IllegalStateException(className + " was not declared at install"));
    }

    private static Set<AreaCode> areas(List<String> codes) {
        return codes.stream().map(AreaCode::of).collect(Collectors.toSet());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The retired copy {@code copy} of a plugin, if PF4J still holds that copy and it has not been revived. */
    private synchronized void unloadIfRetired(String id, long copy) {
        if (!running.containsKey(id) && Long.valueOf(copy).equals(loadedCopies.get(id))) {
            unload(id);
        }
    }

    private void unload(String id) {
        pf4j.unload(id);
        loadedCopies.remove(id);
    }

    @Override
    public synchronized void close() {
        later.shutdownNow();
        running = Map.of();
        pf4j.unloadAll();
        calls.close();
    }
}
