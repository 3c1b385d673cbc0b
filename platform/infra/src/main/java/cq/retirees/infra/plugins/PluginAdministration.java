package cq.retirees.infra.plugins;

import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.AuditTrail;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.db.Transactions;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.plugins.verify.PluginVerifier;
import cq.retirees.infra.plugins.verify.VerifiedPlugin;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.access.Actor;
import cq.retirees.spi.receiving.Territory;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a platform administrator does with plugins: install (verify, inspect, store), enable, disable, start, stop,
 * delete. Every change is audited and announced to all instances; this instance applies it at once.
 */
public final class PluginAdministration {

    /** The outcome of an install: the plugin as stored, whether it is new, and whether anything changed. */
    public record Installed(InstalledPlugin plugin, boolean created, boolean changed) {
    }

    private final DbClient db;
    private final Transactions transactions;
    private final PluginsDb plugins;
    private final PluginVerifier verifier;
    private final PluginInspector inspector;
    private final PluginHost host;
    private final AuditTrail audit;
    private final Path uploads;
    private final KnownCodes known;

    PluginAdministration(DbClient db, PluginsDb plugins, PluginVerifier verifier, PluginInspector inspector,
                         PluginHost host, AuditTrail audit, Path uploads, KnownCodes known) {
        this.db = db;
        this.transactions = new Transactions(db);
        this.plugins = plugins;
        this.verifier = verifier;
        this.inspector = inspector;
        this.host = host;
        this.audit = audit;
        this.uploads = uploads;
        this.known = known;
    }

