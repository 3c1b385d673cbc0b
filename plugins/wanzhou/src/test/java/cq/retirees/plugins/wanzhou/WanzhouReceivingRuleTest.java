package cq.retirees.plugins.wanzhou;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.PluginSettings;
import cq.retirees.spi.receiving.EnterpriseFacts;
import cq.retirees.spi.receiving.ReceivingBodyFacts;
import cq.retirees.spi.receiving.ReceivingProposal;
import cq.retirees.spi.receiving.ReceivingProposal.Alternative;
import cq.retirees.spi.receiving.RosterContext;
import cq.retirees.spi.receiving.Territory;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static cq.retirees.spi.testing.PluginTestKit.ALL_AREAS;
import static cq.retirees.spi.testing.PluginTestKit.SHAPINGBA;
import static cq.retirees.spi.testing.PluginTestKit.WANZHOU;
import static cq.retirees.spi.testing.PluginTestKit.YUZHONG;
import static cq.retirees.spi.testing.PluginTestKit.assertAcceptable;
import static cq.retirees.spi.testing.PluginTestKit.body;
import static cq.retirees.spi.testing.PluginTestKit.enterprise;
import static cq.retirees.spi.testing.PluginTestKit.retiree;
import static cq.retirees.spi.testing.PluginTestKit.roster;
import static cq.retirees.spi.testing.PluginTestKit.settings;
import static cq.retirees.spi.testing.PluginTestKit.shippedSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WanzhouReceivingRuleTest {

    private static final String SOE = "DISTRICT_SOE";
    private final ReceivingBodyFacts centre = body(WANZHOU, "万州区退休人员服务中心", "DEPARTMENT");
    private final ReceivingBodyFacts bureau = body(WANZHOU, "万州区人力资源和社会保障局", "DEPARTMENT");
    private final ReceivingBodyFacts street = body(WANZHOU, "高笋塘街道", "STREET");
    private final RosterContext roster = roster(centre, bureau, street);

    private static WanzhouReceivingRule configured(String... keyValues) {
        WanzhouReceivingRule rule = new WanzhouReceivingRule();
        rule.configure(settings(keyValues));
        return rule;
    }

    @Test
    void namesItselfAndItsTerritory() {
        WanzhouReceivingRule rule = configured();
        Territory t = rule.territory();
        assertEquals("wanzhou", rule.ruleId());
        assertFalse(t.citywide());
        assertEquals(Set.of(WANZHOU), t.residenceAreas());
        assertEquals(Set.of(SOE), t.enterpriseCategories());
        assertEquals(Set.of(WANZHOU), t.receivingAreas());
    }

    @Test
    void receivesByTheDesignatedDepartmentWhateverTheStreet() {
        for (String residenceStreet : Arrays.asList("高笋塘街道", "龙都街道", null)) {
            ReceivingProposal p = configured().propose(retiree(WANZHOU, WANZHOU, residenceStreet),
                    enterprise(SOE, WANZHOU), roster).orElseThrow();
            assertEquals(WANZHOU, p.area());
            assertEquals(centre.id(), p.receivingBodyId());
            assertEquals("WANZHOU_DESIGNATED_DEPARTMENT", p.reasonCode());
            assertEquals("WANZHOU_DESIGNATED_DEPARTMENT", p.bodyReasonCode());
            assertEquals(List.of(), p.alternatives());
            assertAcceptable(p, configured().territory(), roster, "WANZHOU_");
        }
    }

    @Test
    void declinesWhenTheDepartmentIsNotRegistered() {
        assertEquals(Optional.empty(), configured().propose(retiree(WANZHOU, WANZHOU, "高笋塘街道"),
                enterprise(SOE, WANZHOU), roster(bureau, street)));
        // a body of that name that is not a department does not count
        assertEquals(Optional.empty(), configured().propose(retiree(WANZHOU, WANZHOU, "高笋塘街道"),
                enterprise(SOE, WANZHOU), roster(body(WANZHOU, "万州区退休人员服务中心", "UNIT"))));
    }

    @Test
    void declinesOutsideItsTerritory() {
        assertEquals(Optional.empty(), configured().propose(retiree(WANZHOU, WANZHOU, "高笋塘街道"),
                enterprise("MUNICIPAL_DEPARTMENT_SOE", WANZHOU), roster));
        assertEquals(Optional.empty(), configured().propose(retiree(WANZHOU, YUZHONG, "大坪街道"),
                enterprise(SOE, WANZHOU), roster));
        assertEquals(Optional.empty(), configured().propose(retiree(WANZHOU, WANZHOU, "高笋塘街道"),
                enterprise(SOE, WANZHOU), roster(Set.of(YUZHONG), centre)), "the district not in force");
    }

    @Test
    void decidesOnlyForTheDistrictsOwnEnterprisesUnlessTheSettingsWiden() {
        EnterpriseFacts shapingbaSoe = enterprise(SOE, SHAPINGBA);
        assertEquals(Optional.empty(), configured().propose(retiree(SHAPINGBA, WANZHOU, null), shapingbaSoe, roster));
        ReceivingProposal p = configured("enterprise-areas", "").propose(retiree(SHAPINGBA, WANZHOU, null),
                shapingbaSoe, roster).orElseThrow();
        assertEquals(List.of(new Alternative(SHAPINGBA, "WANZHOU_DISTRICT_RECEIVES")), p.alternatives(),
                "the insured area the municipal default would have chosen");
        EnterpriseFacts locatedHere = new EnterpriseFacts(UUID.randomUUID(), SOE, SHAPINGBA, WANZHOU);
        assertTrue(configured().propose(retiree(SHAPINGBA, WANZHOU, null), locatedHere, roster).isPresent());
    }

    @Test
    void settingsNameTheDepartment() {
        ReceivingProposal p = configured("receiving-body", "万州区人力资源和社会保障局")
                .propose(retiree(WANZHOU, WANZHOU, null), enterprise(SOE, WANZHOU), roster).orElseThrow();
        assertEquals(bureau.id(), p.receivingBodyId());
    }

    @Test
    void theShippedSettingsAreTheBuiltInSamples() throws Exception {
        PluginSettings shipped = shippedSettings(WanzhouSettings.class);
        assertEquals(WanzhouSettings.SAMPLE_RECEIVING_BODY, WanzhouSettings.receivingBody(shipped));
        assertEquals(WanzhouSettings.SAMPLE_ENTERPRISE_AREAS, WanzhouSettings.enterpriseAreas(shipped));
        assertEquals(WanzhouSettings.SAMPLE_HOME_VISITS, WanzhouSettings.homeVisits(shipped));
        assertTrue(new WanzhouReceivingRule().propose(retiree(WANZHOU, WANZHOU, null), enterprise(SOE, WANZHOU),
                roster).isPresent(), "unconfigured, the rule uses the samples");
    }

    @Test
    void neverProposesOutsideItsReceivingAreas() {
        WanzhouReceivingRule rule = configured("enterprise-areas", "");
        List<RosterContext> rosters = List.of(roster, roster(bureau), roster(body(YUZHONG, "万州区退休人员服务中心",
                "DEPARTMENT")), roster());
        int proposals = 0;
        for (AreaCode residence : ALL_AREAS) {
            for (AreaCode insured : ALL_AREAS) {
                for (RosterContext r : rosters) {
                    Optional<ReceivingProposal> p = rule.propose(retiree(insured, residence, "高笋塘街道"),
                            enterprise(SOE, insured), r);
                    if (p.isPresent()) {
                        proposals++;
                        assertAcceptable(p.get(), rule.territory(), r, "WANZHOU_");
                    }
                }
            }
        }
        assertTrue(proposals > 0);
    }
}
