package cq.retirees.spi.receiving;

import org.pf4j.ExtensionPoint;

import java.util.Optional;

/**
 * Proposes where one retiree is received: area and receiving body, with a reason code (DOMAIN.md §5.1). The
 * municipal default rule is built in; a district or zone plugin supplies its own rule for its {@link Territory}.
 * The host asks a rule only about retirees inside its territory and checks that whatever it proposes stays there.
 *
 * <p>A rule must be a pure function of its arguments: no I/O, no shared mutable state. It may decline
 * ({@link Optional#empty()}), in which case the municipal default decides.
 */
public interface ReceivingRule extends ExtensionPoint {

    /** Stable identifier, recorded with every proposal the rule makes (e.g. {@code "municipal-default"}). */
    String ruleId();

    /** Which retirees this rule governs. */
    Territory territory();

    Optional<ReceivingProposal> propose(RetireeFacts retiree, EnterpriseFacts enterprise, RosterContext roster);
}
