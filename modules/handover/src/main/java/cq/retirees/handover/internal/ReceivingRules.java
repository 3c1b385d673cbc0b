package cq.retirees.handover.internal;

import cq.retirees.spi.receiving.EnterpriseFacts;
import cq.retirees.spi.receiving.ReceivingBodyFacts;
import cq.retirees.spi.receiving.ReceivingProposal;
import cq.retirees.spi.receiving.ReceivingRule;
import cq.retirees.spi.receiving.RetireeFacts;
import cq.retirees.spi.receiving.RosterContext;
import cq.retirees.spi.receiving.Territory;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The rule chain: the first district or zone rule whose territory governs the retiree decides; where none does, or
 * one declines, fails, proposes outside its territory, names a body not registered in the proposed area or gives
 * malformed codes, the municipal default decides. A plugin's failure never fails the proposal.
 */
final class ReceivingRules {

    private static final System.Logger LOG = System.getLogger(ReceivingRules.class.getName());
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** A proposal and the rule that made it. */
    record Decision(String ruleId, ReceivingProposal proposal) {
    }

    private final ReceivingRule municipalDefault;
    private final Supplier<List<ReceivingRule>> districtRules;

    ReceivingRules(ReceivingRule municipalDefault, Supplier<List<ReceivingRule>> districtRules) {
        this.municipalDefault = municipalDefault;
        this.districtRules = districtRules;
    }

    /** The rules in force for one proposal run: taken once, so a run is decided by one set of rules. */
    Snapshot snapshot() {
        return new Snapshot(List.copyOf(districtRules.get()));
    }

    final class Snapshot {
        private final List<ReceivingRule> rules;

        private Snapshot(List<ReceivingRule> rules) {
            this.rules = rules;
        }

        Decision decide(RetireeFacts retiree, EnterpriseFacts enterprise, RosterContext roster) {
            for (ReceivingRule rule : rules) {
                Optional<ReceivingProposal> proposal = attempt(rule, retiree, enterprise, roster);
                if (proposal.isPresent()) {
                    return new Decision(rule.ruleId(), proposal.get());
                }
            }
            return new Decision(municipalDefault.ruleId(),
                    municipalDefault.propose(retiree, enterprise, roster).orElseThrow());
        }
    }

    private static Optional<ReceivingProposal> attempt(ReceivingRule rule, RetireeFacts retiree,
                                                       EnterpriseFacts enterprise, RosterContext roster) {
        try {
            Territory territory = rule.territory();
            if (territory == null || !territory.governs(retiree, enterprise)) {
                return Optional.empty();
            }
            Optional<ReceivingProposal> proposal = rule.propose(retiree, enterprise, roster);
            if (proposal == null) {
                return Optional.empty();
            }
            return proposal.filter(p -> territory.mayReceiveIn(p.area()) && bodyInArea(p, roster) && wellFormed(p));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "receiving rule " + rule.ruleId() + " failed; the municipal default decides: "
                    + e.getClass().getName());
            return Optional.empty();
        }
    }

    /** Reason codes are stored and labelled as codes: UPPER_SNAKE only, every alternative naming an area. */
    private static boolean wellFormed(ReceivingProposal proposal) {
        return CODE.matcher(proposal.reasonCode()).matches() && CODE.matcher(proposal.bodyReasonCode()).matches()
                && proposal.alternatives().stream().allMatch(a -> a != null && a.area() != null
                && a.reasonCode() != null && CODE.matcher(a.reasonCode()).matches());
    }

    private static boolean bodyInArea(ReceivingProposal proposal, RosterContext roster) {
        return proposal.receivingBodyId() == null || roster.bodiesIn(proposal.area()).stream()
                .map(ReceivingBodyFacts::id).anyMatch(proposal.receivingBodyId()::equals);
    }
}
