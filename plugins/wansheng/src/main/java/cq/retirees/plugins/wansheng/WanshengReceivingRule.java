package cq.retirees.plugins.wansheng;

import cq.retirees.spi.Configurable;
import cq.retirees.spi.PluginSettings;
import cq.retirees.spi.receiving.EnterpriseFacts;
import cq.retirees.spi.receiving.ReceivingBodyFacts;
import cq.retirees.spi.receiving.ReceivingProposal;
import cq.retirees.spi.receiving.ReceivingProposal.Alternative;
import cq.retirees.spi.receiving.ReceivingRule;
import cq.retirees.spi.receiving.RetireeFacts;
import cq.retirees.spi.receiving.RosterContext;
import cq.retirees.spi.receiving.Territory;
import org.pf4j.Extension;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * 万盛经开区: a retiree living in one of the towns or streets of the former 万盛区 is received in the zone, whatever
 * the enterprise's insured area, by the township or street office of the same name. Residents of the rest of
 * 綦江区 are left to the municipal default.
 *
 * <p>When no office of that name is registered in the zone the rule still proposes the zone, without a body
 * ({@code WANSHENG_BODY_NOT_REGISTERED}): the zone is who receives, and a missing registration is for the zone to
 * fix by override, as the municipal default does with {@code NO_BODY_DETERMINED}.
 */
@Extension
public final class WanshengReceivingRule implements ReceivingRule, Configurable {

    static final String REASON = "WANSHENG_FORMER_DISTRICT";
    static final String BODY_REASON = "WANSHENG_STREET_OF_RESIDENCE";
    static final String BODY_NOT_REGISTERED = "WANSHENG_BODY_NOT_REGISTERED";
    static final String OVERRIDDEN = "WANSHENG_ZONE_RECEIVES";

    /** The kinds of body that are a township or street office. */
    private static final Set<String> STREET_KINDS = Set.of("STREET", "TOWNSHIP", "TOWN");

    // Replaced once by configure, before any other call; volatile so the replacement is seen by every thread.
    private volatile Set<String> streets = WanshengSettings.SAMPLE_STREETS;

    @Override
    public void configure(PluginSettings settings) {
        streets = WanshengSettings.streets(settings);
    }

    @Override
    public String ruleId() {
        return Wansheng.ID;
    }

    @Override
    public Territory territory() {
        return Wansheng.TERRITORY;
    }

    @Override
    public Optional<ReceivingProposal> propose(RetireeFacts retiree, EnterpriseFacts enterprise, RosterContext roster) {
        // The host only asks about the territory; checking again keeps the rule correct when called on its own
        // (Territory.governs throws on a missing residence area, hence the null check first).
        if (retiree.residenceArea() == null || !Wansheng.TERRITORY.governs(retiree, enterprise)
                || !roster.inForce(Wansheng.ZONE)) {
            return Optional.empty();
        }
        String street = retiree.residenceStreet() == null ? "" : retiree.residenceStreet().strip();
        if (!streets.contains(street)) {
            return Optional.empty();
        }
        UUID body = roster.bodiesIn(Wansheng.ZONE).stream()
                .filter(b -> STREET_KINDS.contains(b.kind()) && street.equals(b.nameZh()))
                .map(ReceivingBodyFacts::id).findFirst().orElse(null);
        return Optional.of(new ReceivingProposal(Wansheng.ZONE, body, REASON,
                body == null ? BODY_NOT_REGISTERED : BODY_REASON,
                Alternative.overriddenBy(Wansheng.ZONE, retiree, enterprise, roster, OVERRIDDEN)));
    }
}
