package cq.retirees.infra.plugins.verify;

import cq.retirees.infra.plugins.verify.PluginRefusedException.Problem;
import cq.retirees.infra.plugins.verify.fixtures.ClassLoaderRule;
import cq.retirees.infra.plugins.verify.fixtures.ConcurrentRule;
import cq.retirees.infra.plugins.verify.fixtures.EnvReadingRule;
import cq.retirees.infra.plugins.verify.fixtures.ExitingRule;
import cq.retirees.infra.plugins.verify.fixtures.FileOpeningRule;
import cq.retirees.infra.plugins.verify.fixtures.GoodRule;
import cq.retirees.infra.plugins.verify.fixtures.MethodRefExitRule;
import cq.retirees.infra.plugins.verify.fixtures.NetworkRule;
import cq.retirees.infra.plugins.verify.fixtures.ReflectiveRule;
import cq.retirees.infra.plugins.verify.fixtures.ThreadStartingRule;
import cq.retirees.spi.SpiVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginVerifierTest {

    private final PluginVerifier verifier = new PluginVerifier("1.0.0");

    @TempDir
    Path dir;

    @Test
    void aWellBehavedPluginPassesAndItsDeclarationsAreReturned() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").attribute("Plugin-Description", "渝中区接收规则")
                .extensions(GoodRule.class)
                .text(PluginJar.SETTINGS, "\uFEFF# 渝中\nstreets = 解放碑街道，七星岗街道\nthreshold=3\n")
                .write(dir);

        VerifiedPlugin plugin = verifier.verify(jar);

        assertEquals("yuzhong-rule", plugin.id());
        assertEquals("1.0.0", plugin.version());
        assertEquals("Yuzhong District HR Bureau", plugin.provider());
        assertEquals(">=1.0.0 & <2.0.0", plugin.requires());
        assertEquals("渝中区接收规则", plugin.description());
        assertEquals(List.of(GoodRule.class.getName()), plugin.extensionClasses());
        assertEquals(Map.of("streets", "解放碑街道，七星岗街道", "threshold", "3"), plugin.settings());
    }

    @Test
    void withoutSettingsOrDescriptionThoseAreEmpty() throws IOException {
        VerifiedPlugin plugin = verifier.verify(FixtureJar.plugin("yuzhong-rule").extensions(GoodRule.class)
                .write(dir));

        assertEquals(Map.of(), plugin.settings());
        assertNull(plugin.description());
    }

    @Test
    void thePlatformsOwnSpiVersionIsAcceptedAsTheVerifiersVersion() throws IOException {
        assertEquals("yuzhong-rule", new PluginVerifier(SpiVersion.CURRENT)
                .verify(FixtureJar.plugin("yuzhong-rule").extensions(GoodRule.class).write(dir)).id());
    }

    static Stream<Arguments> forbiddenFixtures() {
        return Stream.of(
                Arguments.of(FileOpeningRule.class, "java.io.FileInputStream"),
                Arguments.of(ReflectiveRule.class, "java.lang.Class.forName"),
                Arguments.of(ReflectiveRule.class, "java.lang.Class.getDeclaredMethods"),
                Arguments.of(ReflectiveRule.class, "java.lang.reflect.Method"),
                Arguments.of(ClassLoaderRule.class, "java.lang.Class.getClassLoader"),
                Arguments.of(ClassLoaderRule.class, "java.lang.ClassLoader"),
                Arguments.of(ThreadStartingRule.class, "java.lang.Thread"),
                Arguments.of(ExitingRule.class, "java.lang.System.exit"),
                Arguments.of(MethodRefExitRule.class, "java.lang.System.exit"),
                Arguments.of(EnvReadingRule.class, "java.lang.System.getenv"),
                Arguments.of(ConcurrentRule.class, "java.util.concurrent.ConcurrentHashMap"),
                Arguments.of(NetworkRule.class, "java.net.Socket"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("forbiddenFixtures")
    void aForbiddenReferenceIsRefusedNamingTheClassAndTheReference(Class<?> rule, String reference)
            throws IOException {
        Path jar = FixtureJar.plugin("bad-rule").extensions(rule).write(dir);

        List<Problem> problems = refused(jar);

        assertTrue(problems.contains(new Problem(Problem.FORBIDDEN_REFERENCE, rule.getName(), reference)),
                () -> "expected " + reference + " in " + problems);
        assertEquals(Set.of(Problem.FORBIDDEN_REFERENCE), codes(problems));
    }

    @Test
    void missingManifestAttributesAreEachNamed() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").without("Plugin-Provider").without("Plugin-Requires")
                .attribute("Plugin-Version", "  ").extensions(GoodRule.class).write(dir);

        assertEquals(List.of(new Problem(Problem.MANIFEST_INCOMPLETE, "Plugin-Version", "missing from META-INF/MANIFEST.MF"),
                        new Problem(Problem.MANIFEST_INCOMPLETE, "Plugin-Provider", "missing from META-INF/MANIFEST.MF"),
                        new Problem(Problem.MANIFEST_INCOMPLETE, "Plugin-Requires", "missing from META-INF/MANIFEST.MF")),
                refused(jar));
    }

    @Test
    void aJarWithoutAManifestMissesAllFourAttributes() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").noManifest().extensions(GoodRule.class).write(dir);

        assertEquals(List.of("Plugin-Id", "Plugin-Version", "Plugin-Provider", "Plugin-Requires"),
                refused(jar).stream().filter(p -> p.code().equals(Problem.MANIFEST_INCOMPLETE)).map(Problem::subject)
                        .toList());
    }

    @Test
    void aPluginRequiringAnotherSpiMajorVersionIsRefused() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").attribute("Plugin-Requires", ">=2.0.0")
                .extensions(GoodRule.class).write(dir);

        assertEquals(List.of(new Problem(Problem.SPI_VERSION_INCOMPATIBLE, ">=2.0.0", "1.0.0")), refused(jar));
    }

    @Test
    void aCompatibleRangeIsAccepted() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").attribute("Plugin-Requires", ">=1.0.0 & <2.0.0")
                .extensions(GoodRule.class).write(dir);

        assertEquals(">=1.0.0 & <2.0.0", verifier.verify(jar).requires());
    }

    @Test
    void anUnparsableRequirementIsIncompatible() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").attribute("Plugin-Requires", "whatever works")
                .extensions(GoodRule.class).write(dir);

        assertEquals(List.of(new Problem(Problem.SPI_VERSION_INCOMPATIBLE, "whatever works", "1.0.0")),
                refused(jar));
    }

    @Test
    void anInvalidIdOrVersionIsRefused() throws IOException {
        Path jar = FixtureJar.plugin("Yuzhong_Rule").attribute("Plugin-Version", "1.0")
                .extensions(GoodRule.class).write(dir);

        assertEquals(List.of(Problem.PLUGIN_ID_INVALID, Problem.PLUGIN_VERSION_INVALID),
                refused(jar).stream().map(Problem::code).toList());
    }

    @Test
    void aJarWithoutAnExtensionIndexHasNoExtensions() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").withClass(GoodRule.class).write(dir);

        assertEquals(List.of(new Problem(Problem.NO_EXTENSIONS, "META-INF/extensions.idx", "missing")), refused(jar));
    }

    @Test
    void anIndexOfOnlyCommentsHasNoExtensions() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").index().withClass(GoodRule.class).write(dir);

        assertEquals(List.of(new Problem(Problem.NO_EXTENSIONS, "META-INF/extensions.idx", "lists no extension")),
                refused(jar));
    }

    @Test
    void aListedExtensionMissingFromTheJarIsNamed() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").index(GoodRule.class.getName(), "com.example.Missing")
                .withClass(GoodRule.class).write(dir);

        assertEquals(List.of(new Problem(Problem.EXTENSION_CLASS_MISSING, "com.example.Missing",
                "listed in META-INF/extensions.idx but not in the jar")), refused(jar));
    }

    @Test
    void aFileThatIsNotAJarIsUnreadable() throws IOException {
        Path notAJar = Files.writeString(dir.resolve("plugin.jar"), "not a zip at all");

        List<Problem> problems = refused(notAJar);

        assertEquals(1, problems.size());
        assertEquals(Problem.JAR_UNREADABLE, problems.getFirst().code());
        assertEquals("plugin.jar", problems.getFirst().subject());
    }

    @Test
    void aMissingFileIsUnreadable() {
        assertEquals(Set.of(Problem.JAR_UNREADABLE), codes(refused(dir.resolve("absent.jar"))));
    }

    @Test
    void aJarInsideTheJarIsRefusedWhateverItsName() throws IOException {
        byte[] inner = FixtureJar.tinyJar(List.of("Helper.class"));
        Path jar = FixtureJar.plugin("yuzhong-rule").extensions(GoodRule.class)
                .entry("lib/helper.jar", inner).entry("data/table.bin", inner).write(dir);

        assertEquals(List.of(new Problem(Problem.NESTED_JAR, "lib/helper.jar",
                        "a jar inside the plugin jar could be loaded later"),
                new Problem(Problem.NESTED_JAR, "data/table.bin", "a jar inside the plugin jar could be loaded later")),
                refused(jar));
    }

    @Test
    void aClassFileThatIsNotOneIsUnreadable() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").extensions(GoodRule.class)
                .entry("com/example/Broken.class", new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1}).write(dir);

        assertEquals(List.of(Problem.CLASS_UNREADABLE), refused(jar).stream().map(Problem::code).toList());
    }

    @Test
    void aClassStoredUnderAnotherNameIsNotTakenAsTheJarsOwn() throws IOException {
        // Stored as com/example/Helper.class, it claims to be a host class; a loader would never define it, and
        // a reference to that name would reach the real host class.
        Path jar = FixtureJar.plugin("yuzhong-rule").extensions(GoodRule.class)
                .entry("com/example/Helper.class", GeneratedClasses.plain("org/postgresql/Driver", "java/lang/Object"))
                .entry("com/example/Caller.class", GeneratedClasses.callingStatic("com/example/Caller",
                        "org/postgresql/Driver", "isRegistered", "()Z"))
                .write(dir);

        assertEquals(List.of(
                        new Problem(Problem.CLASS_UNREADABLE, "com/example/Helper.class",
                                "declares class org.postgresql.Driver"),
                        new Problem(Problem.FORBIDDEN_REFERENCE, "com.example.Caller", "org.postgresql.Driver")),
                refused(jar));
    }

    @Test
    void aClassInAReservedPackageIsRefused() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").extensions(GoodRule.class)
                .entry("org/pf4j/PluginHelper.class", GeneratedClasses.plain("org/pf4j/PluginHelper", "java/lang/Object"))
                .write(dir);

        assertEquals(List.of(new Problem(Problem.FORBIDDEN_REFERENCE, "org.pf4j.PluginHelper",
                "defines a class in reserved package org.pf4j")), refused(jar));
    }

    @Test
    void aNativeMethodIsRefused() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").extensions(GoodRule.class)
                .entry("com/example/Peek.class", GeneratedClasses.withNativeMethod("com/example/Peek")).write(dir);

        assertEquals(List.of(new Problem(Problem.FORBIDDEN_REFERENCE, "com.example.Peek", "native method peek")),
                refused(jar));
    }

    @Test
    void aMultiReleaseClassIsRefused() throws IOException {
        // A class loader on Java 21 would load this copy instead of the one at the root.
        String goodRule = GoodRule.class.getName().replace('.', '/');
        String entry = "META-INF/versions/21/" + goodRule + ".class";
        Path jar = FixtureJar.plugin("yuzhong-rule").attribute("Multi-Release", "true")
                .extensions(GoodRule.class)
                .entry(entry, GeneratedClasses.callingStatic(goodRule, "java/lang/System", "getenv",
                        "()Ljava/util/Map;"))
                .write(dir);

        assertEquals(List.of(new Problem(Problem.FORBIDDEN_REFERENCE, entry,
                "multi-release class (a plugin is built for one Java release)")), refused(jar));
    }

    @Test
    void aStubOfAHostClassInAVersionedDirectoryDoesNotPassAsThePluginsOwn() throws IOException {
        // Without a matching JVM version the loader falls back to the host's class of that name.
        Path jar = FixtureJar.plugin("sneaky").index("cq.example.Root")
                .entry("cq/example/Root.class", GeneratedClasses.callingStatic("cq/example/Root",
                        "io/helidon/config/Config", "create", "()Lio/helidon/config/Config;"))
                .entry("META-INF/versions/99/io/helidon/config/Config.class",
                        GeneratedClasses.plain("io/helidon/config/Config", "java/lang/Object"))
                .write(dir);

        List<Problem> problems = refused(jar);
        assertTrue(problems.contains(new Problem(Problem.FORBIDDEN_REFERENCE,
                "META-INF/versions/99/io/helidon/config/Config.class",
                "multi-release class (a plugin is built for one Java release)")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.subject().equals("cq.example.Root")
                && p.detail().startsWith("io.helidon.config.Config")), problems::toString);
    }

    @Test
    void aFinalizerIsRefused() throws IOException {
        Path jar = FixtureJar.plugin("finalizing").index("cq.example.Finalizing")
                .entry("cq/example/Finalizing.class", GeneratedClasses.withFinalizer("cq/example/Finalizing"))
                .write(dir);

        assertEquals(List.of(new Problem(Problem.FORBIDDEN_REFERENCE, "cq.example.Finalizing",
                "finalize() override (runs on the JVM's finalizer thread)")), refused(jar));
    }

    @Test
    void everyProblemIsReportedTogether() throws IOException {
        Path jar = FixtureJar.plugin("Bad Id").attribute("Plugin-Requires", ">=2.0.0").without("Plugin-Provider")
                .index(GoodRule.class.getName(), ExitingRule.class.getName(), "com.example.Missing")
                .withClass(GoodRule.class).withClass(ExitingRule.class).withClass(FileOpeningRule.class)
                .entry("lib/extra.jar", FixtureJar.tinyJar(List.of("x.txt")))
                .write(dir);

        PluginRefusedException refusal = assertThrows(PluginRefusedException.class, () -> verifier.verify(jar));

        assertEquals(List.of(Problem.MANIFEST_INCOMPLETE, Problem.PLUGIN_ID_INVALID,
                        Problem.SPI_VERSION_INCOMPATIBLE, Problem.EXTENSION_CLASS_MISSING, Problem.NESTED_JAR,
                        Problem.FORBIDDEN_REFERENCE, Problem.FORBIDDEN_REFERENCE),
                refusal.problems().stream().map(Problem::code).toList());
        assertTrue(refusal.getMessage().startsWith("plugin jar refused (7 problems):\n"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(
                "FORBIDDEN_REFERENCE " + ExitingRule.class.getName() + " java.lang.System.exit"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(
                "FORBIDDEN_REFERENCE " + FileOpeningRule.class.getName() + " java.io.FileInputStream"),
                refusal.getMessage());
        assertTrue(refusal.getMessage().contains("SPI_VERSION_INCOMPATIBLE >=2.0.0 1.0.0"), refusal.getMessage());
    }

    @Test
    void settingsThatAreNotUtf8AreRefused() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").extensions(GoodRule.class)
                .entry(PluginJar.SETTINGS, "streets=解放碑".getBytes(java.nio.charset.Charset.forName("GBK")))
                .write(dir);

        assertEquals(List.of(new Problem(Problem.JAR_UNREADABLE, PluginJar.SETTINGS, "not UTF-8")), refused(jar));
    }

    @Test
    void anInvalidSpiVersionIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new PluginVerifier("one"));
    }

    @Test
    void theIndexIsReadAsUtf8Text() throws IOException {
        Path jar = FixtureJar.plugin("yuzhong-rule").withClass(GoodRule.class)
                .entry(PluginJar.EXTENSION_INDEX, ("  " + GoodRule.class.getName() + "  \r\n\r\n# done\r\n")
                        .getBytes(StandardCharsets.UTF_8))
                .write(dir);

        assertEquals(List.of(GoodRule.class.getName()), verifier.verify(jar).extensionClasses());
    }

    private List<Problem> refused(Path jar) {
        return assertThrows(PluginRefusedException.class, () -> verifier.verify(jar)).problems();
    }

    private static Set<String> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).collect(Collectors.toSet());
    }
}
