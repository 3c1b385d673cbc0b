package cq.retirees.infra.plugins.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The parts of a plugin jar the verifier looks at, read once into memory: the manifest, the extension index, the
 * settings, every class file, and the names of entries that are archives themselves. Read through {@link JarFile}
 * (the central directory), which is what PF4J's class loader reads too.
 *
 * @param classes      every {@code .class} entry except {@code module-info} (a plugin runs on the class path,
 *                     where that is ignored), including multi-release ones under {@code META-INF/versions/}
 * @param nestedJars   entries that are archives, by name or by content
 */
record PluginJar(Optional<Manifest> manifest, Optional<byte[]> extensionIndex, Optional<byte[]> settings,
                 List<ClassEntry> classes, List<String> nestedJars) {

    static final String EXTENSION_INDEX = "META-INF/extensions.idx";
    static final String SETTINGS = "plugin-settings.properties";

    /** A class file is a few KB; this only stops a crafted entry from inflating into gigabytes in memory. */
    private static final int MAX_ENTRY_BYTES = 16 * 1024 * 1024;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final List<String> ARCHIVE_SUFFIXES = List.of(".jar", ".zip", ".war", ".ear");
    private static final String VERSIONED = "META-INF/versions/";

    /** A class file and the class name its path promises (what a class loader would look it up by). */
    record ClassEntry(String entryName, String expectedClassName, byte[] bytes) {
    }

    /** Thrown when the file is not a readable jar at all: nothing else can be checked then. */
    static final class UnreadableJarException extends Exception {

        private static final long serialVersionUID = 1L;

        UnreadableJarException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static PluginJar read(Path path) throws UnreadableJarException {
        try (JarFile jar = new JarFile(path.toFile(), false)) {
            List<ClassEntry> classes = new ArrayList<>();
            List<String> nestedJars = new ArrayList<>();
            byte[] index = null;
            byte[] settings = null;
            Set<String> names = new HashSet<>();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!names.add(name)) {
                    // Which copy a class loader would pick is not ours to guess: refuse the jar.
                    throw new UnreadableJarException("duplicate entry " + name, null);
                }
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes = content(jar, entry);
                if (isArchive(name, bytes)) {
                    nestedJars.add(name);
                } else if (name.equals(EXTENSION_INDEX)) {
                    index = bytes;
                } else if (name.equals(SETTINGS)) {
                    settings = bytes;
                } else if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                    classes.add(new ClassEntry(name, expectedClassName(name), bytes));
                }
            }
            return new PluginJar(Optional.ofNullable(jar.getManifest()), Optional.ofNullable(index),
                    Optional.ofNullable(settings), classes, nestedJars);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableJarException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    e);
        }
    }

    private static byte[] content(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
            if (bytes.length > MAX_ENTRY_BYTES) {
                throw new IOException("entry " + entry.getName() + " is larger than " + MAX_ENTRY_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private static boolean isArchive(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ARCHIVE_SUFFIXES.stream().anyMatch(lower::endsWith)) {
            return true;
        }
        if (bytes.length < ZIP_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < ZIP_MAGIC.length; i++) {
            if (bytes[i] != ZIP_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code a/b/C.class} → {@code a/b/C}; a multi-release copy is looked up under the same name. */
    private static String expectedClassName(String entryName) {
        String name = entryName.substring(0, entryName.length() - ".class".length());
        if (name.startsWith(VERSIONED)) {
            int slash = name.indexOf('/', VERSIONED.length());
            name = slash < 0 ? name : name.substring(slash + 1);
        }
        return name;
    }
}
