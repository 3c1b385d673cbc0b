package cq.retirees.handover.internal;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.receiving.EnterpriseFacts;
import cq.retirees.spi.receiving.ReceivingBodyFacts;
import cq.retirees.spi.receiving.ReceivingProposal;
import cq.retirees.spi.receiving.ReceivingRule;
import cq.retirees.spi.receiving.RetireeFacts;
import cq.retirees.spi.receiving.RosterContext;
import cq.retirees.spi.receiving.Territory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The rule chain: a district or zone rule decides for the retirees of its territory, and the municipal default for
 * everyone else and whenever a district rule declines, fails, or proposes what it may not.
 */
class ReceivingRulesTest {

    static final AreaCode YUZHONG = AreaCode.of("500103");
    static final AreaCode JIANGBEI = AreaCode.of("500105");
    static final AreaCode LIANGJIANG = AreaCode.of("LJXQ");

    static final ReceivingBodyFacts GUANYINQIAO = new ReceivingBodyFacts(UUID.randomUUID(), JIANGBEI, "观音桥街道",
            "STREET");
    static final ReceivingBodyFacts JIEFANGBEI = new ReceivingBodyFacts(UUID.randomUUID(), YUZHONG, "解放碑街道",
            "STREET");
    static final RosterContext ROSTER = new RosterContext(10, Map.of(YUZHONG, 8L, JIANGBEI, 2L),
            Set.of(YUZHONG, JIANGBEI, LIANGJIANG), Map.of(JIANGBEI, List.of(GUANYINQIAO), YUZHONG, List.of(JIEFANGBEI)));

    /** Insured in Yuzhong, living (not concentrated) in Jiangbei: the municipal default says Yuzhong. */
    static final RetireeFacts IN_JIANGBEI = new RetireeFacts(UUID.randomUUID(), YUZHONG, JIANGBEI, "观音桥街道",
            LocalDate.of(1955, 1, 1), false);
    static final EnterpriseFacts KEY_SOE = new EnterpriseFacts(UUID.randomUUID(), "MUNICIPAL_KEY_SOE", YUZHONG,
            YUZHONG);
    static final EnterpriseFacts LIANGJIANG_SOE = new EnterpriseFacts(UUID.randomUUID(), "LIANGJIANG_SOE", YUZHONG,
            YUZHONG);

    static final Territory JIANGBEI_RESIDENTS = Territory.of(Set.of(JIANGBEI), Set.of(), Set.of(JIANGBEI));

    final MunicipalReceivingRule municipal = new MunicipalReceivingRule(new ConcentrationThresholds(3, 0.2));

    /** A district rule answering with whatever {@code answer} gives, counting how often it is asked. */
    static class DistrictRule implements ReceivingRule {
        final String id;
        final Territory territory;
        final Supplier<Optional<ReceivingProposal>> answer;
        final AtomicInteger asked = new AtomicInteger();

        DistrictRule(String id, Territory territory, Supplier<Optional<ReceivingProposal>> answer) {
            this.id = id;
            this.territory = territory;
            this.answer = answer;
        }

        @Override
        public String ruleId() {
            return id;
        }

        @Override
        public Territory territory() {
            return territory;
        }

        @Override
        public Optional<ReceivingProposal> propose(RetireeFacts retiree, EnterpriseFacts enterprise,
                                                   RosterContext roster) {
            asked.incrementAndGet();
            return answer.get();
        }
    }

    static Supplier<Optional<ReceivingProposal>> proposing(AreaCode area, UUID body) {
        return () -> Optional.of(new ReceivingProposal(area, body, "DISTRICT_AGREEMENT",
                body == null ? "NO_BODY_DETERMINED" : "STREET_OF_RESIDENCE", List.of()));
    }

    ReceivingRules.Decision decide(List<ReceivingRule> rules, RetireeFacts retiree, EnterpriseFacts enterprise) {
        return new ReceivingRules(municipal, () -> rules).snapshot().decide(retiree, enterprise, ROSTER);
    }

