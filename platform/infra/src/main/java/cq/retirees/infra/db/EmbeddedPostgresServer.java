package cq.retirees.infra.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server the platform runs when no external database is configured. Its data directory lives under
 * the platform's data directory and survives restarts. A JVM killed with {@code kill -9} leaves its postmaster
 * running; the next start finds it through {@code postmaster.pid} and shuts it down cleanly (a smart shutdown
 * finishes at once because its clients died with the JVM) before starting a fresh one on the same data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedPostgresServer.class.getName());
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Whether a committed transaction must survive a machine crash; only throw-away test databases say no. */
    public enum Durability { DURABLE, THROWAWAY }

    /**
     * Starts (or restarts after a crash) the server on {@code dataDirectory}; {@code port} 0 picks a free one.
     * zonky's launcher is tuned for tests (fsync and synchronous commit off); a durable server turns both back on.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, Durability durability) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedPostmaster(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("listen_addresses", "localhost");
            if (durability == Durability.DURABLE) {
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        // roster imports write hundreds of MB of WAL: fewer forced checkpoints, fewer full-page images
                        .setServerConfig("max_wal_size", "4GB");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgresServer(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on " + dataDirectory, e);
        }
    }

    /** JDBC URL of {@code database}, creating the database on first use. */
    public String jdbcUrl(String database) {
        ensureDatabase(database);
        return postgres.getJdbcUrl("postgres", database);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int port() {
        return postgres.getPort();
    }

    public void createDatabase(String database) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + requireSafeName(database) + "\" TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    private void ensureDatabase(String database) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (var rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up database " + database, e);
        }
        createDatabase(database);
    }

    private static String requireSafeName(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names are lower-case letters, digits and _: " + database);
        }
        return database;
    }

    static Optional<Long> postmasterPid(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> orphan = postmasterPid(dataDirectory)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresServer::isPostgres);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        LOG.log(Level.WARNING, "Found a PostgreSQL server left running on {0} (pid {1}) by an earlier run; stopping it",
                dataDirectory, postmaster.pid());
        postmaster.destroy(); // SIGTERM: smart shutdown, with a checkpoint; nothing committed is lost
        try {
            postmaster.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the PostgreSQL server left running by an earlier run (pid "
                    + postmaster.pid() + ") did not stop within " + ORPHAN_STOP_WAIT.toSeconds()
                    + " s; stop it by hand, then start again", e);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // A recycled pid may belong to anything: only a postgres process is ours to stop.
        return process.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("/postmaster")).orElse(false);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
