package cq.retirees.infra.plugins.verify;

import cq.retirees.infra.plugins.verify.PluginRefusedException.Problem;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a plugin jar may be installed, before any of its code is loaded: the manifest is complete and
 * asks for this platform's SPI, the extensions it declares are in it, it carries no jars of its own, and its classes
 * refer only to what a pure rule needs ({@link ReferencePolicy}). Every problem is collected before refusing, so
 * the district sees them all at once.
 *
 * <p>Static checking is the whole defence here (the JVM has no security manager any more), which is why the
 * allow-list is narrow and the verifier refuses rather than guesses.
 */
public final class PluginVerifier {

    private final ManifestCheck manifestCheck;

    /**
     * @param spiVersion the platform's SPI version, e.g. {@code cq.retirees.spi.SpiVersion.CURRENT}
     * @throws IllegalArgumentException if it is not a semantic version
     */
    public PluginVerifier(String spiVersion) {
        this.manifestCheck = new ManifestCheck(spiVersion);
    }

    /**
     * @return what the jar declares, if it passes every check
     * @throws PluginRefusedException listing every problem found
     */
    public VerifiedPlugin verify(Path jar) throws PluginRefusedException {
        PluginJar contents;
        try {
            contents = PluginJar.read(jar);
        } catch (PluginJar.UnreadableJarException e) {
            throw new PluginRefusedException(List.of(new Problem(Problem.JAR_UNREADABLE,
                    String.valueOf(jar.getFileName()), e.getMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, String> manifest = manifestCheck.check(contents.manifest(), problems);
        List<String> extensions = extensions(contents, problems);
        Map<String, String> settings = settings(contents, problems);
        for (String nested : contents.nestedJars()) {
            problems.add(new Problem(Problem.NESTED_JAR, nested, "a jar inside the plugin jar could be loaded later"));
        }
        BytecodeCheck.check(contents.classes(), problems);
        if (!problems.isEmpty()) {
            throw new PluginRefusedException(problems);
        }
        return new VerifiedPlugin(manifest.get(ManifestCheck.PLUGIN_ID), manifest.get(ManifestCheck.PLUGIN_VERSION),
                manifest.get(ManifestCheck.PLUGIN_PROVIDER), manifest.get(ManifestCheck.PLUGIN_REQUIRES),
                manifest.get(ManifestCheck.PLUGIN_DESCRIPTION), extensions, settings);
    }

    /** The classes {@code META-INF/extensions.idx} lists (as PF4J reads it: one per line, '#' starts a comment). */
    private static List<String> extensions(PluginJar contents, List<Problem> problems) {
        if (contents.extensionIndex().isEmpty()) {
            problems.add(new Problem(Problem.NO_EXTENSIONS, PluginJar.EXTENSION_INDEX, "missing"));
            return List.of();
        }
        String text;
        try {
            text = utf8(contents.extensionIndex().get());
        } catch (CharacterCodingException e) {
            problems.add(new Problem(Problem.JAR_UNREADABLE, PluginJar.EXTENSION_INDEX, "not UTF-8"));
            return List.of();
        }
        List<String> listed = text.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).distinct().toList();
        if (listed.isEmpty()) {
            problems.add(new Problem(Problem.NO_EXTENSIONS, PluginJar.EXTENSION_INDEX, "lists no extension"));
        }
        // The name a class loader looks a listed class up by is its path at the jar root.
        Set<String> inJar = contents.classes().stream()
                .filter(c -> c.entryName().equals(c.expectedClassName() + ".class"))
                .map(c -> c.expectedClassName().replace('/', '.')).collect(Collectors.toSet());
        for (String each : listed) {
            if (!inJar.contains(each)) {
                problems.add(new Problem(Problem.EXTENSION_CLASS_MISSING, each,
                        "listed in " + PluginJar.EXTENSION_INDEX + " but not in the jar"));
            }
        }
        return listed;
    }

    /** {@code plugin-settings.properties}, the plugin's sample settings; a broken file is a broken jar. */
    private static Map<String, String> settings(PluginJar contents, List<Problem> problems) {
        if (contents.settings().isEmpty()) {
            return Map.of();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(utf8(contents.settings().get())));
        } catch (IOException | IllegalArgumentException e) { // not UTF-8, or a malformed \\u escape
            problems.add(new Problem(Problem.JAR_UNREADABLE, PluginJar.SETTINGS,
                    e instanceof CharacterCodingException ? "not UTF-8" : e.getMessage()));
            return Map.of();
        }
        Map<String, String> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        return settings;
    }

    /**
     * Strict UTF-8: a settings file saved in GBK would otherwise load as mojibake without anyone noticing. A byte
     * order mark (which Windows editors add) is dropped, or it would become part of the first key.
     */
    private static String utf8(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
