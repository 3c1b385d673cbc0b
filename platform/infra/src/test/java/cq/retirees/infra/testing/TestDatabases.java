package cq.retirees.infra.testing;

import cq.retirees.infra.db.EmbeddedPostgresServer;
import cq.retirees.infra.files.Directories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM, started on first use, stopped and deleted when the JVM ends; each caller (a test
 * class) gets a database of its own, so classes never see each other's rows.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgresServer server;

    private TestDatabases() {
    }

    /** A new, empty database for {@code owner}; returns its JDBC URL (user {@code postgres}, no password). */
    public static synchronized String newDatabase(Class<?> owner) {
        String name = (owner.getSimpleName().replaceAll("[^A-Za-z0-9]", "_") + "_" + COUNTER.incrementAndGet())
                .toLowerCase(Locale.ROOT);
        if (name.length() > 60) {
            name = name.substring(name.length() - 60).replaceFirst("^[^a-z]+", "t");
        }
        server().createDatabase(name);
        return server().jdbcUrl(name);
    }

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("retirees-test-pg");
                server = EmbeddedPostgresServer.start(dir.resolve("data"), 0,
                        EmbeddedPostgresServer.Durability.THROWAWAY);
                EmbeddedPostgresServer started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    Directories.deleteQuietly(dir); // each test JVM would leave ~500 MB behind
                }, "test-postgres-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }
}