    void assertMunicipalDefault(ReceivingRules.Decision decision) {
        assertEquals("municipal-default", decision.ruleId());
        assertEquals(municipal.propose(IN_JIANGBEI, KEY_SOE, ROSTER).orElseThrow(), decision.proposal());
        assertEquals(YUZHONG, decision.proposal().area());
        assertEquals("INSURED_AREA", decision.proposal().reasonCode());
    }

    @Test
    void withoutDistrictRulesTheMunicipalDefaultDecides() {
        assertMunicipalDefault(decide(List.of(), IN_JIANGBEI, KEY_SOE));
    }

    @Test
    void aDistrictRuleGoverningTheResidenceDecides() {
        DistrictRule jiangbei = new DistrictRule("jiangbei-residents", JIANGBEI_RESIDENTS,
                proposing(JIANGBEI, GUANYINQIAO.id()));
        ReceivingRules.Decision decision = decide(List.of(jiangbei), IN_JIANGBEI, KEY_SOE);

        assertEquals("jiangbei-residents", decision.ruleId());
        assertEquals(JIANGBEI, decision.proposal().area());
        assertEquals(GUANYINQIAO.id(), decision.proposal().receivingBodyId());
        assertEquals("DISTRICT_AGREEMENT", decision.proposal().reasonCode());
        assertEquals(1, jiangbei.asked.get());
    }

    @Test
    void aDistrictRuleGoverningTheEnterpriseCategoryDecides() {
        DistrictRule liangjiang = new DistrictRule("liangjiang-soes",
                Territory.of(Set.of(), Set.of("LIANGJIANG_SOE"), Set.of(LIANGJIANG)), proposing(LIANGJIANG, null));

        ReceivingRules.Decision decision = decide(List.of(liangjiang), IN_JIANGBEI, LIANGJIANG_SOE);
        assertEquals("liangjiang-soes", decision.ruleId());
        assertEquals(LIANGJIANG, decision.proposal().area());

        assertMunicipalDefault(decide(List.of(liangjiang), IN_JIANGBEI, KEY_SOE));
    }

    @Test
    void aRuleIsNotAskedAboutRetireesOutsideItsTerritory() {
        DistrictRule yuzhong = new DistrictRule("yuzhong-residents",
                Territory.of(Set.of(YUZHONG), Set.of("YUZHONG_SOE"), Set.of(YUZHONG, JIANGBEI)),
                proposing(JIANGBEI, null));

        assertMunicipalDefault(decide(List.of(yuzhong), IN_JIANGBEI, KEY_SOE));
        assertEquals(0, yuzhong.asked.get(), "a rule outside its territory must not be asked");
    }

    @Test
    void theFirstGoverningRuleDecidesAndTheNextIsAskedWhenItDeclines() {
        DistrictRule declines = new DistrictRule("declines", JIANGBEI_RESIDENTS, Optional::empty);
        DistrictRule outside = new DistrictRule("outside", Territory.of(Set.of(YUZHONG), Set.of(), Set.of(YUZHONG)),
                proposing(YUZHONG, null));
        DistrictRule decides = new DistrictRule("decides", JIANGBEI_RESIDENTS, proposing(JIANGBEI, null));
        DistrictRule later = new DistrictRule("later", JIANGBEI_RESIDENTS, proposing(JIANGBEI, GUANYINQIAO.id()));

        ReceivingRules.Decision decision = decide(List.of(declines, outside, decides, later), IN_JIANGBEI, KEY_SOE);

        assertEquals("decides", decision.ruleId());
        assertEquals(List.of(1, 0, 1, 0), List.of(declines.asked.get(), outside.asked.get(), decides.asked.get(),
                later.asked.get()));
    }

    @Test
    void aRuleThatThrowsLeavesItToTheMunicipalDefault() {
        DistrictRule failing = new DistrictRule("failing", JIANGBEI_RESIDENTS, () -> {
            throw new IllegalStateException("plugin bug");
        });
        assertMunicipalDefault(decide(List.of(failing), IN_JIANGBEI, KEY_SOE));
        assertEquals(1, failing.asked.get());
    }

