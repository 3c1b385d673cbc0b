package cq.retirees.infra.db;

import io.helidon.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code db} configuration subtree. An empty {@code url} means: run the embedded server under
 * {@code embeddedDataDirectory}.
 */
public record DatabaseSettings(Optional<String> url,
                               String user,
                               String password,
                               int maxPoolSize,
                               Duration connectionTimeout,
                               Path embeddedDataDirectory,
                               int embeddedPort,
                               String embeddedDatabase) {

    public static DatabaseSettings from(Config db, Path dataDirectory) {
        return new DatabaseSettings(
                db.get("url").asString().filter(s -> !s.isBlank()),
                db.get("user").asString().orElse("postgres"),
                db.get("password").asString().orElse(""),
                db.get("pool.max-size").asInt().orElse(16),
                db.get("pool.connection-timeout").as(Duration.class).orElse(Duration.ofSeconds(10)),
                dataDirectory.resolve("postgres"),
                db.get("embedded.port").asInt().orElse(0),
                db.get("embedded.database").asString().orElse("retirees"));
    }

    public boolean embedded() {
        return url.isEmpty();
    }
}
