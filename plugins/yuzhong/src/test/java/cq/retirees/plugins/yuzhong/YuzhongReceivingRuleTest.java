package cq.retirees.plugins.yuzhong;

import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.InvalidValueException;
import cq.retirees.spi.receiving.EnterpriseFacts;
import cq.retirees.spi.receiving.ReceivingBodyFacts;
import cq.retirees.spi.receiving.ReceivingProposal;
import cq.retirees.spi.receiving.ReceivingProposal.Alternative;
import cq.retirees.spi.receiving.RosterContext;
import cq.retirees.spi.receiving.Territory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static cq.retirees.spi.testing.PluginTestKit.ALL_AREAS;
import static cq.retirees.spi.testing.PluginTestKit.JIANGBEI;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YuzhongReceivingRuleTest {

    private static final String SOE = "DISTRICT_SOE";
    private final ReceivingBodyFacts jiefangbei = body(YUZHONG, "解放碑街道", "STREET");
    private final ReceivingBodyFacts daping = body(YUZHONG, "大坪街道", "STREET");
    private final ReceivingBodyFacts department = body(YUZHONG, "渝中区退休人员服务中心", "DEPARTMENT");
    private final ReceivingBodyFacts jiefangbeiElsewhere = body(JIANGBEI, "解放碑街道", "STREET");
    private final RosterContext roster = roster(jiefangbei, daping, department, jiefangbeiElsewhere);

    private static YuzhongReceivingRule configured(String... keyValues) {
        YuzhongReceivingRule rule = new YuzhongReceivingRule();
        rule.configure(settings(keyValues));
        return rule;
    }

    @Test
    void namesItselfAndItsTerritory() {
        YuzhongReceivingRule rule = configured();
        Territory t = rule.territory();
        assertEquals("yuzhong", rule.ruleId());
        assertFalse(t.citywide());
        assertEquals(Set.of(YUZHONG), t.residenceAreas());
        assertEquals(Set.of(SOE), t.enterpriseCategories());
        assertEquals(Set.of(YUZHONG), t.receivingAreas());
    }

    @Test
    void receivesByTheStreetOfficeOfTheStreetOfResidence() {
        ReceivingProposal p = configured().propose(retiree(YUZHONG, YUZHONG, "大坪街道"), enterprise(SOE, YUZHONG),
                roster).orElseThrow();
        assertEquals(YUZHONG, p.area());
        assertEquals(daping.id(), p.receivingBodyId());
        assertEquals("YUZHONG_STREET_OF_RESIDENCE", p.reasonCode());
        assertEquals("YUZHONG_STREET_OFFICE", p.bodyReasonCode());
        assertEquals(List.of(), p.alternatives(), "the municipal default would have chosen the district too");
        assertAcceptable(p, configured().territory(), roster, "YUZHONG_");
    }

    @Test
    void followsTheAliasesOfTheSettings() {
        assertEquals(jiefangbei.id(), configured().propose(retiree(YUZHONG, YUZHONG, " 解放碑 "),
                enterprise(SOE, YUZHONG), roster).orElseThrow().receivingBodyId());
        YuzhongReceivingRule custom = configured("street-aliases", "较场口＝解放碑街道, 大坪正街=大坪街道");
        assertEquals(jiefangbei.id(), custom.propose(retiree(YUZHONG, YUZHONG, "较场口"), enterprise(SOE, YUZHONG),
                roster).orElseThrow().receivingBodyId());
        assertEquals(daping.id(), custom.propose(retiree(YUZHONG, YUZHONG, "大坪正街"), enterprise(SOE, YUZHONG),
                roster).orElseThrow().receivingBodyId());
        assertEquals(Optional.empty(), custom.propose(retiree(YUZHONG, YUZHONG, "解放碑"), enterprise(SOE, YUZHONG),
                roster), "the overridden aliases replace the sample");
        assertTrue(custom.propose(retiree(YUZHONG, YUZHONG, "解放碑街道"), enterprise(SOE, YUZHONG), roster)
                .isPresent(), "a street written as registered needs no alias");
    }

    @Test
    void declinesWhenNoStreetOfficeMatchesExactly() {
        YuzhongReceivingRule rule = configured();
        EnterpriseFacts own = enterprise(SOE, YUZHONG);
        assertEquals(Optional.empty(), rule.propose(retiree(YUZHONG, YUZHONG, "解放"), own, roster), "no loose match");
        assertEquals(Optional.empty(), rule.propose(retiree(YUZHONG, YUZHONG, "化龙桥街道"), own, roster),
                "a street not registered");
        assertEquals(Optional.empty(), rule.propose(retiree(YUZHONG, YUZHONG, "渝中区退休人员服务中心"), own, roster),
                "only a street office receives");
        assertEquals(Optional.empty(), rule.propose(retiree(YUZHONG, YUZHONG, null), own, roster));
    }

    @Test
    void declinesOutsideItsTerritory() {
        YuzhongReceivingRule rule = configured();
        assertEquals(Optional.empty(), rule.propose(retiree(YUZHONG, YUZHONG, "大坪街道"),
                enterprise("MUNICIPAL_KEY_SOE", YUZHONG), roster));
        assertEquals(Optional.empty(), rule.propose(retiree(JIANGBEI, JIANGBEI, "解放碑街道"),
                enterprise(SOE, JIANGBEI), roster));
        assertEquals(Optional.empty(), rule.propose(retiree(YUZHONG, YUZHONG, "大坪街道"), enterprise(SOE, YUZHONG),
                roster(Set.of(JIANGBEI), daping)), "the district not in force");
    }

    @Test
    void decidesOnlyForTheDistrictsOwnEnterprisesUnlessTheSettingsWiden() {
        EnterpriseFacts jiangbeiSoe = enterprise(SOE, JIANGBEI);
        assertEquals(Optional.empty(), configured().propose(retiree(JIANGBEI, YUZHONG, "大坪街道"), jiangbeiSoe,
                roster));
        EnterpriseFacts locatedHere = new EnterpriseFacts(UUID.randomUUID(), SOE, SHAPINGBA, YUZHONG);
        ReceivingProposal p = configured().propose(retiree(SHAPINGBA, YUZHONG, "大坪街道"), locatedHere, roster)
                .orElseThrow();
        assertEquals(List.of(new Alternative(SHAPINGBA, "YUZHONG_DISTRICT_RECEIVES")), p.alternatives());
        assertTrue(configured("enterprise-areas", "").propose(retiree(JIANGBEI, YUZHONG, "大坪街道"), jiangbeiSoe,
                roster).isPresent(), "empty: any district SOE");
        assertTrue(configured("enterprise-areas", "500103,500105").propose(retiree(JIANGBEI, YUZHONG, "大坪街道"),
                jiangbeiSoe, roster).isPresent());
    }

    @Test
    void refusesMalformedSettings() {
        assertThrows(IllegalArgumentException.class, () -> configured("street-aliases", "解放碑"));
        assertThrows(IllegalArgumentException.class, () -> configured("street-aliases", "=解放碑街道"));
        assertThrows(InvalidValueException.class, () -> configured("enterprise-areas", "渝中"));
    }

    @Test
    void theShippedSettingsAreTheBuiltInSamples() throws Exception {
        assertEquals(YuzhongSettings.SAMPLE, YuzhongSettings.from(shippedSettings(YuzhongSettings.class)));
        assertEquals(YuzhongSettings.SAMPLE, YuzhongSettings.from(settings()));
        assertTrue(new YuzhongReceivingRule().propose(retiree(YUZHONG, YUZHONG, "大坪"), enterprise(SOE, YUZHONG),
                roster).isPresent(), "unconfigured, the rule uses the samples");
    }

    @Test
    void neverProposesOutsideItsReceivingAreas() {
        YuzhongReceivingRule rule = configured("enterprise-areas", "");
        List<String> streets = List.of("解放碑街道", "大坪", "渝中区退休人员服务中心", "人和街道");
        List<RosterContext> rosters = List.of(roster, roster(jiefangbeiElsewhere), roster());
        int proposals = 0;
        for (AreaCode residence : ALL_AREAS) {
            for (AreaCode insured : List.of(YUZHONG, JIANGBEI, WANZHOU)) {
                for (String street : streets) {
                    for (RosterContext r : rosters) {
                        Optional<ReceivingProposal> p = rule.propose(retiree(insured, residence, street),
                                enterprise(SOE, insured), r);
                        if (p.isPresent()) {
                            proposals++;
                            assertAcceptable(p.get(), rule.territory(), r, "YUZHONG_");
                        }
                    }
                }
            }
        }
        assertTrue(proposals > 0);
    }
}
