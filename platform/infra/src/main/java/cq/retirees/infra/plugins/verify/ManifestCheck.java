package cq.retirees.infra.plugins.verify;

import cq.retirees.infra.plugins.verify.PluginRefusedException.Problem;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * The manifest's {@code Plugin-*} attributes: present, well-formed, and asking for an SPI this platform has. Uses
 * PF4J's own version manager, so the verifier and the plugin manager that later loads the jar agree on what a
 * version and a constraint mean.
 */
final class ManifestCheck {

    static final String PLUGIN_ID = "Plugin-Id";
    static final String PLUGIN_VERSION = "Plugin-Version";
    static final String PLUGIN_PROVIDER = "Plugin-Provider";
    static final String PLUGIN_REQUIRES = "Plugin-Requires";
    static final String PLUGIN_DESCRIPTION = "Plugin-Description";

    private static final List<String> REQUIRED = List.of(PLUGIN_ID, PLUGIN_VERSION, PLUGIN_PROVIDER, PLUGIN_REQUIRES);

    /** The id names the plugin in URLs, settings keys and the database: lower-case, short, no surprises. */
    private static final Pattern PLUGIN_ID_SHAPE = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    /** Stateless, so one serves every check. */
    private static final VersionManager VERSIONS = new DefaultVersionManager();

    private final String spiVersion;

    /** @throws IllegalArgumentException if {@code spiVersion} is not a semantic version */
    ManifestCheck(String spiVersion) {
        if (!isVersion(spiVersion)) {
            throw new IllegalArgumentException("SPI version is not a semantic version: " + spiVersion);
        }
        this.spiVersion = spiVersion;
    }

    /** The attributes as read (blank ones left out), adding a problem for each one missing or wrong. */
    Map<String, String> check(Optional<Manifest> manifest, List<Problem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        Attributes attributes = manifest.map(Manifest::getMainAttributes).orElseGet(Attributes::new);
        for (String name : List.of(PLUGIN_ID, PLUGIN_VERSION, PLUGIN_PROVIDER, PLUGIN_REQUIRES, PLUGIN_DESCRIPTION)) {
            String value = attributes.getValue(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.strip());
            }
        }
        for (String name : REQUIRED) {
            if (!values.containsKey(name)) {
                problems.add(new Problem(Problem.MANIFEST_INCOMPLETE, name, "missing from META-INF/MANIFEST.MF"));
            }
        }
        String id = values.get(PLUGIN_ID);
        if (id != null && !PLUGIN_ID_SHAPE.matcher(id).matches()) {
            problems.add(new Problem(Problem.PLUGIN_ID_INVALID, id, "must match " + PLUGIN_ID_SHAPE.pattern()));
        }
        String version = values.get(PLUGIN_VERSION);
        if (version != null && !isVersion(version)) {
            problems.add(new Problem(Problem.PLUGIN_VERSION_INVALID, version,
                    "not a semantic version (MAJOR.MINOR.PATCH)"));
        }
        String requires = values.get(PLUGIN_REQUIRES);
        if (requires != null && !satisfies(requires)) {
            problems.add(new Problem(Problem.SPI_VERSION_INCOMPATIBLE, requires, spiVersion));
        }
        return values;
    }

    private static boolean isVersion(String version) {
        try {
            // PF4J exposes no validity check; comparing a version with itself parses it and throws if it can't.
            VERSIONS.compareVersions(version, version);
            return true;
        } catch (RuntimeException notSemver) {
            return false;
        }
    }

    /** An expression PF4J cannot parse can never be satisfied, so it is refused with the same code. */
    private boolean satisfies(String requires) {
        try {
            return VERSIONS.checkVersionConstraint(spiVersion, requires);
        } catch (RuntimeException unparsable) {
            return false;
        }
    }
}
