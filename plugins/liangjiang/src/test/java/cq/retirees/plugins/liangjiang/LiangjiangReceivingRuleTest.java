package cq.retirees.plugins.liangjiang;

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
import static cq.retirees.spi.testing.PluginTestKit.BEIBEI;
import static cq.retirees.spi.testing.PluginTestKit.JIANGBEI;
import static cq.retirees.spi.testing.PluginTestKit.LJXQ;
import static cq.retirees.spi.testing.PluginTestKit.SHAPINGBA;
import static cq.retirees.spi.testing.PluginTestKit.YUBEI;
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

class LiangjiangReceivingRuleTest {

    private static final String SOE = "LIANGJIANG_SOE";
    private final ReceivingBodyFacts centre = body(LJXQ, "两江新区退休人员服务中心", "DEPARTMENT");
    private final ReceivingBodyFacts renhe = body(YUBEI, "人和街道", "STREET");

    private static LiangjiangReceivingRule configured(String... keyValues) {
        LiangjiangReceivingRule rule = new LiangjiangReceivingRule();
        rule.configure(settings(keyValues));
        return rule;
    }

    @Test
    void namesItselfAndItsTerritory() {
        LiangjiangReceivingRule rule = configured();
        Territory t = rule.territory();
        assertEquals("liangjiang", rule.ruleId());
        assertFalse(t.citywide());
        assertEquals(Set.of(JIANGBEI, YUBEI, BEIBEI), t.residenceAreas());
        assertEquals(Set.of(SOE), t.enterpriseCategories());
        assertEquals(Set.of(LJXQ), t.receivingAreas());
    }

    @Test
    void receivesAResidentOfAZoneStreetByTheServiceCentre() {
        RosterContext roster = roster(centre, renhe);
        ReceivingProposal p = configured().propose(retiree(YUBEI, YUBEI, "人和街道"), enterprise(SOE, YUBEI), roster)
                .orElseThrow();
        assertEquals(LJXQ, p.area());
        assertEquals(centre.id(), p.receivingBodyId());
        assertEquals("LIANGJIANG_TERRITORY_STREET", p.reasonCode());
        assertEquals("LIANGJIANG_SERVICE_CENTRE", p.bodyReasonCode());
        assertEquals(List.of(new Alternative(YUBEI, "LIANGJIANG_ZONE_RECEIVES")), p.alternatives(),
                "the insured area the municipal default would have chosen");
        assertAcceptable(p, configured().territory(), roster, "LIANGJIANG_");
    }

    @Test
    void receivesWhateverTheInsuredAreaAndListsBothAreasItOverrides() {
        ReceivingProposal p = configured().propose(retiree(SHAPINGBA, JIANGBEI, "鱼嘴镇"),
                enterprise(SOE, SHAPINGBA), roster(centre)).orElseThrow();
        assertEquals(LJXQ, p.area());
        assertEquals(List.of(SHAPINGBA, JIANGBEI), p.alternatives().stream().map(Alternative::area).toList());
    }

    @Test
    void toleratesSpacesAroundTheStreetName() {
        assertTrue(configured().propose(retiree(BEIBEI, BEIBEI, "\u3000蔡家岗街道 "), enterprise(SOE, BEIBEI),
                roster(centre)).isPresent());
    }

    @Test
    void proposesTheZoneWithoutABodyWhenTheCentreIsNotRegistered() {
        ReceivingProposal p = configured().propose(retiree(YUBEI, YUBEI, "礼嘉街道"), enterprise(SOE, YUBEI),
                roster(renhe, body(LJXQ, "另一个中心", "DEPARTMENT"))).orElseThrow();
        assertEquals(LJXQ, p.area());
        assertNull(p.receivingBodyId());
        assertEquals("LIANGJIANG_BODY_NOT_REGISTERED", p.bodyReasonCode());
    }

