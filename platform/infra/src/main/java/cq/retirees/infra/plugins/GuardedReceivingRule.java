package cq.retirees.infra.plugins;

import cq.retirees.spi.receiving.EnterpriseFacts;
import cq.retirees.spi.receiving.ReceivingProposal;
import cq.retirees.spi.receiving.ReceivingRule;
import cq.retirees.spi.receiving.RetireeFacts;
import cq.retirees.spi.receiving.RosterContext;
import cq.retirees.spi.receiving.Territory;

import java.util.Optional;

/**
 * A plugin's receiving rule as the platform calls it: under the plugin's id, within the territory declared at
 * install, with a time limit. Whatever goes wrong becomes "no proposal", so the municipal default decides.
 */
final class GuardedReceivingRule implements ReceivingRule {

    private final String pluginId;
    private final Territory territory;
    private final ReceivingRule delegate;
    private final PluginCalls calls;
    private final PluginFailures failures;
    private final String codePrefix;

    GuardedReceivingRule(String pluginId, Territory territory, ReceivingRule delegate, PluginCalls calls,
                         PluginFailures failures) {
        this.pluginId = pluginId;
        this.territory = territory;
        this.delegate = delegate;
        this.calls = calls;
        this.failures = failures;
        this.codePrefix = pluginId.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_";
    }

    /**
     * Every code a plugin gives starts with its own name ({@code WANSHENG_…}), so that a reader of the roster sees
     * who decided, and a plugin cannot pass its decision off as the municipal default's.
     */
    private boolean namesThePlugin(ReceivingProposal proposal) {
        return proposal.reasonCode().startsWith(codePrefix) && proposal.bodyReasonCode().startsWith(codePrefix)
                && proposal.alternatives().stream().allMatch(a -> a.reasonCode() != null
                && a.reasonCode().startsWith(codePrefix));
    }

    /** The plugin's id, not what the plugin says: a proposal always names the plugin that made it. */
    @Override
    public String ruleId() {
        return pluginId;
    }

    @Override
    public Territory territory() {
        return territory;
    }

    @Override
    public Optional<ReceivingProposal> propose(RetireeFacts retiree, EnterpriseFacts enterprise, RosterContext roster) {
        if (!territory.governs(retiree, enterprise)) {
            return Optional.empty();
        }
        Optional<ReceivingProposal> proposal = calls.call(pluginId, () -> delegate.propose(retiree, enterprise, roster))
                .flatMap(answer -> answer);
        if (proposal.isPresent() && !territory.mayReceiveIn(proposal.get().area())) {
            failures.record(pluginId, PluginFailures.Kind.TERRITORY, "proposed " + proposal.get().area().value());
            return Optional.empty();
        }
        if (proposal.isPresent() && !namesThePlugin(proposal.get())) {
            failures.record(pluginId, PluginFailures.Kind.CONTRACT, "reason codes must start with " + codePrefix);
            return Optional.empty();
        }
        return proposal;
    }
}
