package cq.retirees.handover.internal;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.receiving.EnterpriseFacts;
import cq.retirees.spi.receiving.ReceivingBodyFacts;
import cq.retirees.spi.receiving.ReceivingProposal;
import cq.retirees.spi.receiving.ReceivingProposal.Alternative;
import cq.retirees.spi.receiving.RetireeFacts;
import cq.retirees.spi.receiving.RosterContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The municipal default (DOMAIN.md §5.1): the insured area decides unless the retiree lives where the enterprise's
 * retirees live concentrated; the enterprise's location stands in for an insured area not in force; inside the area
 * the street of residence receives, else the area's one designated department.
 */
class MunicipalReceivingRuleTest {

    static final AreaCode YUZHONG = AreaCode.of("500103");
    static final AreaCode JIANGBEI = AreaCode.of("500105");
    static final AreaCode SHAPINGBA = AreaCode.of("500106");
    static final AreaCode NANAN = AreaCode.of("500108");
    /** A code that was once an area and is no longer in force. */
    static final AreaCode RETIRED = AreaCode.of("500199");
    static final Set<AreaCode> IN_FORCE = Set.of(YUZHONG, JIANGBEI, SHAPINGBA, NANAN);

    /** Minimum 3 retirees and 20 % of the roster, as in the HTTP tests. */
    final MunicipalReceivingRule rule = new MunicipalReceivingRule(new ConcentrationThresholds(3, 0.2));

    static RetireeFacts retiree(AreaCode insured, AreaCode residence, String street) {
        return new RetireeFacts(UUID.randomUUID(), insured, residence, street, LocalDate.of(1955, 3, 1), false);
    }

    static EnterpriseFacts enterprise(AreaCode insured, AreaCode location) {
        return new EnterpriseFacts(UUID.randomUUID(), "MUNICIPAL_KEY_SOE", insured, location);
    }

    static RosterContext roster(long size, Map<AreaCode, Long> residents, List<ReceivingBodyFacts> bodies) {
        Map<AreaCode, List<ReceivingBodyFacts>> byArea = new java.util.HashMap<>();
        bodies.forEach(b -> byArea.computeIfAbsent(b.area(), a -> new java.util.ArrayList<>()).add(b));
        return new RosterContext(size, residents, IN_FORCE, byArea);
    }

    static ReceivingBodyFacts body(AreaCode area, String name, String kind) {
        return new ReceivingBodyFacts(UUID.randomUUID(), area, name, kind);
    }

    ReceivingProposal propose(RetireeFacts retiree, EnterpriseFacts enterprise, RosterContext roster) {
        return rule.propose(retiree, enterprise, roster).orElseThrow();
    }

    @Test
    void isTheCitywideMunicipalDefault() {
        assertEquals("municipal-default", rule.ruleId());
        assertTrue(rule.territory().citywide());
    }

    // --- which area -------------------------------------------------------------------------------------------

    @Test
    void theInsuredAreaDecidesWhenTheResidenceIsNotConcentrated() {
        RosterContext context = roster(10, Map.of(YUZHONG, 8L, JIANGBEI, 2L), List.of());
        ReceivingProposal p = propose(retiree(YUZHONG, JIANGBEI, null), enterprise(YUZHONG, NANAN), context);

        assertEquals(YUZHONG, p.area());
        assertEquals("INSURED_AREA", p.reasonCode());
        assertEquals(List.of(new Alternative(JIANGBEI, "RESIDENCE_NOT_CONCENTRATED"),
                new Alternative(NANAN, "LOCATION_ONLY_WITHOUT_INSURED_AREA")), p.alternatives());
    }

    @Test
    void aRetireeLivingInTheInsuredAreaHasNoResidenceAlternative() {
        RosterContext context = roster(10, Map.of(YUZHONG, 10L), List.of());
        ReceivingProposal p = propose(retiree(YUZHONG, YUZHONG, null), enterprise(YUZHONG, YUZHONG), context);

        assertEquals(YUZHONG, p.area());
        assertEquals("INSURED_AREA", p.reasonCode());
        assertEquals(List.of(), p.alternatives(), "neither residence nor location differs from the insured area");
    }

    @Test
    void aConcentratedResidenceElsewhereDecides() {
        RosterContext context = roster(10, Map.of(YUZHONG, 7L, JIANGBEI, 3L), List.of());
        ReceivingProposal p = propose(retiree(YUZHONG, JIANGBEI, null), enterprise(YUZHONG, YUZHONG), context);

        assertEquals(JIANGBEI, p.area());
        assertEquals("CONCENTRATED_RESIDENCE", p.reasonCode());
        assertEquals(List.of(new Alternative(YUZHONG, "INSURED_AREA_YIELDS_TO_CONCENTRATION")), p.alternatives());
    }

