package cq.retirees.infra.db;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals for binding as text and casting in SQL ({@code ?::text[]}, {@code ?::uuid[]}): the DB
 * Client binds plain values only.
 */
public final class PgArrays {

    private PgArrays() {
    }

    public static String literal(Collection<?> values) {
        return values.stream()
                .map(v -> "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .sorted()
                .collect(Collectors.joining(",", "{", "}"));
    }
}
