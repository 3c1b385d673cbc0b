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

    /** A set's literal: sorted, so equal sets bind equal text. */
    public static String literal(Collection<?> values) {
        return values.stream()
                .map(v -> "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .sorted()
                .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * A list's literal in its order, {@code null} as SQL NULL: for parallel arrays that {@code unnest(...)} turns
     * back into rows.
     */
    public static String ordered(java.util.List<?> values) {
        return values.stream()
                .map(v -> v == null ? "NULL" : "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