    @Test
    void theConcentrationIsThatOfTheRetireesResidenceNotOfAnotherArea() {
        // Jiangbei is concentrated, but this retiree lives in Shapingba, where only one lives.
        RosterContext context = roster(10, Map.of(YUZHONG, 5L, JIANGBEI, 4L, SHAPINGBA, 1L), List.of());
        ReceivingProposal p = propose(retiree(YUZHONG, SHAPINGBA, null), enterprise(YUZHONG, YUZHONG), context);

        assertEquals(YUZHONG, p.area());
        assertEquals("INSURED_AREA", p.reasonCode());
        assertEquals(List.of(new Alternative(SHAPINGBA, "RESIDENCE_NOT_CONCENTRATED")), p.alternatives());
    }

    @ParameterizedTest(name = "{0} of {1} living there: concentrated = {2}")
    @CsvSource({
            "3, 10, true",   // both met
            "3, 15, true",   // share exactly 20 %
            "2, 5,  false",  // share 40 % but fewer than 3
            "2, 2,  false",  // everyone, but fewer than 3
            "3, 16, false",  // 3 retirees but under 20 %
            "3, 100, false", // count alone is not enough
            "20, 100, true"
    })
    void bothThresholdsMustBeMet(long residents, long rosterSize, boolean concentrated) {
        RosterContext context = roster(rosterSize, Map.of(JIANGBEI, residents, YUZHONG, rosterSize - residents),
                List.of());
        ReceivingProposal p = propose(retiree(YUZHONG, JIANGBEI, null), enterprise(YUZHONG, YUZHONG), context);

        assertEquals(concentrated ? JIANGBEI : YUZHONG, p.area());
        assertEquals(concentrated ? "CONCENTRATED_RESIDENCE" : "INSURED_AREA", p.reasonCode());
    }

    @Test
    void theThresholdsAreThoseConfigured() {
        RosterContext context = roster(10, Map.of(YUZHONG, 7L, JIANGBEI, 3L), List.of());
        RetireeFacts retiree = retiree(YUZHONG, JIANGBEI, null);
        EnterpriseFacts enterprise = enterprise(YUZHONG, YUZHONG);

        assertEquals(YUZHONG, new MunicipalReceivingRule(new ConcentrationThresholds(4, 0.2))
                .propose(retiree, enterprise, context).orElseThrow().area(), "4 needed, 3 live there");
        assertEquals(YUZHONG, new MunicipalReceivingRule(new ConcentrationThresholds(3, 0.31))
                .propose(retiree, enterprise, context).orElseThrow().area(), "31 % needed, 30 % live there");
        assertEquals(YUZHONG, new MunicipalReceivingRule(ConcentrationThresholds.DEFAULTS)
                .propose(retiree, enterprise, context).orElseThrow().area(), "defaults: 20 and 10 %");
        assertEquals(JIANGBEI, new MunicipalReceivingRule(new ConcentrationThresholds(1, 0.0))
                .propose(retiree, enterprise, context).orElseThrow().area());
    }

    @Test
    void thresholdsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConcentrationThresholds(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new ConcentrationThresholds(3, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new ConcentrationThresholds(3, 1.1));
    }

    @Test
    void aResidenceAreaNotInForceIsNeverConcentrated() {
        RosterContext context = roster(5, Map.of(RETIRED, 5L), List.of());
        ReceivingProposal p = propose(retiree(YUZHONG, RETIRED, null), enterprise(YUZHONG, YUZHONG), context);

        assertEquals(YUZHONG, p.area());
        assertEquals("INSURED_AREA", p.reasonCode());
        assertTrue(p.alternatives().stream().noneMatch(a -> RETIRED.equals(a.area())), p::toString);
    }

    @Test
    void theEnterpriseLocationStandsInForAnInsuredAreaNotInForce() {
        RosterContext context = roster(10, Map.of(NANAN, 8L, JIANGBEI, 2L), List.of());
        ReceivingProposal p = propose(retiree(RETIRED, JIANGBEI, null), enterprise(null, NANAN), context);

        assertEquals(NANAN, p.area());
        assertEquals("ENTERPRISE_LOCATION", p.reasonCode());
        assertEquals(List.of(new Alternative(JIANGBEI, "RESIDENCE_NOT_CONCENTRATED"),
                new Alternative(RETIRED, "INSURED_AREA_NOT_IN_FORCE")), p.alternatives());
    }

