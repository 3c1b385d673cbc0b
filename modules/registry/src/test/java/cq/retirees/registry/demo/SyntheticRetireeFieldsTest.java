package cq.retirees.registry.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class SyntheticRetireeFieldsTest {

    private static final Set<String> LEADER_LEVELS = Set.of("", "MUNICIPAL_PARTY_COMMITTEE", "SASAC_PARTY_COMMITTEE",
            "DISTRICT_PARTY_COMMITTEE", "OTHER");
    private static final Set<String> YES_NO = Set.of("是", "否");

    private final SyntheticRoster roster = new SyntheticRoster(21);
    private final List<SyntheticEnterprise> enterprises = IntStream.range(0, 10).mapToObj(roster::enterprise).toList();

    @Test
    void phonesAreElevenDigitsStartingWith100() {
        forEachRetiree(retiree -> assertTrue(retiree.phone().matches("100[0-9]{8}"), retiree.phone()));
    }

    @Test
    void datesAreInLifeOrderAndNeverAfterTheReferenceDate() {
        forEachRetiree(retiree -> {
            LocalDate birth = LocalDate.parse(retiree.birthDate());
            LocalDate retirement = LocalDate.parse(retiree.retirementDate());
            assertTrue(birth.getYear() >= 1925 && birth.getYear() <= 1971, retiree.birthDate());
            assertTrue(birth.isBefore(retirement));
            assertFalse(retirement.isAfter(SyntheticRoster.REFERENCE_DATE), retiree.retirementDate());
            int retirementAge = birth.until(retirement).getYears();
            assertTrue(retirementAge >= 45 && retirementAge <= 60, "retired at " + retirementAge);
            if (!retiree.deathDate().isEmpty()) {
                LocalDate death = LocalDate.parse(retiree.deathDate());
                assertTrue(death.isAfter(retirement));
                assertTrue(death.isBefore(SyntheticRoster.REFERENCE_DATE));
            }
        });
    }

    @Test
    void codedFieldsUseTheirFixedVocabulary() {
        forEachRetiree(retiree -> {
            assertTrue(Set.of("男", "女").contains(retiree.sex()));
            assertTrue(YES_NO.contains(retiree.partyMember()));
            assertTrue(YES_NO.contains(retiree.immobile()));
            assertTrue(LEADER_LEVELS.contains(retiree.leaderManagementLevel()));
            boolean bornBefore1932 = LocalDate.parse(retiree.birthDate()).getYear() < 1932;
            assertEquals(bornBefore1932 ? "RETIRED_CADRE" : "RETIRED", retiree.retireeType());
        });
    }

    @Test
    void partyOrganisationIsGivenExactlyForMembersAndNamesTheEnterprise() {
        for (SyntheticEnterprise enterprise : enterprises) {
            String shortName = EnterpriseProfile.shortName(enterprise.name());
            roster.retirees(enterprise, 2_000).forEach(retiree -> {
                if (retiree.partyMember().equals("是")) {
                    assertTrue(retiree.partyOrganisation().startsWith(shortName + "离退休"),
                            retiree.partyOrganisation());
                    assertTrue(retiree.partyOrganisation().endsWith("党支部"));
                } else {
                    assertEquals("", retiree.partyOrganisation());
                }
            });
        }
    }

    @Test
    void enterpriseFieldsAndResidenceAreConsistent() {
        for (SyntheticEnterprise enterprise : enterprises) {
            roster.retirees(enterprise, 2_000).forEach(retiree -> {
                assertEquals(enterprise.creditCode(), retiree.enterpriseCreditCode());
                assertEquals(enterprise.insuredAreaCode(), retiree.insuredAreaCode());
                ChongqingAreas.Area residence = ChongqingAreas.byCode(retiree.residenceAreaCode());
                assertTrue(residence.streets().contains(retiree.residenceStreet()), retiree.residenceStreet());
                assertTrue(retiree.residenceAddress().matches(
                        residence.name() + retiree.residenceStreet() + "示例路\\d+号\\d+栋\\d+单元"),
                        retiree.residenceAddress());
            });
        }
    }

    @Test
    void noFieldIsNullAndNamesAreTwoToFourChineseCharacters() {
        forEachRetiree(retiree -> {
            retiree.csvValues().forEach(Assertions::assertNotNull);
            assertTrue(retiree.name().matches("[\\u4E00-\\u9FFF]{2,4}"), retiree.name());
        });
    }

    @Test
    void rejectsAnInsuredAreaOutsideChongqingAndANegativeCount() {
        SyntheticEnterprise enterprise = enterprises.get(0);
        SyntheticEnterprise inChengdu = new SyntheticEnterprise(enterprise.creditCode(), enterprise.name(),
                enterprise.category(), "510104", enterprise.locationAreaCode());

        assertThrows(IllegalArgumentException.class, () -> roster.retirees(inChengdu, 1));
        assertThrows(IllegalArgumentException.class, () -> roster.retirees(enterprise, -1));
    }

    private void forEachRetiree(Consumer<SyntheticRetiree> check) {
        enterprises.forEach(enterprise -> roster.retirees(enterprise, 5_000).forEach(check));
    }
}
