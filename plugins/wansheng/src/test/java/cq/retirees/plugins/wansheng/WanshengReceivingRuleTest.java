package cq.retirees.plugins.wansheng;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.receiving.ReceivingBodyFacts;
import cq.retirees.spi.receiving.ReceivingProposal;
import cq.retirees.spi.receiving.ReceivingProposal.Alternative;
import cq.retirees.spi.receiving.RosterContext;
import cq.retirees.spi.receiving.Territory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static cq.retirees.spi.testing.PluginTestKit.ALL_AREAS;
import static cq.retirees.spi.testing.PluginTestKit.QIJIANG;
import static cq.retirees.spi.testing.PluginTestKit.SHAPINGBA;
import static cq.retirees.spi.testing.PluginTestKit.WSJK;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WanshengReceivingRuleTest {

    private final ReceivingBodyFacts wandong = body(WSJK, "万东镇", "TOWN");
    private final ReceivingBodyFacts wanshengStreet = body(WSJK, "万盛街道", "STREET");
    private final ReceivingBodyFacts zoneDepartment = body(WSJK, "南桐镇", "DEPARTMENT");
    private final ReceivingBodyFacts gunan = body(QIJIANG, "古南街道", "STREET");

    private static WanshengReceivingRule configured(String... keyValues) {
        WanshengReceivingRule rule = new WanshengReceivingRule();
        rule.configure(settings(keyValues));
        return rule;
    }

    @Test
    void namesItselfAndItsTerritory() {
        WanshengReceivingRule rule = configured();
        Territory t = rule.territory();
        assertEquals("wansheng", rule.ruleId());
        assertFalse(t.citywide());
        assertEquals(Set.of(QIJIANG), t.residenceAreas());
        assertEquals(Set.of(), t.enterpriseCategories(), "any enterprise category");
        assertEquals(Set.of(WSJK), t.receivingAreas());
    }

    @Test
    void receivesAFormerDistrictResidentByTheOfficeOfTheSameNameWhateverTheInsuredArea() {
        RosterContext roster = roster(wandong, wanshengStreet, gunan);
        for (String category : List.of("MUNICIPAL_KEY_SOE", "DISTRICT_SOE", "CENTRAL_SOE_IN_CHONGQING")) {
            ReceivingProposal p = configured().propose(retiree(SHAPINGBA, QIJIANG, "万东镇"),
                    enterprise(category, SHAPINGBA), roster).orElseThrow();
            assertEquals(WSJK, p.area());
            assertEquals(wandong.id(), p.receivingBodyId());
            assertEquals("WANSHENG_FORMER_DISTRICT", p.reasonCode());
            assertEquals("WANSHENG_STREET_OF_RESIDENCE", p.bodyReasonCode());
            assertEquals(List.of(new Alternative(SHAPINGBA, "WANSHENG_ZONE_RECEIVES"),
                    new Alternative(QIJIANG, "WANSHENG_ZONE_RECEIVES")), p.alternatives());
            assertAcceptable(p, configured().territory(), roster, "WANSHENG_");
        }
    }

    @Test
    void proposesTheZoneWithoutABodyWhenNoOfficeOfThatNameIsRegistered() {
        // 南桐镇 is registered only as a department, which is not a township or street office
        ReceivingProposal p = configured().propose(retiree(QIJIANG, QIJIANG, "南桐镇"),
                enterprise("DISTRICT_SOE", QIJIANG), roster(wandong, zoneDepartment)).orElseThrow();
        assertEquals(WSJK, p.area());
        assertNull(p.receivingBodyId());
        assertEquals("WANSHENG_BODY_NOT_REGISTERED", p.bodyReasonCode());
        assertEquals(List.of(new Alternative(QIJIANG, "WANSHENG_ZONE_RECEIVES")), p.alternatives());
    }

    @Test
    void declinesTheRestOfQijiang() {
        WanshengReceivingRule rule = configured();
        RosterContext roster = roster(wandong, gunan);
        assertEquals(Optional.empty(), rule.propose(retiree(QIJIANG, QIJIANG, "古南街道"),
                enterprise("DISTRICT_SOE", QIJIANG), roster));
        assertEquals(Optional.empty(), rule.propose(retiree(QIJIANG, QIJIANG, null),
                enterprise("DISTRICT_SOE", QIJIANG), roster));
    }

    @Test
    void declinesOutsideItsTerritoryAndWhileTheZoneIsNotInForce() {
        assertEquals(Optional.empty(), configured().propose(retiree(YUZHONG, YUZHONG, "万东镇"),
                enterprise("DISTRICT_SOE", YUZHONG), roster(wandong)));
        assertEquals(Optional.empty(), configured().propose(retiree(QIJIANG, QIJIANG, "万东镇"),
                enterprise("DISTRICT_SOE", QIJIANG), roster(Set.of(QIJIANG), wandong)));
    }

    @Test
    void settingsOverrideTheStreets() {
        WanshengReceivingRule rule = configured("streets", " 古南街道 , 万东镇 ");
        RosterContext roster = roster(wandong, wanshengStreet);
        assertTrue(rule.propose(retiree(QIJIANG, QIJIANG, "古南街道"), enterprise("DISTRICT_SOE", QIJIANG), roster)
                .isPresent());
        assertEquals(Optional.empty(), rule.propose(retiree(QIJIANG, QIJIANG, "万盛街道"),
                enterprise("DISTRICT_SOE", QIJIANG), roster), "the overridden list replaces the sample");
        assertEquals(Optional.empty(), configured("streets", "").propose(retiree(QIJIANG, QIJIANG, "万东镇"),
                enterprise("DISTRICT_SOE", QIJIANG), roster), "an empty list switches the rule off");
    }

    @Test
    void theShippedSettingsAreTheBuiltInSamples() throws Exception {
        assertEquals(WanshengSettings.SAMPLE_STREETS,
                WanshengSettings.streets(shippedSettings(WanshengSettings.class)));
        assertEquals(WanshengSettings.SAMPLE_STREETS, WanshengSettings.streets(settings()));
        assertTrue(new WanshengReceivingRule().propose(retiree(QIJIANG, QIJIANG, "东林街道"),
                enterprise("DISTRICT_SOE", QIJIANG), roster()).isPresent(), "unconfigured, the rule uses the samples");
    }

    @Test
    void neverProposesOutsideItsReceivingAreas() {
        WanshengReceivingRule rule = configured();
        List<String> streets = List.of("万东镇", "万盛街道", "古南街道", "解放碑街道");
        List<RosterContext> rosters = List.of(roster(wandong, wanshengStreet, gunan), roster(gunan), roster());
        int proposals = 0;
        for (AreaCode residence : ALL_AREAS) {
            for (AreaCode insured : ALL_AREAS) {
                for (String street : streets) {
                    for (RosterContext roster : rosters) {
                        Optional<ReceivingProposal> p = rule.propose(retiree(insured, residence, street),
                                enterprise("MUNICIPAL_KEY_SOE", insured), roster);
                        if (p.isPresent()) {
                            proposals++;
                            assertAcceptable(p.get(), rule.territory(), roster, "WANSHENG_");
                        }
                    }
                }
            }
        }
        assertTrue(proposals > 0);
    }
}