    /**
     * The SPI says {@link RetireeFacts#insuredArea()} is {@code null} when the code is not an area in force, and that
     * is what the host passes. The proposal must still be usable: every alternative names an area.
     */
    @Test
    void anInsuredAreaPassedAsNullGivesNoAlternativeWithoutAnArea() {
        RosterContext context = roster(10, Map.of(NANAN, 9L, JIANGBEI, 1L), List.of());
        ReceivingProposal p = propose(retiree(null, JIANGBEI, null), enterprise(null, NANAN), context);

        assertEquals(NANAN, p.area());
        assertEquals("ENTERPRISE_LOCATION", p.reasonCode());
        assertTrue(p.alternatives().stream().allMatch(a -> a.area() != null),
                () -> "an alternative without an area: " + p.alternatives());
    }

    @Test
    void aConcentratedResidenceStillDecidesWhenTheInsuredAreaIsNotInForce() {
        RosterContext context = roster(10, Map.of(JIANGBEI, 4L, NANAN, 6L), List.of());
        ReceivingProposal p = propose(retiree(RETIRED, JIANGBEI, null), enterprise(null, NANAN), context);

        assertEquals(JIANGBEI, p.area());
        assertEquals("CONCENTRATED_RESIDENCE", p.reasonCode());
        assertTrue(p.alternatives().contains(new Alternative(RETIRED, "INSURED_AREA_NOT_IN_FORCE")), p::toString);
        assertTrue(p.alternatives().contains(new Alternative(NANAN, "LOCATION_ONLY_WITHOUT_INSURED_AREA")),
                p::toString);
    }

    @Test
    void withNeitherInsuredAreaNorLocationInForceTheResidenceDecides() {
        RosterContext context = roster(10, Map.of(JIANGBEI, 1L), List.of());
        ReceivingProposal p = propose(retiree(RETIRED, JIANGBEI, null), enterprise(null, null), context);

        assertEquals(JIANGBEI, p.area());
        assertEquals("RESIDENCE_AREA", p.reasonCode());
        assertEquals(List.of(new Alternative(RETIRED, "INSURED_AREA_NOT_IN_FORCE")), p.alternatives());
    }

    // --- which body -------------------------------------------------------------------------------------------

    @Test
    void theStreetOfResidenceReceivesMatchedByName() {
        ReceivingBodyFacts department = body(JIANGBEI, "江北区社保局", "DEPARTMENT");
        ReceivingBodyFacts street = body(JIANGBEI, "观音桥街道", "STREET");
        ReceivingBodyFacts other = body(JIANGBEI, "五里店街道", "STREET");
        RosterContext context = roster(10, Map.of(JIANGBEI, 10L), List.of(department, other, street));
        ReceivingProposal p = propose(retiree(JIANGBEI, JIANGBEI, " 观音桥街道 "), enterprise(JIANGBEI, JIANGBEI),
                context);

        assertEquals(street.id(), p.receivingBodyId());
        assertEquals("STREET_OF_RESIDENCE", p.bodyReasonCode());
    }

    @Test
    void anExactNameIsPreferredToOneThatOnlyContainsTheStreet() {
        ReceivingBodyFacts containing = body(JIANGBEI, "大石坝观音桥街道", "STREET");
        ReceivingBodyFacts exact = body(JIANGBEI, "观音桥街道", "STREET");
        RosterContext context = roster(10, Map.of(JIANGBEI, 10L), List.of(containing, exact));

        assertEquals(exact.id(), propose(retiree(JIANGBEI, JIANGBEI, "观音桥街道"), enterprise(JIANGBEI, JIANGBEI),
                context).receivingBodyId());
        ReceivingProposal partial = propose(retiree(JIANGBEI, JIANGBEI, "观音桥"), enterprise(JIANGBEI, JIANGBEI),
                context);
        assertTrue(List.of(containing.id(), exact.id()).contains(partial.receivingBodyId()), partial::toString);
        assertEquals("STREET_OF_RESIDENCE", partial.bodyReasonCode());
    }

    @Test
    void townshipsAndTownsReceiveLikeStreets() {
        ReceivingBodyFacts township = body(JIANGBEI, "复盛镇", "TOWN");
        RosterContext context = roster(10, Map.of(JIANGBEI, 10L), List.of(township));
        ReceivingProposal p = propose(retiree(JIANGBEI, JIANGBEI, "复盛镇"), enterprise(JIANGBEI, JIANGBEI), context);

        assertEquals(township.id(), p.receivingBodyId());
        assertEquals("STREET_OF_RESIDENCE", p.bodyReasonCode());
    }

