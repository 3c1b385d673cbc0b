package cq.retirees.spi.receiving;

import cq.retirees.kernel.AreaCode;

import java.util.Collections;
import java.util.Set;

/**
 * The retirees a rule governs: those living in one of {@code residenceAreas} whose enterprise is of one of
 * {@code enterpriseCategories} (names of the registry's enterprise categories, e.g. {@code "LIANGJIANG_SOE"}). An
 * empty set does not restrict, but a district or zone territory names at least one of the two. A proposal may only
 * name an area in {@code receivingAreas}. Only the built-in municipal default governs the {@link #wholeCity()}.
 */
public record Territory(boolean citywide, Set<AreaCode> residenceAreas, Set<String> enterpriseCategories,
                        Set<AreaCode> receivingAreas) {

    public Territory {
        residenceAreas = Set.copyOf(residenceAreas);
        enterpriseCategories = Set.copyOf(enterpriseCategories);
        receivingAreas = Set.copyOf(receivingAreas);
        if (!citywide && residenceAreas.isEmpty() && enterpriseCategories.isEmpty()) {
            throw new IllegalArgumentException("a territory names residence areas, enterprise categories or both");
        }
        if (!citywide && receivingAreas.isEmpty()) {
            throw new IllegalArgumentException("a territory names the areas it may receive in");
        }
    }

    public static Territory of(Set<AreaCode> residenceAreas, Set<String> enterpriseCategories,
                               Set<AreaCode> receivingAreas) {
        return new Territory(false, residenceAreas, enterpriseCategories, receivingAreas);
    }

    public static Territory wholeCity() {
        return new Territory(true, Set.of(), Set.of(), Set.of());
    }

    public boolean governs(RetireeFacts retiree, EnterpriseFacts enterprise) {
        return citywide || (matches(residenceAreas, retiree.residenceArea())
                && matches(enterpriseCategories, enterprise.category()));
    }

    public boolean mayReceiveIn(AreaCode area) {
        return citywide || (area != null && receivingAreas.contains(area));
    }

    /** Whether some retiree could be governed by both: two enabled plugins may never both govern one retiree. */
    public boolean overlaps(Territory other) {
        return citywide || other.citywide || (meet(residenceAreas, other.residenceAreas)
                && meet(enterpriseCategories, other.enterpriseCategories));
    }

    /** Immutable sets refuse to be asked about null: an unknown value is simply not in the set. */
    private static <T> boolean matches(Set<T> allowed, T value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }

    private static <T> boolean meet(Set<T> a, Set<T> b) {
        return a.isEmpty() || b.isEmpty() || !Collections.disjoint(a, b);
    }
}
