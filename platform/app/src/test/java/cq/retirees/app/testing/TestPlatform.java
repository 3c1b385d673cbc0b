package cq.retirees.app.testing;

import cq.retirees.app.Platform;
import cq.retirees.infra.config.PlatformConfig;
import cq.retirees.infra.testing.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A whole platform for one test class: its own database on the JVM's embedded PostgreSQL, a free port, and a
 * known password for the first admin.
 */
public final class TestPlatform implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final Platform platform;
    private final String jdbcUrl;

    private TestPlatform(Platform platform, String jdbcUrl) {
        this.platform = platform;
        this.jdbcUrl = jdbcUrl;
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
        try {
            overrides.put("platform.data-dir", Files.createTempDirectory("retirees-test-data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        overrides.putAll(settings);
        return new TestPlatform(Platform.start(PlatformConfig.load(Map.of(), overrides)), url);
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

    @Override
    public void close() {
        platform.close();
    }
}