    /** "A plugin's failure never fails the proposal" (ReceivingRules): that includes a failing territory. */
    @Test
    void aRuleWhoseTerritoryFailsLeavesItToTheMunicipalDefault() {
        DistrictRule broken = new DistrictRule("broken-territory", JIANGBEI_RESIDENTS, proposing(JIANGBEI, null)) {
            @Override
            public Territory territory() {
                throw new IllegalStateException("plugin bug");
            }
        };
        assertMunicipalDefault(decide(List.of(broken), IN_JIANGBEI, KEY_SOE));
        assertEquals(0, broken.asked.get());
    }

    @Test
    void aRuleThatDeclinesLeavesItToTheMunicipalDefault() {
        assertMunicipalDefault(decide(List.of(new DistrictRule("declines", JIANGBEI_RESIDENTS, Optional::empty)),
                IN_JIANGBEI, KEY_SOE));
    }

    @Test
    void aRuleThatAnswersNullLeavesItToTheMunicipalDefault() {
        assertMunicipalDefault(decide(List.of(new DistrictRule("null", JIANGBEI_RESIDENTS, () -> null)),
                IN_JIANGBEI, KEY_SOE));
    }

    @Test
    void aProposalOutsideTheRulesReceivingAreasIsIgnored() {
        DistrictRule greedy = new DistrictRule("greedy", JIANGBEI_RESIDENTS, proposing(YUZHONG, JIEFANGBEI.id()));
        assertMunicipalDefault(decide(List.of(greedy), IN_JIANGBEI, KEY_SOE));
        assertEquals(1, greedy.asked.get());
    }

    @Test
    void aBodyNotRegisteredInTheProposedAreaIsIgnored() {
        DistrictRule bodyOfAnotherArea = new DistrictRule("body-of-yuzhong", JIANGBEI_RESIDENTS,
                proposing(JIANGBEI, JIEFANGBEI.id()));
        DistrictRule unknownBody = new DistrictRule("unknown-body", JIANGBEI_RESIDENTS,
                proposing(JIANGBEI, UUID.randomUUID()));

        assertMunicipalDefault(decide(List.of(bodyOfAnotherArea), IN_JIANGBEI, KEY_SOE));
        assertMunicipalDefault(decide(List.of(unknownBody), IN_JIANGBEI, KEY_SOE));
    }

    @Test
    void aRejectedProposalLetsTheNextGoverningRuleDecide() {
        DistrictRule greedy = new DistrictRule("greedy", JIANGBEI_RESIDENTS, proposing(YUZHONG, null));
        DistrictRule modest = new DistrictRule("modest", JIANGBEI_RESIDENTS, proposing(JIANGBEI, null));

        assertEquals("modest", decide(List.of(greedy, modest), IN_JIANGBEI, KEY_SOE).ruleId());
    }

    @Test
    void aSnapshotKeepsTheRulesItWasTaken() {
        List<ReceivingRule> installed = new ArrayList<>();
        AtomicInteger taken = new AtomicInteger();
        ReceivingRules rules = new ReceivingRules(municipal, () -> {
            taken.incrementAndGet();
            return installed;
        });
        ReceivingRules.Snapshot before = rules.snapshot();
        installed.add(new DistrictRule("installed-later", JIANGBEI_RESIDENTS, proposing(JIANGBEI, null)));

        assertEquals("municipal-default", before.decide(IN_JIANGBEI, KEY_SOE, ROSTER).ruleId());
        assertEquals("municipal-default", before.decide(IN_JIANGBEI, KEY_SOE, ROSTER).ruleId());
        assertEquals(1, taken.get(), "the rules are taken once per snapshot");
        assertEquals("installed-later", rules.snapshot().decide(IN_JIANGBEI, KEY_SOE, ROSTER).ruleId());
    }

    @Test
    void theDecisionCarriesTheRulesProposalUnchanged() {
        ReceivingProposal proposal = new ReceivingProposal(JIANGBEI, GUANYINQIAO.id(), "DISTRICT_AGREEMENT",
                "STREET_OF_RESIDENCE", List.of(new ReceivingProposal.Alternative(YUZHONG, "BY_AGREEMENT")));
        DistrictRule rule = new DistrictRule("jiangbei", JIANGBEI_RESIDENTS, () -> Optional.of(proposal));

        assertSame(proposal, decide(List.of(rule), IN_JIANGBEI, KEY_SOE).proposal());
    }
}
