package cq.retirees.infra.db;

/**
 * A schema a module owns, with its Flyway migrations under {@code classpath:db/migration/<schema>}.
 */
public record ModuleSchema(String schema) {

    public ModuleSchema {
        if (!schema.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema names are lower-case identifiers: " + schema);
        }
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + schema;
    }
}
