package cq.retirees.registry.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.CreditCode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SyntheticEnterpriseTest {

    private static final Set<String> CHONGQING_CODES =
            ChongqingAreas.all().stream().map(ChongqingAreas.Area::code).collect(Collectors.toSet());

    private final SyntheticRoster roster = new SyntheticRoster(11);
    private final List<SyntheticEnterprise> enterprises =
            IntStream.range(0, 2_000).mapToObj(roster::enterprise).toList();

    @Test
    void everyCreditCodeIsValidChongqingAndDistinct() {
        Set<String> codes = new HashSet<>();
        for (SyntheticEnterprise enterprise : enterprises) {
            assertEquals(enterprise.creditCode(), CreditCode.parse(enterprise.creditCode()).value());
            assertTrue(enterprise.creditCode().startsWith("91500000"));
            assertTrue(codes.add(enterprise.creditCode()), "duplicate credit code");
        }
    }

    @Test
    void areasAreChongqingDivisionsAndZoneEnterprisesSitInTheirZone() {
        for (SyntheticEnterprise enterprise : enterprises) {
            assertTrue(CHONGQING_CODES.contains(enterprise.insuredAreaCode()));
            assertTrue(CHONGQING_CODES.contains(enterprise.locationAreaCode()));
            AreaCode.of(enterprise.insuredAreaCode());
            switch (enterprise.category()) {
                case "WANSHENG_SOE" -> assertEquals("500110", enterprise.insuredAreaCode());
                case "LIANGJIANG_SOE" -> assertTrue(Set.of("500105", "500109", "500112")
                        .contains(enterprise.insuredAreaCode()));
                default -> { }
            }
        }
        assertTrue(enterprises.stream().filter(e -> !e.insuredAreaCode().equals(e.locationAreaCode())).count() > 0,
                "some enterprises are insured in one area and located in another");
    }

    @Test
    void everyCategoryOccursAndNoOther() {
        Set<String> categories = enterprises.stream().map(SyntheticEnterprise::category).collect(Collectors.toSet());

        assertEquals(Set.of("MUNICIPAL_KEY_SOE", "MUNICIPAL_KEY_SOE_SUBSIDIARY", "MUNICIPAL_DEPARTMENT_SOE",
                "DISTRICT_SOE", "LIANGJIANG_SOE", "WANSHENG_SOE", "CENTRAL_SOE_IN_CHONGQING"), categories);
    }

    @Test
    void namesLookLikeChineseStateEnterprises() {
        for (SyntheticEnterprise enterprise : enterprises) {
            String name = enterprise.name();
            assertTrue(name.endsWith("有限公司") || name.endsWith("有限责任公司"), name);
            assertTrue(name.contains("重庆"), name);
            assertTrue(name.codePoints().allMatch(c -> c >= 0x4E00 && c <= 0x9FFF), name);
            assertTrue(EnterpriseProfile.shortName(name).length() >= 4, name);
        }
        assertEquals("渝山机械", EnterpriseProfile.shortName("重庆渝山机械集团有限公司"));
        assertEquals("华岭电力", EnterpriseProfile.shortName("华岭电力集团重庆有限公司"));
    }

    @Test
    void anEnterpriseDependsOnlyOnSeedAndIndex() {
        SyntheticRoster sameSeed = new SyntheticRoster(11);

        assertEquals(enterprises.get(1_234), sameSeed.enterprise(1_234));
        assertNotEquals(enterprises.get(1_234), new SyntheticRoster(12).enterprise(1_234));
    }

    @Test
    void negativeIndexIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> roster.enterprise(-1));
    }
}
