package cq.retirees.registry.internal;

import cq.retirees.infra.db.PgArrays;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A name's 1- and 2-character substrings, counted in code points like PostgreSQL's {@code substr}, so they match
 * what {@code registry.query_grams} asks of them: a query of one character must be among the 1-grams, a longer
 * query's bigrams must all be among the 2-grams (the substring test then confirms the order).
 */
final class NameGrams {

    private NameGrams() {
    }

    static Set<String> of(String name) {
        int[] points = name.codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i < points.length; i++) {
            grams.add(new String(points, i, 1));
            if (i + 1 < points.length) {
                grams.add(new String(points, i, 2));
            }
        }
        return grams;
    }

    /** As a PostgreSQL array literal, for {@code ?::text[]} and COPY. */
    static String literal(String name) {
        return PgArrays.literal(of(name));
    }
}
