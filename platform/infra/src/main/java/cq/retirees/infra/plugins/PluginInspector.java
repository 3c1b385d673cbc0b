package cq.retirees.infra.plugins;

import cq.retirees.infra.files.Directories;
import cq.retirees.infra.plugins.verify.PluginRefusedException;
import cq.retirees.infra.plugins.verify.VerifiedPlugin;
import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.Configurable;
import cq.retirees.spi.PluginSettings;
import cq.retirees.spi.receiving.ReceivingRule;
import cq.retirees.spi.receiving.Territory;
import cq.retirees.spi.services.ServiceOfferingProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Asks a verified plugin, loaded on its own and with its settings, which territory each of its extensions governs.
 * The answers are stored with the plugin: overlaps are checked against them, and the host holds the extensions to
 * them at run time. Its calls have their own, more patient time limit and their own failure record: a jar being
 * installed is not the running plugin of the same id, and neither's trouble counts against the other.
 */
final class PluginInspector {

    private final PluginCalls calls;
    private final Path scratch;

    PluginInspector(PluginCalls calls, Path scratch) {
        this.calls = calls;
        this.scratch = scratch;
    }

    List<DeclaredExtension> inspect(Path jar, VerifiedPlugin plugin, PluginSettings settings) {
        Path root = scratchDirectory();
        Pf4jPlugins pf4j = new Pf4jPlugins(root);
        try {
            // Creating the extensions runs plugin code: guarded, and its exceptions are not asked for messages.
            Pf4jPlugins.Extensions extensions = calls.call(plugin.id(), () -> pf4j.load(jar, plugin.id()))
                    .orElseThrow(() -> refused("PLUGIN_DOES_NOT_LOAD", plugin.id(), "failed or did not answer in time"));
            List<DeclaredExtension> declared = new ArrayList<>();
            for (ReceivingRule rule : extensions.receivingRules()) {
                configure(calls, plugin.id(), rule, settings);
                Territory territory = calls.call(plugin.id(), rule::territory)
                        .orElseThrow(() -> refused("EXTENSION_FAILED", rule.getClass().getName(), "territory()"));
                if (territory.citywide()) {
                    throw refused("TERRITORY_CITYWIDE", rule.getClass().getName(),
                            "only the municipal default governs the whole city");
                }
                declared.add(new DeclaredExtension(DeclaredExtension.RECEIVING_RULE, rule.getClass().getName(),
                        codes(territory.residenceAreas()), territory.enterpriseCategories().stream().sorted().toList(),
                        codes(territory.receivingAreas())));
            }
            for (ServiceOfferingProvider provider : extensions.serviceOfferingProviders()) {
                configure(calls, plugin.id(), provider, settings);
                Set<AreaCode> areas = calls.call(plugin.id(), () -> Set.copyOf(provider.areas()))
                        .orElseThrow(() -> refused("EXTENSION_FAILED", provider.getClass().getName(), "areas()"));
                if (areas.isEmpty()) {
                    throw refused("TERRITORY_EMPTY", provider.getClass().getName(), "areas() names no area");
                }
                declared.add(new DeclaredExtension(DeclaredExtension.SERVICE_OFFERING_PROVIDER,
                        provider.getClass().getName(), List.of(), List.of(), codes(areas)));
            }
            if (declared.isEmpty()) {
                throw refused("NO_EXTENSIONS", plugin.id(), "no ReceivingRule or ServiceOfferingProvider");
            }
            return declared;
        } finally {
            pf4j.unloadAll();
            Directories.deleteQuietly(root);
        }
    }

    /** Configures an extension that takes settings, through {@code calls}; a failure refuses the plugin. */
    static void configure(PluginCalls calls, String pluginId, Object extension, PluginSettings settings) {
        if (extension instanceof Configurable configurable) {
            Optional<Boolean> done = calls.call(pluginId, () -> {
                configurable.configure(settings);
                return true;
            });
            if (done.isEmpty()) {
                throw refused("EXTENSION_FAILED", extension.getClass().getName(), "configure(settings)");
            }
        }
    }

    private static List<String> codes(Set<AreaCode> areas) {
        return areas.stream().map(AreaCode::value).sorted().toList();
    }

    private static PluginRefusedException refused(String code, String subject, String detail) {
        return new PluginRefusedException(List.of(new PluginRefusedException.Problem(code, subject, detail)));
    }

    private Path scratchDirectory() {
        try {
            Files.createDirectories(scratch);
            return Files.createTempDirectory(scratch, "inspect-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
