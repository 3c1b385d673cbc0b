package cq.retirees.app.testing;

import cq.retirees.app.Platform;
import cq.retirees.infra.config.PlatformConfig;
import cq.retirees.infra.files.Directories;
import cq.retirees.infra.testing.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole platform for one test class: its own database on the JVM's embedded PostgreSQL, a free port, and a
 * known password for the first admin.
 */
public final class TestPlatform implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final Platform platform;
    private final String jdbcUrl;
    private final Map<String, String> overrides;
    /** The data directory this instance made and deletes when it closes; null for an instance alongside. */
    private final Path scratch;

    private TestPlatform(Platform platform, String jdbcUrl, Map<String, String> overrides, Path scratch) {
        this.platform = platform;
        this.jdbcUrl = jdbcUrl;
        this.overrides = Map.copyOf(overrides);
        this.scratch = scratch;
    }

    public static TestPlatform start(Class<?> owner) {
        return start(owner, Map.of());
    }

    public static TestPlatform start(Class<?> owner, Map<String, String> settings) {
        String url = TestDatabases.newDatabase(owner);
        Map<String, String> overrides = new HashMap<>();
        overrides.put("db.url", url);
        overrides.put("server.port", "0");
        overrides.put("server.host", "127.0.0.1");
        overrides.put("platform.admin-password", ADMIN_PASSWORD);
        // tests compute "today" with the JVM's zone; the server must agree whatever the hour
        overrides.put("platform.time-zone", java.time.ZoneId.systemDefault().getId());
        Path scratch;
        try {
            scratch = Files.createTempDirectory("retirees-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        overrides.put("platform.data-dir", scratch.toString());
        overrides.putAll(settings);
        return new TestPlatform(Platform.start(PlatformConfig.load(Map.of(), overrides)), url, overrides, scratch);
    }

    /**
     * A second server instance on the same database and data directory (so the same data key), as a load
     * balancer would run it; close it before this one.
     */
    public TestPlatform alongside() {
        return new TestPlatform(Platform.start(PlatformConfig.load(Map.of(), overrides)), jdbcUrl, overrides, null);
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + platform.port());
    }

    /** A client logged in as the first platform admin. */
    public Api admin() {
        return api().login("admin", ADMIN_PASSWORD);
    }

    public Platform platform() {
        return platform;
    }

    /** A direct connection as the database superuser: for checks and tampering no API allows. */
    public Connection sql() {
        try {
            return DriverManager.getConnection(jdbcUrl, "postgres", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of a query (a count, a version…), parameters bound in order. */
    public long count(String sql, Object... args) {
        return query(sql, args, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** The first column of every row, as text. */
    public List<String> strings(String sql, Object... args) {
        return query(sql, args, rs -> {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        });
    }

    /** Runs a change as the database superuser; returns the rows it touched. */
    public int update(String sql, Object... args) {
        try (Connection c = sql(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private interface Rows<T> {
        T read(java.sql.ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Object[] args, Rows<T> rows) {
        try (Connection c = sql(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void bind(java.sql.PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    @Override
    public void close() {
        platform.close();
        if (scratch != null) {
            Directories.deleteQuietly(scratch);
        }
    }
}
