package cq.retirees.infra.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoriesTest {

    @Test
    void deletesADirectoryWithEverythingUnderIt(@TempDir Path parent) throws Exception {
        Path root = Files.createDirectories(parent.resolve("scratch/a/b"));
        Files.writeString(root.resolve("file.txt"), "x");
        Files.writeString(parent.resolve("scratch/top.txt"), "y");
        Path keep = Files.writeString(parent.resolve("keep.txt"), "z");

        Directories.deleteQuietly(parent.resolve("scratch"));

        assertFalse(Files.exists(parent.resolve("scratch")));
        assertTrue(Files.exists(keep), "only the directory given is deleted");
    }

    @Test
    void aDirectoryThatIsNotThereIsNoError(@TempDir Path parent) {
        assertDoesNotThrow(() -> Directories.deleteQuietly(parent.resolve("never-made")));
    }
}
