package cq.retirees.spi.receiving;

import cq.retirees.kernel.AreaCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A territory is residence areas AND enterprise categories (empty = any); two overlap if one retiree fits both. */
class TerritoryTest {

    static final AreaCode YUZHONG = AreaCode.of("500103");
    static final AreaCode JIANGBEI = AreaCode.of("500105");
    static final AreaCode QIJIANG = AreaCode.of("500110");
    static final AreaCode LJXQ = AreaCode.of("LJXQ");

    static final Territory LIANGJIANG = Territory.of(Set.of(JIANGBEI), Set.of("LIANGJIANG_SOE"), Set.of(LJXQ));
    static final Territory WANSHENG = Territory.of(Set.of(QIJIANG), Set.of(), Set.of(AreaCode.of("WSJK")));
    static final Territory YUZHONG_DISTRICT = Territory.of(Set.of(YUZHONG), Set.of("DISTRICT_SOE"), Set.of(YUZHONG));

    @Test
    void bothTheResidenceAndTheCategoryMustFit() {
        assertTrue(LIANGJIANG.governs(living(JIANGBEI), of("LIANGJIANG_SOE")));
        assertFalse(LIANGJIANG.governs(living(JIANGBEI), of("MUNICIPAL_KEY_SOE")), "right area, other category");
        assertFalse(LIANGJIANG.governs(living(YUZHONG), of("LIANGJIANG_SOE")), "right category, other area");
        assertTrue(WANSHENG.governs(living(QIJIANG), of("CENTRAL_SOE_IN_CHONGQING")), "no category: any enterprise");
    }

    @Test
    void unknownValuesAreSimplyNotGoverned() {
        assertFalse(LIANGJIANG.governs(living(null), of("LIANGJIANG_SOE")));
        assertFalse(LIANGJIANG.governs(living(JIANGBEI), of(null)));
        assertFalse(LIANGJIANG.mayReceiveIn(null));
        assertTrue(LIANGJIANG.mayReceiveIn(LJXQ));
        assertFalse(LIANGJIANG.mayReceiveIn(JIANGBEI));
    }

    @Test
    void territoriesOverlapOnlyWhenOneRetireeCouldFitBoth() {
        assertFalse(LIANGJIANG.overlaps(WANSHENG), "different residence areas");
        assertFalse(YUZHONG_DISTRICT.overlaps(LIANGJIANG));
        Territory qijiangDistrictSoes = Territory.of(Set.of(QIJIANG), Set.of("DISTRICT_SOE"), Set.of(QIJIANG));
        assertTrue(WANSHENG.overlaps(qijiangDistrictSoes), "any category meets DISTRICT_SOE in the same area");
        assertTrue(qijiangDistrictSoes.overlaps(WANSHENG), "symmetric");
        Territory allLiangjiangSoes = Territory.of(Set.of(), Set.of("LIANGJIANG_SOE"), Set.of(LJXQ));
        assertTrue(allLiangjiangSoes.overlaps(LIANGJIANG), "any area meets Jiangbei for the same category");
        assertFalse(allLiangjiangSoes.overlaps(YUZHONG_DISTRICT), "no category in common");
        assertTrue(Territory.wholeCity().overlaps(WANSHENG));
    }

    @Test
    void aDistrictTerritoryNamesWhatItGovernsAndWhereItReceives() {
        assertThrows(IllegalArgumentException.class, () -> Territory.of(Set.of(), Set.of(), Set.of(LJXQ)));
        assertThrows(IllegalArgumentException.class, () -> Territory.of(Set.of(QIJIANG), Set.of(), Set.of()));
    }

    private static RetireeFacts living(AreaCode residence) {
        return new RetireeFacts(UUID.randomUUID(), YUZHONG, residence, null, LocalDate.of(1950, 1, 1), false);
    }

    private static EnterpriseFacts of(String category) {
        return new EnterpriseFacts(UUID.randomUUID(), category, YUZHONG, YUZHONG);
    }
}
