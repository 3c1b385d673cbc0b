package cq.retirees.infra.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch directories: the platform's own (plugin inspection) and those of tests and benchmarks. */
public final class Directories {

    private Directories() {
    }

    /**
     * Deletes {@code root} and everything under it, as far as it can: a scratch directory left behind is harmless,
     * so a file that cannot be deleted (or vanishes meanwhile) does not stop the rest.
     */
    public static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Directories::deleteOne);
        } catch (IOException | UncheckedIOException ignored) {
            // what is left stays; see above
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (NoSuchFileException ignored) {
            // gone already
        } catch (IOException ignored) {
            // left behind; see deleteQuietly
        }
    }
}