    /**
     * Verifies and inspects the jar, then stores it disabled. The same bytes again change nothing; a new version
     * replaces a disabled plugin; an enabled plugin must be disabled first.
     */
    public Installed install(Actor actor, String address, byte[] jar, String source) {
        String sha256 = PluginHost.sha256(jar);
        Path file = spool(jar);
        try {
            VerifiedPlugin verified = verifier.verify(file);
            // Before loading any of its code: an enabled plugin is not replaced under the instances running it.
            plugins.byId(db.execute(), verified.id()).filter(p -> p.enabled() && !p.sha256().equals(sha256))
                    .ifPresent(p -> {
                        throw ApiException.conflict("PLUGIN_ENABLED", p.id());
                    });
            List<DeclaredExtension> extensions = inspector.inspect(file, verified,
                    host.settingsOf(verified.id(), verified.settings()));
            InstalledPlugin candidate = new InstalledPlugin(verified.id(), verified.version(), verified.provider(),
                    verified.requires(), verified.description(), sha256, source, extensions, verified.settings(),
                    false, false, actor.username(), null, null, 1);
            Installed installed = transactions.inTransaction(tx -> {
                plugins.lockAdministration(tx);
                Optional<InstalledPlugin> existing = plugins.byId(tx, verified.id());
                if (existing.isPresent() && existing.get().sha256().equals(sha256)) {
                    return new Installed(existing.get(), false, false);
                }
                if (existing.isPresent() && existing.get().enabled()) {
                    throw ApiException.conflict("PLUGIN_ENABLED", verified.id());
                }
                if (existing.isPresent()) {
                    plugins.replace(tx, candidate, jar);
                } else {
                    plugins.insert(tx, candidate, jar);
                }
                audit.append(tx, AuditRecord.of(actor, address, "PLUGIN_INSTALLED", "plugin", verified.id(),
                        Outcome.SUCCESS, Map.of("version", verified.version(), "sha256", sha256, "source", source,
                                "replaced", String.valueOf(existing.isPresent()))));
                return new Installed(plugins.byId(tx, verified.id()).orElseThrow(), existing.isEmpty(), true);
            });
            if (installed.changed()) {
                host.failures().reset(verified.id()); // new bytes: the old jar's record does not count against them
            }
            host.reconcile();
            return installed;
        } finally {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            } catch (IOException ignored) {
                // a spooled upload left behind only takes space; the uploads directory holds nothing else
            }
        }
    }

    /**
     * Enables and starts; refused when the plugin's territory names an area not in force or a category the registry
     * does not have, or overlaps an enabled plugin's.
     */
    public InstalledPlugin enable(Actor actor, String address, String id) {
        return change(actor, address, id, "PLUGIN_ENABLED_BY_ADMIN", (tx, plugin) -> {
            String unknown = unknownCodes(plugin);
            if (!unknown.isEmpty()) {
                throw ApiException.of(422, "PLUGIN_TERRITORY_UNKNOWN", id, unknown);
            }
            for (InstalledPlugin other : plugins.all(tx)) {
                if (other.enabled() && !other.id().equals(id)) {
                    overlap(plugin, other).ifPresent(where -> {
                        throw ApiException.conflict("PLUGIN_TERRITORY_OVERLAP", id, other.id(), where);
                    });
                }
            }
            return new State(true, true);
        });
    }

    public InstalledPlugin disable(Actor actor, String address, String id) {
        return change(actor, address, id, "PLUGIN_DISABLED", (tx, plugin) -> new State(false, false));
    }

    public InstalledPlugin start(Actor actor, String address, String id) {
        return change(actor, address, id, "PLUGIN_STARTED", (tx, plugin) -> {
            if (!plugin.enabled()) {
                throw ApiException.conflict("PLUGIN_NOT_ENABLED", id);
            }
            return new State(true, true);
        });
    }

    public InstalledPlugin stop(Actor actor, String address, String id) {
        return change(actor, address, id, "PLUGIN_STOPPED", (tx, plugin) -> new State(plugin.enabled(), false));
    }

    public void delete(Actor actor, String address, String id) {
        transactions.inTransaction(tx -> {
            plugins.lockAdministration(tx);
            InstalledPlugin plugin = plugins.byId(tx, id).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "plugin"));
            if (plugin.enabled()) {
                throw ApiException.conflict("PLUGIN_ENABLED", id);
            }
            plugins.delete(tx, id);
            audit.append(tx, AuditRecord.of(actor, address, "PLUGIN_DELETED", "plugin", id, Outcome.SUCCESS,
                    Map.of("version", plugin.version(), "sha256", plugin.sha256())));
            return null;
        });
        host.reconcile();
    }

    private record State(boolean enabled, boolean started) {
    }

    /** The state a change asks for, after its checks; asking for the state the plugin is in changes nothing. */
    private interface Change {
        State target(DbExecute tx, InstalledPlugin plugin);
    }

    private InstalledPlugin change(Actor actor, String address, String id, String action, Change change) {
        InstalledPlugin changed = transactions.inTransaction(tx -> {
            plugins.lockAdministration(tx);
            InstalledPlugin plugin = plugins.byId(tx, id).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "plugin"));
            State target = change.target(tx, plugin);
            if (target.enabled() == plugin.enabled() && target.started() == plugin.started()) {
                return plugin; // nothing to do, to announce or to audit (and a running plugin is not reloaded)
            }
            plugins.setState(tx, id, target.enabled(), target.started(), actor.username());
            InstalledPlugin after = plugins.byId(tx, id).orElseThrow();
            Map<String, String> detail = new TreeMap<>();
            detail.put("version", plugin.version());
            detail.put("enabled", plugin.enabled() + " → " + after.enabled());
            detail.put("started", plugin.started() + " → " + after.started());
            audit.append(tx, AuditRecord.of(actor, address, action, "plugin", id, Outcome.SUCCESS, detail));
            return after;
        });
        host.reconcile();
        return changed;
    }

    /** Where the two plugins' declared territories meet, if they do: the extension point and what they share. */
    static Optional<String> overlap(InstalledPlugin a, InstalledPlugin b) {
        for (DeclaredExtension x : a.extensions()) {
            for (DeclaredExtension y : b.extensions()) {
                if (!x.point().equals(y.point())) {
                    continue;
                }
                if (x.point().equals(DeclaredExtension.RECEIVING_RULE) && territory(x).overlaps(territory(y))) {
                    return Optional.of(x.point() + ": residence " + shared(x.residenceAreas(), y.residenceAreas())
                            + ", enterprises " + shared(x.categories(), y.categories()));
                }
                if (x.point().equals(DeclaredExtension.SERVICE_OFFERING_PROVIDER)
                        && !Collections.disjoint(x.receivingAreas(), y.receivingAreas())) {
                    return Optional.of(x.point() + ": areas " + shared(x.receivingAreas(), y.receivingAreas()));
                }
            }
        }
        return Optional.empty();
    }

    /** The codes of the plugin's declared territories the registry does not know, or "" when it knows them all. */
    private String unknownCodes(InstalledPlugin plugin) {
        Set<String> areas = new TreeSet<>();
        Set<String> categories = new TreeSet<>();
        for (DeclaredExtension d : plugin.extensions()) {
            for (List<String> codes : List.of(d.residenceAreas(), d.receivingAreas())) {
                codes.stream().filter(code -> !known.areaInForce(AreaCode.of(code))).forEach(areas::add);
            }
            d.categories().stream().filter(name -> !known.enterpriseCategory(name)).forEach(categories::add);
        }
        List<String> parts = new ArrayList<>();
        if (!areas.isEmpty()) {
            parts.add("areas " + String.join(", ", areas));
        }
        if (!categories.isEmpty()) {
            parts.add("enterprise categories " + String.join(", ", categories));
        }
        return String.join("; ", parts);
    }

    /** What two restrictions have in common, an empty one meaning "any". */
    private static String shared(List<String> a, List<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return "any";
        }
        List<String> common = a.isEmpty() ? b : b.isEmpty() ? a : a.stream().filter(b::contains).toList();
        return String.join(", ", common);
    }

    private static Territory territory(DeclaredExtension d) {
        return Territory.of(areas(d.residenceAreas()), Set.copyOf(d.categories()), areas(d.receivingAreas()));
    }

    private static Set<AreaCode> areas(List<String> codes) {
        return codes.stream().map(AreaCode::of).collect(Collectors.toSet());
    }

    private Path spool(byte[] jar) {
        try {
            Files.createDirectories(uploads);
            // named plainly: the verifier's messages name the file, and the administrator uploaded "the jar"
            Path file = Files.createTempDirectory(uploads, "upload-").resolve("plugin.jar");
            Files.write(file, jar);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
