package cq.retirees.spi.receiving;

import cq.retirees.kernel.AreaCode;

import java.util.Set;

/**
 * The retirees a rule governs: those living in one of {@code residenceAreas}, and those of enterprises of one of
 * {@code enterpriseCategories} (names of the registry's enterprise categories, e.g. {@code "LIANGJIANG_SOE"}).
 * A proposal may only name an area in {@code receivingAreas}. Only the built-in municipal default governs
 * {@link #wholeCity()}.
 */
public record Territory(boolean citywide, Set<AreaCode> residenceAreas, Set<String> enterpriseCategories,
                        Set<AreaCode> receivingAreas) {

    public Territory {
        residenceAreas = Set.copyOf(residenceAreas);
        enterpriseCategories = Set.copyOf(enterpriseCategories);
        receivingAreas = Set.copyOf(receivingAreas);
    }

    public static Territory of(Set<AreaCode> residenceAreas, Set<String> enterpriseCategories,
                               Set<AreaCode> receivingAreas) {
        return new Territory(false, residenceAreas, enterpriseCategories, receivingAreas);
    }

    public static Territory wholeCity() {
        return new Territory(true, Set.of(), Set.of(), Set.of());
    }

    public boolean governs(RetireeFacts retiree, EnterpriseFacts enterprise) {
        return citywide || residenceAreas.contains(retiree.residenceArea())
                || enterpriseCategories.contains(enterprise.category());
    }

    public boolean mayReceiveIn(AreaCode area) {
        return citywide || receivingAreas.contains(area);
    }
}