    @Test
    void aUnitNamedLikeTheStreetIsNotTheStreet() {
        ReceivingBodyFacts unit = body(JIANGBEI, "观音桥街道", "UNIT");
        ReceivingBodyFacts department = body(JIANGBEI, "江北区社保局", "DEPARTMENT");
        RosterContext context = roster(10, Map.of(JIANGBEI, 10L), List.of(unit, department));
        ReceivingProposal p = propose(retiree(JIANGBEI, JIANGBEI, "观音桥街道"), enterprise(JIANGBEI, JIANGBEI),
                context);

        assertEquals(department.id(), p.receivingBodyId());
        assertEquals("DESIGNATED_DEPARTMENT", p.bodyReasonCode());
    }

    @Test
    void theAreasOneDepartmentReceivesWhenNoStreetMatches() {
        ReceivingBodyFacts street = body(JIANGBEI, "五里店街道", "STREET");
        ReceivingBodyFacts department = body(JIANGBEI, "江北区社保局", "DEPARTMENT");
        RosterContext context = roster(10, Map.of(JIANGBEI, 10L), List.of(street, department));

        for (String residenceStreet : java.util.Arrays.asList("观音桥街道", null, "  ")) {
            ReceivingProposal p = propose(retiree(JIANGBEI, JIANGBEI, residenceStreet),
                    enterprise(JIANGBEI, JIANGBEI), context);
            assertAll("street " + residenceStreet,
                    () -> assertEquals(department.id(), p.receivingBodyId()),
                    () -> assertEquals("DESIGNATED_DEPARTMENT", p.bodyReasonCode()));
        }
    }

    @Test
    void theStreetCountsOnlyInTheAreaOfResidence() {
        // Insured in Yuzhong, living (not concentrated) in Jiangbei's 观音桥街道: Yuzhong receives, and a Yuzhong
        // body that happens to share the street's name is not the street of residence.
        ReceivingBodyFacts sameName = body(YUZHONG, "观音桥街道", "STREET");
        ReceivingBodyFacts department = body(YUZHONG, "渝中区社保局", "DEPARTMENT");
        ReceivingBodyFacts jiangbeiStreet = body(JIANGBEI, "观音桥街道", "STREET");
        RosterContext context = roster(10, Map.of(YUZHONG, 9L, JIANGBEI, 1L),
                List.of(sameName, department, jiangbeiStreet));
        ReceivingProposal p = propose(retiree(YUZHONG, JIANGBEI, "观音桥街道"), enterprise(YUZHONG, YUZHONG), context);

        assertEquals(YUZHONG, p.area());
        assertEquals(department.id(), p.receivingBodyId());
        assertEquals("DESIGNATED_DEPARTMENT", p.bodyReasonCode());
    }

    @Test
    void noBodyIsDeterminedWithoutAStreetMatchOrASingleDepartment() {
        RosterContext twoDepartments = roster(10, Map.of(JIANGBEI, 10L), List.of(
                body(JIANGBEI, "江北区社保局", "DEPARTMENT"), body(JIANGBEI, "江北区人社局", "DEPARTMENT"),
                body(JIANGBEI, "五里店街道", "STREET")));
        RosterContext none = roster(10, Map.of(JIANGBEI, 10L), List.of(body(YUZHONG, "渝中区社保局", "DEPARTMENT")));

        for (RosterContext context : List.of(twoDepartments, none)) {
            ReceivingProposal p = propose(retiree(JIANGBEI, JIANGBEI, "观音桥街道"), enterprise(JIANGBEI, JIANGBEI),
                    context);
            assertEquals(JIANGBEI, p.area());
            assertNull(p.receivingBodyId(), p::toString);
            assertEquals("NO_BODY_DETERMINED", p.bodyReasonCode());
        }
    }

    @Test
    void aConcentratedResidenceIsReceivedByItsStreet() {
        ReceivingBodyFacts street = body(JIANGBEI, "观音桥街道", "STREET");
        RosterContext context = roster(10, Map.of(YUZHONG, 6L, JIANGBEI, 4L),
                List.of(street, body(YUZHONG, "解放碑街道", "STREET")));
        ReceivingProposal p = propose(retiree(YUZHONG, JIANGBEI, "观音桥街道"), enterprise(YUZHONG, YUZHONG), context);

        assertEquals(JIANGBEI, p.area());
        assertEquals(street.id(), p.receivingBodyId());
        assertEquals("STREET_OF_RESIDENCE", p.bodyReasonCode());
    }
}
