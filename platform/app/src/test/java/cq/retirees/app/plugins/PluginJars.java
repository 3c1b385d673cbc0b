package cq.retirees.app.plugins;

import cq.retirees.app.testing.Api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four plugins as the build made them, and plugin jars made on the spot from test classes. */
final class PluginJars {

    static final String COMPATIBLE = ">=1.0.0 & <2.0.0";

    private PluginJars() {
    }

    /** The jar the reactor built for {@code id} (plugins build before the app). */
    static byte[] built(String id) {
        Path jar = Path.of(System.getProperty("plugins.build-directory", "../../plugins"), id, "target",
                id + "-" + System.getProperty("plugins.version", "0.1.0-SNAPSHOT") + ".jar");
        assertTrue(Files.exists(jar), () -> jar + " is missing: build the plugins first (./platform.sh build)");
        try {
            return Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plugin jar with a complete manifest, whose extensions are {@code extensions} (top-level test classes). */
    static byte[] made(String id, String requires, Class<?>... extensions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Provider", "test");
        main.putValue("Plugin-Requires", requires);
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            StringBuilder index = new StringBuilder();
            for (Class<?> extension : extensions) {
                index.append(extension.getName()).append('\n');
                String path = extension.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(path));
                try (InputStream in = extension.getClassLoader().getResourceAsStream(path)) {
                    jar.write(in.readAllBytes());
                }
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            jar.write(index.toString().getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Api.Response upload(Api api, byte[] jar) {
        return api.send("POST", "/api/v1/admin/plugins", "application/java-archive", jar);
    }

    static Api.Response act(Api api, String id, String action) {
        return api.post("/api/v1/admin/plugins/" + id + "/" + action, Map.of());
    }
}
