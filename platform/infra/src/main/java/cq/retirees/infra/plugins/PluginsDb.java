package cq.retirees.infra.plugins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import cq.retirees.infra.db.Rows;
import cq.retirees.infra.http.Json;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Plugins in {@code platform.plugins}. Every state change notifies the other instances (LISTEN/NOTIFY). */
final class PluginsDb {

    static final String CHANNEL = "platform_plugins";
    private static final String COLUMNS = "id, version, provider, requires, description, sha256, source, extensions,"
            + " settings, enabled, started, changed_by, changed_at, installed_at, state_version";

    /** Serialises plugin administration across instances: territory checks see every enabled plugin. */
    void lockAdministration(DbExecute tx) {
        tx.get("SELECT pg_advisory_xact_lock(hashtext('platform.plugins')) IS NOT NULL AS locked");
    }

    List<InstalledPlugin> all(DbExecute db) {
        try (Stream<DbRow> rows = db.query("SELECT " + COLUMNS + " FROM platform.plugins ORDER BY id")) {
            return rows.map(PluginsDb::plugin).toList();
        }
    }

    Optional<InstalledPlugin> byId(DbExecute db, String id) {
        return db.get("SELECT " + COLUMNS + " FROM platform.plugins WHERE id = ?", id).map(PluginsDb::plugin);
    }

    Optional<byte[]> jar(DbExecute db, String id, String sha256) {
        return db.get("SELECT jar FROM platform.plugins WHERE id = ? AND sha256 = ?", id, sha256)
                .map(r -> (byte[]) Rows.value(r, "jar"));
    }

    void insert(DbExecute tx, InstalledPlugin p, byte[] jar) {
        tx.dml("INSERT INTO platform.plugins (id, version, provider, requires, description, sha256, jar, source,"
                        + " extensions, settings, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)",
                p.id(), p.version(), p.provider(), p.requires(), p.description(), p.sha256(), jar, p.source(),
                json(p.extensions()), json(p.settings()), p.changedBy());
        notifyInstances(tx, p.id());
    }

    /** Replaces a disabled plugin's jar (a new version); it stays disabled. */
    void replace(DbExecute tx, InstalledPlugin p, byte[] jar) {
        tx.dml("UPDATE platform.plugins SET version = ?, provider = ?, requires = ?, description = ?, sha256 = ?,"
                        + " jar = ?, source = ?, extensions = ?::jsonb, settings = ?::jsonb, changed_by = ?,"
                        + " changed_at = now(), installed_at = now(), state_version = state_version + 1 WHERE id = ?",
                p.version(), p.provider(), p.requires(), p.description(), p.sha256(), jar, p.source(),
                json(p.extensions()), json(p.settings()), p.changedBy(), p.id());
        notifyInstances(tx, p.id());
    }

    void setState(DbExecute tx, String id, boolean enabled, boolean started, String by) {
        tx.dml("UPDATE platform.plugins SET enabled = ?, started = ?, changed_by = ?, changed_at = now(),"
                + " state_version = state_version + 1 WHERE id = ?", enabled, started, by, id);
        notifyInstances(tx, id);
    }

    void delete(DbExecute tx, String id) {
        tx.dml("DELETE FROM platform.plugins WHERE id = ?", id);
        notifyInstances(tx, id);
    }

    /** Delivered to every listening instance when the transaction commits, and only then. */
    private static void notifyInstances(DbExecute tx, String id) {
        tx.get("SELECT pg_notify(?, ?) IS NULL AS sent", CHANNEL, id);
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InstalledPlugin plugin(DbRow r) {
        try {
            return new InstalledPlugin(Rows.string(r, "id"), Rows.string(r, "version"), Rows.string(r, "provider"),
                    Rows.string(r, "requires"), Rows.string(r, "description"), Rows.string(r, "sha256"),
                    Rows.string(r, "source"),
                    Json.mapper().readValue(Rows.string(r, "extensions"), new TypeReference<List<DeclaredExtension>>() { }),
                    Json.mapper().readValue(Rows.string(r, "settings"), new TypeReference<Map<String, String>>() { }),
                    Rows.bool(r, "enabled"), Rows.bool(r, "started"), Rows.string(r, "changed_by"),
                    Rows.instant(r, "changed_at"), Rows.instant(r, "installed_at"), Rows.longValue(r, "state_version"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