    @Test
    void declinesStreetsTheDistrictStillManages() {
        LiangjiangReceivingRule rule = configured();
        RosterContext roster = roster(centre);
        assertEquals(Optional.empty(), rule.propose(retiree(YUBEI, YUBEI, "双龙湖街道"), enterprise(SOE, YUBEI), roster));
        assertEquals(Optional.empty(), rule.propose(retiree(YUBEI, YUBEI, null), enterprise(SOE, YUBEI), roster));
        assertEquals(Optional.empty(), rule.propose(retiree(YUBEI, YUBEI, " "), enterprise(SOE, YUBEI), roster));
        // a zone street of one district does not count for another
        assertEquals(Optional.empty(), rule.propose(retiree(YUBEI, YUBEI, "鱼嘴镇"), enterprise(SOE, YUBEI), roster));
    }

    @Test
    void declinesOutsideItsTerritory() {
        LiangjiangReceivingRule rule = configured();
        RosterContext roster = roster(centre);
        assertEquals(Optional.empty(), rule.propose(retiree(YUBEI, YUBEI, "人和街道"),
                enterprise("MUNICIPAL_KEY_SOE", YUBEI), roster));
        assertEquals(Optional.empty(), rule.propose(retiree(YUZHONG, YUZHONG, "人和街道"),
                enterprise(SOE, YUZHONG), roster));
    }

    @Test
    void declinesWhileTheZoneIsNotInForce() {
        assertEquals(Optional.empty(), configured().propose(retiree(YUBEI, YUBEI, "人和街道"), enterprise(SOE, YUBEI),
                roster(Set.of(YUBEI, JIANGBEI, BEIBEI), centre)));
    }

    @Test
    void settingsOverrideStreetsAndBody() {
        ReceivingBodyFacts office = body(LJXQ, "两江新区社会保障局", "DEPARTMENT");
        LiangjiangReceivingRule rule = configured("streets.500112", "双龙湖街道，回兴街道", "receiving-body", "两江新区社会保障局");
        RosterContext roster = roster(centre, office);
        ReceivingProposal p = rule.propose(retiree(YUBEI, YUBEI, "回兴街道"), enterprise(SOE, YUBEI), roster)
                .orElseThrow();
        assertEquals(office.id(), p.receivingBodyId());
        assertEquals(Optional.empty(), rule.propose(retiree(YUBEI, YUBEI, "人和街道"), enterprise(SOE, YUBEI), roster),
                "the overridden list replaces the sample");
        assertTrue(rule.propose(retiree(JIANGBEI, JIANGBEI, "鱼嘴镇"), enterprise(SOE, JIANGBEI), roster).isPresent(),
                "a district not named in the settings keeps its sample");
    }

    @Test
    void anEmptyStreetListSwitchesADistrictOff() {
        LiangjiangReceivingRule rule = configured("streets.500109", "");
        assertEquals(Optional.empty(), rule.propose(retiree(BEIBEI, BEIBEI, "水土街道"), enterprise(SOE, BEIBEI),
                roster(centre)));
    }

    @Test
    void theShippedSettingsAreTheBuiltInSamples() throws Exception {
        assertEquals(LiangjiangSettings.SAMPLE, LiangjiangSettings.from(shippedSettings(LiangjiangSettings.class)));
        assertEquals(LiangjiangSettings.SAMPLE, LiangjiangSettings.from(settings()));
        assertTrue(new LiangjiangReceivingRule().propose(retiree(YUBEI, YUBEI, "悦来街道"), enterprise(SOE, YUBEI),
                roster(centre)).isPresent(), "unconfigured, the rule uses the samples");
    }

    @Test
    void neverProposesOutsideItsReceivingAreas() {
        LiangjiangReceivingRule rule = configured();
        List<String> streets = List.of("人和街道", "鱼嘴镇", "水土街道", "双龙湖街道", "解放碑街道");
        List<String> categories = List.of(SOE, "DISTRICT_SOE", "MUNICIPAL_KEY_SOE");
        List<RosterContext> rosters = List.of(roster(centre, renhe), roster(renhe), roster());
        int proposals = 0;
        for (AreaCode residence : ALL_AREAS) {
            for (AreaCode insured : ALL_AREAS) {
                for (String street : streets) {
                    for (String category : categories) {
                        for (RosterContext roster : rosters) {
                            Optional<ReceivingProposal> p = rule.propose(retiree(insured, residence, street),
                                    enterprise(category, insured), roster);
                            if (p.isPresent()) {
                                proposals++;
                                assertAcceptable(p.get(), rule.territory(), roster, "LIANGJIANG_");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(proposals > 0);
    }
}
