package cq.retirees.infra.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flyway, once per module schema: each schema keeps its own history table, so modules migrate independently and
 * in the order given. Several instances starting together are safe: Flyway takes a PostgreSQL advisory lock.
 */
public final class Migrations {

    private final DataSource dataSource;
    private final List<ModuleSchema> schemas;

    public Migrations(DataSource dataSource, List<ModuleSchema> schemas) {
        this.dataSource = dataSource;
        this.schemas = List.copyOf(schemas);
    }

    public void migrate() {
        schemas.forEach(schema -> flyway(schema).migrate());
    }

    /** Pending migrations per schema; empty when every schema is current. */
    public Map<String, Integer> pending() {
        Map<String, Integer> pending = new LinkedHashMap<>();
        for (ModuleSchema schema : schemas) {
            MigrationInfo[] waiting = flyway(schema).info().pending();
            if (waiting.length > 0) {
                pending.put(schema.schema(), waiting.length);
            }
        }
        return pending;
    }

    public List<ModuleSchema> schemas() {
        return schemas;
    }

    private Flyway flyway(ModuleSchema schema) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema.schema())
                .createSchemas(true)
                .locations(schema.migrationLocation())
                .table("flyway_history")
                .failOnMissingLocations(true)
                .load();
    }
}
