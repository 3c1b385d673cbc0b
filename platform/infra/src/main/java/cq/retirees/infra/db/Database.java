package cq.retirees.infra.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import io.micrometer.core.instrument.MeterRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The one connection pool of the process, and the Helidon DB Client built on it. Bulk paths use
 * {@link #dataSource()} directly (COPY); everything else goes through {@link #client()}.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final DbClient client;
    private final Migrations migrations;
    private final Optional<EmbeddedPostgresServer> embedded;

    private Database(HikariDataSource pool, DbClient client, Migrations migrations,
                     Optional<EmbeddedPostgresServer> embedded) {
        this.pool = pool;
        this.client = client;
        this.migrations = migrations;
        this.embedded = embedded;
    }

    /**
     * Connects (starting the embedded server if no URL is configured), then migrates every schema in order.
     */
    public static Database open(DatabaseSettings settings, Config dbClientConfig, MeterRegistry meters,
                                List<ModuleSchema> schemas) {
        Optional<EmbeddedPostgresServer> embedded = settings.embedded()
                ? Optional.of(EmbeddedPostgresServer.start(settings.embeddedDataDirectory(), settings.embeddedPort(),
                        EmbeddedPostgresServer.Durability.DURABLE))
                : Optional.empty();
        try {
            String url = settings.url().orElseGet(() -> embedded.orElseThrow().jdbcUrl(settings.embeddedDatabase()));
            HikariDataSource pool = pool(settings, url, meters);
            DbClient client = JdbcClientBuilder.create()
                    .config(dbClientConfig)
                    .connectionPool(new HikariConnections(pool))
                    .build();
            Migrations migrations = new Migrations(pool, schemas);
            migrations.migrate();
            return new Database(pool, client, migrations, embedded);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings, String url, MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("platform");
        config.setJdbcUrl(url);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setMetricRegistry(meters);
        config.addDataSourceProperty("ApplicationName", "retirees-platform");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Server error details quote the offending values (keys, COPY rows): they must not reach exception
        // messages, and through them the logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new HikariDataSource(config);
    }

    public DbClient client() {
        return client;
    }

    public DataSource dataSource() {
        return pool;
    }

    public Migrations migrations() {
        return migrations;
    }

    @Override
    public void close() {
        client.close();
        pool.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }

    /** Hands Hikari's connections to the DB Client (helidon-dbclient-hikari is not available at 4.5.0). */
    private record HikariConnections(HikariDataSource pool) implements JdbcConnectionPool {
        @Override
        public Connection connection() {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                throw new DatabaseUnavailableException(e);
            }
        }
    }
}
